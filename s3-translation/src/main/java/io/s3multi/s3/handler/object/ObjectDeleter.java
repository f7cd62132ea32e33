package io.s3multi.s3.handler.object;

import io.s3multi.s3.error.S3Exception;
import io.s3multi.s3.operation.S3Failures;
import io.s3multi.swift.SwiftAccount;
import io.s3multi.swift.SwiftHeaders;
import java.util.Optional;

/**
 * Deletes one key the way S3 does: a key that does not exist is deleted already (S3 answers 204 either way), and
 * an object made by a multipart upload goes with its segments.
 *
 * <p>The object is looked at first (HEAD, and the manifest of a Static Large Object), then deleted with a plain
 * DELETE, which removes a manifest but none of the segments it names; then, once the object is gone, what its
 * upload stored in {@code <bucket>_segments} ({@link MultipartLeftovers}) — only when the gateway can verify that
 * it completed that upload at this key. Swift's {@code ?multipart-manifest=delete} is never used: it deletes
 * whatever a manifest names, in any container the caller can write, and a manifest written with the Swift API may
 * name anything. So deleting such a native SLO through S3 deletes its manifest only (its segments are the Swift
 * user's business).
 */
public final class ObjectDeleter {

    private ObjectDeleter() {
    }

    /**
     * Deletes {@code key} of {@code bucket}.
     *
     * @throws S3Exception {@code NoSuchBucket} when the bucket does not exist, or the S3 form of a Swift failure
     */
    public static void delete(SwiftAccount swift, String bucket, String key) {
        Optional<Optional<MultipartLeftovers>> found = S3Failures.onObject(swift, bucket, key,
                () -> S3Failures.unlessNotFound(() -> MultipartLeftovers.of(swift, bucket, key,
                        swift.objects().head(bucket, key, SwiftHeaders.empty()).headers())));
        if (found.isEmpty()) {
            S3Failures.requireBucket(swift, bucket);
            return;
        }
        S3Failures.onObject(swift, bucket, key, () -> {
            S3Failures.ignoringNotFound(() -> swift.objects().delete(bucket, key, SwiftHeaders.empty()));
            return null;
        });
        found.get().ifPresent(upload -> upload.delete(swift));
    }
}
