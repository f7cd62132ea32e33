package io.s3multi.s3.lock;

import io.s3multi.s3.contract.BucketLockConfiguration;
import io.s3multi.s3.contract.ObjectLockState;
import io.s3multi.s3.error.S3Exception;
import io.s3multi.s3.operation.S3Call;
import java.util.Optional;

/**
 * The Object Lock state a new version gets: what its request (or its upload's CreateMultipartUpload) asked for,
 * with the bucket's default retention where it asked for no retention, as AWS applies it. Lock headers on a bucket
 * without Object Lock are {@code InvalidRequest}. A write to a bucket without Object Lock that sends no lock header
 * costs nothing here but a look into {@link BucketLocks}.
 */
public final class NewVersionLock {

    private NewVersionLock() {
    }

    /** The state a version written by {@code call} gets, given the headers of the request (already read). */
    public static ObjectLockState of(S3Call call, Optional<ObjectLockState> asked) {
        BucketLockConfiguration bucket = BucketLocks.of(call);
        if (asked.isPresent() && !bucket.enabled()) {
            bucket = BucketLocks.fresh(call);   // enabled a moment ago through another gateway?
            if (!bucket.enabled()) {
                throw missingConfiguration();
            }
        }
        ObjectLockState state = asked.orElse(ObjectLockState.NONE);
        return bucket.defaultRetention(call.clock().instant()).map(state::or).orElse(state);
    }

    /** The lock headers of a write, checked against the bucket (CreateMultipartUpload, before the marker is stored). */
    public static Optional<ObjectLockState> asked(S3Call call) {
        Optional<ObjectLockState> asked = LockHeaders.of(call.request().head(), call.clock().instant());
        if (asked.isPresent() && !BucketLocks.fresh(call).enabled()) {
            throw missingConfiguration();
        }
        return asked;
    }

    /** AWS's answer to lock settings on a bucket without Object Lock. */
    public static S3Exception missingConfiguration() {
        return S3Exception.invalidRequest("Bucket is missing Object Lock Configuration");
    }
}
