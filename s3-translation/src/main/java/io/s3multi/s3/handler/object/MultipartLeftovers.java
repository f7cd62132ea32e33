package io.s3multi.s3.handler.object;

import io.s3multi.s3.contract.UploadId;
import io.s3multi.s3.multipart.CompletedManifest;
import io.s3multi.s3.multipart.UploadState;
import io.s3multi.swift.SwiftAccount;
import io.s3multi.swift.SwiftHeaders;
import io.s3multi.swift.error.SwiftException;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * What a deleted or replaced multipart object leaves in {@code <bucket>_segments}: everything its upload stored.
 *
 * <p>Only an object that {@link CompletedManifest#verifiedUpload} confirms as the manifest a Complete wrote at its
 * key has leftovers: then everything its upload stored sits under two prefixes of the segments container
 * ({@code parts/<id>/}, {@code manifests/<id>/}; see the storage layout in {@link io.s3multi.s3.multipart}), plus
 * its claim, and deleting those catches what a walk of the manifest misses (parts the Complete did not name, a
 * sub-manifest or claim left by a crash). Any other object, a Static Large Object written with the Swift API in
 * particular, has none: the segments its manifest names are not the gateway's to delete, wherever they are. Call
 * {@link #delete} only once the object's new state is durable (deleted, or replaced by a stored object).
 */
final class MultipartLeftovers {

    private static final Logger LOG = LoggerFactory.getLogger(MultipartLeftovers.class);

    private final String bucket;
    private final UploadId uploadId;

    private MultipartLeftovers(String bucket, UploadId uploadId) {
        this.bucket = bucket;
        this.uploadId = uploadId;
    }

    /** The upload behind the object at {@code bucket/key} (headers of its HEAD), if the gateway can verify it. */
    static Optional<MultipartLeftovers> of(SwiftAccount swift, String bucket, String key, SwiftHeaders stored)
            throws SwiftException {
        return CompletedManifest.verifiedUpload(swift, bucket, key, stored)
                .map(uploadId -> new MultipartLeftovers(bucket, uploadId));
    }

    /** The upload behind one version of {@code bucket/key} (headers of its HEAD), if the gateway can verify it. */
    static Optional<MultipartLeftovers> ofVersion(SwiftAccount swift, String bucket, String key, String versionId,
            SwiftHeaders stored) throws SwiftException {
        return CompletedManifest.verifiedUploadOfVersion(swift, bucket, key, versionId, stored)
                .map(uploadId -> new MultipartLeftovers(bucket, uploadId));
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
