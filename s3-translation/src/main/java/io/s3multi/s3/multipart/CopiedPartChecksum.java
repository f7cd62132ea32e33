package io.s3multi.s3.multipart;

import io.s3multi.s3.contract.PartContentType;
import io.s3multi.s3.contract.StoredPart;
import io.s3multi.s3.error.S3Exception;
import io.s3multi.s3.integrity.DigestAlgorithm;
import io.s3multi.s3.integrity.RunningDigest;
import io.s3multi.s3.operation.S3Failures;
import io.s3multi.swift.SwiftAccount;
import io.s3multi.swift.SwiftHeaders;
import io.s3multi.swift.error.SwiftException;
import io.s3multi.swift.http.SwiftResponse;
import java.io.IOException;
import java.io.InputStream;

/**
 * The checksum of a part made by UploadPartCopy, for an upload created with {@code x-amz-checksum-algorithm}.
 *
 * <p>Why bytes cross the gateway here, and only here: Swift copies server-side but computes nothing but the MD5
 * (the part's ETag), while Complete needs every part's checksum of the upload's algorithm (CRC32, CRC32C,
 * CRC64NVME, SHA1 or SHA256) to check the client's list and to compute the object's checksum. So the new segment
 * is read back from Swift once, streamed through the digest in small buffers (never held whole), and the value is
 * stored on the segment as UploadPart stores it ({@link PartContentType} and {@code X-Object-Meta-S3multi-
 * Checksum-*}, by POST). An upload without a checksum algorithm keeps the copy entirely inside Swift.
 *
 * <p>The read asks for the ETag the copy returned ({@code If-Match}): a segment replaced meanwhile (the same part
 * number uploaded again) is not given another part's checksum; the copy then fails with InternalError, which
 * clients retry.
 */
final class CopiedPartChecksum {

    private static final int BUFFER = 64 * 1024;

    private CopiedPartChecksum() {
    }

    /** Reads the segment once, computes its checksum, stores it on the segment. */
    static StoredPart.PartChecksum computeAndStore(SwiftAccount swift, String container, String segment,
            String md5Hex, DigestAlgorithm algorithm) throws SwiftException {
        RunningDigest digest = algorithm.newDigest();
        try (SwiftResponse copied = swift.objects().get(container, segment, SwiftHeaders.of("If-Match", md5Hex))) {
            InputStream body = copied.body();
            byte[] buffer = new byte[BUFFER];
            for (int read = body.read(buffer); read != -1; read = body.read(buffer)) {
                digest.update(buffer, 0, read);
            }
        } catch (SwiftException e) {
            if (S3Failures.isStatus(e, 412)) {
                throw S3Exception.internalError("part " + segment + " was replaced while its checksum was computed");
            }
            throw e;
        } catch (IOException e) {
            throw S3Exception.internalError("reading back the copied part " + segment + " failed: " + e, e);
        }
        StoredPart.PartChecksum checksum = new StoredPart.PartChecksum(algorithm, algorithm.toBase64(digest.finish()));
        swift.objects().post(container, segment, PartContentType.headers(checksum));
        return checksum;
    }
}
