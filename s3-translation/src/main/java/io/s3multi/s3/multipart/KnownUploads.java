package io.s3multi.s3.multipart;

import io.s3multi.s3.contract.SegmentsLayout;
import io.s3multi.s3.contract.UploadId;
import io.s3multi.s3.integrity.DigestAlgorithm;
import io.s3multi.swift.SwiftAccount;
import io.s3multi.swift.error.SwiftException;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/**
 * What a part attempt must know of its upload before it stores its segment, the upload's checksum algorithm, for
 * the uploads this gateway created or has already read the marker of: so that an UploadPart costs one HEAD of the
 * marker (after its PUT), not two (issue #16). Thread-safe.
 *
 * <p>Why remembering is safe: a marker's checksum algorithm is written once, by CreateMultipartUpload, and never
 * changes; a marker is only ever marked finished or deleted afterwards. Whether the upload is still in progress is
 * not remembered: every attempt asks Swift after its PUT ({@link UploadState#isOpen}), and that look, not the one
 * before, is what keeps a late attempt from being orphaned ({@link LateAttempt}). An attempt that skips the look
 * before therefore differs only in when a finished or unknown upload is answered NoSuchUpload: after the body
 * instead of before it, its segment deleted again.
 *
 * <p>At most {@value #MAX_UPLOADS} uploads are kept; beyond that the map starts over (an upload forgotten costs its
 * next part one HEAD more).
 */
final class KnownUploads {

    static final int MAX_UPLOADS = 4096;

    private final ConcurrentHashMap<String, Optional<DigestAlgorithm>> checksums = new ConcurrentHashMap<>();

    /** Remembers the checksum algorithm of an upload in progress, as its marker records it. */
    void remember(SwiftAccount swift, String bucket, String key, UploadId uploadId,
            Optional<DigestAlgorithm> checksumAlgorithm) {
        String id = id(swift, bucket, key, uploadId);
        if (id == null) {
            return;
        }
        if (checksums.size() >= MAX_UPLOADS) {
            checksums.clear();
        }
        checksums.put(id, checksumAlgorithm);
    }

    /** The upload's checksum algorithm (empty inside: none) if remembered; empty when its marker must be read. */
    Optional<Optional<DigestAlgorithm>> checksumAlgorithm(SwiftAccount swift, String bucket, String key,
            UploadId uploadId) {
        String id = id(swift, bucket, key, uploadId);
        return id == null ? Optional.empty() : Optional.ofNullable(checksums.get(id));
    }

    /** Forgets an upload found finished or gone. */
    void forget(SwiftAccount swift, String bucket, String key, UploadId uploadId) {
        String id = id(swift, bucket, key, uploadId);
        if (id != null) {
            checksums.remove(id);
        }
    }

    private static String id(SwiftAccount swift, String bucket, String key, UploadId uploadId) {
        try {
            return swift.storageUrl() + "/" + SegmentsLayout.container(bucket) + "/"
                    + SegmentsLayout.marker(key, uploadId);
        } catch (SwiftException unknown) {
            return null;
        }
    }
}
