package io.s3multi.s3.multipart;

import io.s3multi.s3.contract.ObjectChecksum;
import io.s3multi.s3.error.S3Exception;
import io.s3multi.s3.http.RequestHead;
import io.s3multi.s3.integrity.DigestAlgorithm;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The {@code x-amz-checksum-<algorithm>} header of a CompleteMultipartUpload: the checksum the client expects of
 * the object being completed, not of the request's XML body. It must be the object's checksum exactly as S3 shows
 * it: {@code <base64>-N} for a COMPOSITE upload, the whole object's CRC for a FULL_OBJECT one. Anything else (a
 * wrong value, another algorithm than the upload's, a checksum on an upload without one) is {@code BadDigest},
 * checked before the manifest is written, so nothing is stored.
 */
final class ClaimedObjectChecksum {

    private ClaimedObjectChecksum() {
    }

    /** @throws S3Exception {@code BadDigest} when a checksum header names another value than the object's */
    static void check(RequestHead head, Optional<ObjectChecksum> objectChecksum) {
        for (Map.Entry<String, List<String>> header : head.headers().entrySet()) {
            Optional<DigestAlgorithm> algorithm = DigestAlgorithm.fromChecksumHeader(header.getKey());
            if (algorithm.isEmpty()) {
                continue;
            }
            String claimed = header.getValue().isEmpty() ? "" : header.getValue().get(0).trim();
            boolean matches = objectChecksum.filter(sum -> sum.algorithm() == algorithm.get())
                    .filter(sum -> sum.value().equals(claimed)).isPresent();
            if (!matches) {
                throw S3Exception.badDigest("The " + algorithm.get().awsName()
                        + " you specified did not match the calculated checksum.").withReason("object checksum");
            }
        }
    }
}
