package io.s3multi.s3.handler.bucket;

import io.s3multi.s3.error.S3Exception;
import io.s3multi.s3.operation.S3Call;
import io.s3multi.s3.operation.S3Failures;
import io.s3multi.s3.operation.SwiftStatusMapper;
import io.s3multi.swift.SwiftReply;
import io.s3multi.swift.error.SwiftException;
import io.s3multi.swift.error.SwiftHttpStatusException;
import java.util.Objects;
import java.util.Optional;

/**
 * Decides what a bucket operation answers when the bucket is not a container of the caller's account:
 * {@code AccessDenied} when the registry records the name for another account (AWS answers so for another
 * owner's bucket), {@code NoSuchBucket} otherwise.
 *
 * <p>The registry is asked only after Swift said 404, so operations on existing buckets cost no registry
 * request.
 */
public final class BucketPresence {

    private final BucketRegistry registry;

    public BucketPresence(BucketRegistry registry) {
        this.registry = Objects.requireNonNull(registry, "registry");
    }

    /** HEADs the bucket's container: its headers when it exists in the caller's account, else the S3 error. */
    public SwiftReply require(S3Call call) {
        return onBucket(call, () -> call.swift().containers().head(call.bucket()));
    }

    /** Runs container requests of the call's bucket; a failure is thrown as {@link #translate} says. */
    public <T> T onBucket(S3Call call, S3Failures.SwiftCall<T> requests) {
        try {
            return requests.run();
        } catch (SwiftException failure) {
            throw translate(failure, call);
        }
    }

    /** The S3 error for a failed container request of the call's bucket: a 404 is {@link #missing}. */
    private S3Exception translate(SwiftException failure, S3Call call) {
        if (failure instanceof SwiftHttpStatusException status && status.status() == 404) {
            return missing(call);
        }
        return SwiftStatusMapper.toS3(failure, SwiftStatusMapper.Target.bucket(call.bucket()));
    }

    /** The bucket is not in the caller's account: AccessDenied if another account owns it, else NoSuchBucket. */
    public S3Exception missing(S3Call call) {
        Optional<String> owner = ownerOf(call.bucket());
        if (owner.isPresent() && !owner.get().equals(call.identity().swiftAccount())) {
            return S3Exception.accessDenied().withReason("other-account");
        }
        return S3Exception.noSuchBucket(call.bucket());
    }

    /** The registered owner of a bucket; a registry failure is the gateway's, never the client's. */
    Optional<String> ownerOf(String bucket) {
        try {
            return registry.ownerOf(bucket);
        } catch (SwiftException failure) {
            throw registryFailure(failure);
        }
    }

    /** A failure of the registry account: a 5xx, since the client did nothing wrong. */
    static S3Exception registryFailure(SwiftException failure) {
        if (failure instanceof SwiftHttpStatusException) {
            return S3Exception.internalError("bucket registry: " + failure.getMessage(), failure);
        }
        return SwiftStatusMapper.toS3(failure, SwiftStatusMapper.Target.account());
    }
}
