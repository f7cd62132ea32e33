package io.s3multi.s3.handler.object;

import io.s3multi.s3.multipart.UploadId;
import io.s3multi.s3.multipart.UploadInfo;
import io.s3multi.s3.multipart.UploadState;
import io.s3multi.swift.SwiftAccount;
import io.s3multi.swift.SwiftHeaders;
import io.s3multi.swift.error.SwiftException;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * What a deleted or replaced multipart object leaves in {@code <bucket>_segments}, found by the upload that made
 * it rather than by its manifest.
 *
 * <p>Following the manifest ({@code ?multipart-manifest=delete}, or the segments listed in it) finds only what the
 * manifest still names. An object completed by the s3multi stage names its upload in
 * {@code X-Object-Meta-S3multi-Upload-Id}, and everything that upload stored sits under two prefixes of the
 * segments container ({@code parts/<id>/}, {@code manifests/<id>/}; see the storage layout in
 * {@link io.s3multi.s3.multipart}). Deleting those prefixes catches what a manifest walk misses (sub-manifests
 * of nested manifests, a claim left by a crash). Call it only once the object's new state is durable (deleted, or
 * replaced by a stored object).
 */
final class MultipartLeftovers {

    private static final Logger LOG = LoggerFactory.getLogger(MultipartLeftovers.class);

    private final String bucket;
    private final UploadId uploadId;

    private MultipartLeftovers(String bucket, UploadId uploadId) {
        this.bucket = bucket;
        this.uploadId = uploadId;
    }

    /** The upload behind a stored object, if a multipart upload made it. */
    static Optional<MultipartLeftovers> of(String bucket, SwiftHeaders stored) {
        String id = stored.get(UploadInfo.META_UPLOAD_ID);
        if (id == null || !UploadId.isWellFormed(id)) {
            return Optional.empty();
        }
        return Optional.of(new MultipartLeftovers(bucket, new UploadId(id)));
    }

    /**
     * Deletes every part, sub-manifest and claim of the upload. A failure does not fail the client's request
     * (its new state is stored); it is logged as a leak.
     */
    void delete(SwiftAccount swift) {
        try {
            new UploadState(swift, bucket).deleteObjectSegments(uploadId);
        } catch (SwiftException failure) {
            LOG.warn("segments of upload {} in {} not deleted (left in Swift): {}", uploadId, bucket,
                    failure.toString());
        }
    }
}
