package io.s3multi.s3.handler;

import io.s3multi.s3.error.S3Exception;
import io.s3multi.s3.handler.bucket.BucketRegistry;
import io.s3multi.s3.operation.MissingBucket;
import io.s3multi.s3.operation.S3Call;
import io.s3multi.swift.error.SwiftException;
import java.util.Objects;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * {@link MissingBucket} answered from the bucket registry: a bucket that is not in the caller's account but is
 * recorded for another account belongs to someone else, which AWS answers with {@code AccessDenied}; any other
 * missing bucket is {@code NoSuchBucket}. The registry is read only on this error path. When it cannot be read the
 * answer stays {@code NoSuchBucket} (and the failure is logged): the bucket is missing from the caller's account
 * either way.
 */
public final class RegistryMissingBucket implements MissingBucket {

    private static final Logger LOG = LoggerFactory.getLogger(RegistryMissingBucket.class);

    private final BucketRegistry registry;

    RegistryMissingBucket(BucketRegistry registry) {
        this.registry = Objects.requireNonNull(registry, "registry");
    }

    /** {@code AccessDenied} for a bucket the registry records for another account, else {@code NoSuchBucket}. */
    public static MissingBucket fromRegistry(BucketRegistry registry) {
        return new RegistryMissingBucket(registry);
    }

    @Override
    public S3Exception answer(S3Call call, String bucket) {
        try {
            Optional<String> owner = registry.ownerOf(bucket);
            if (owner.isPresent() && !owner.get().equals(call.identity().swiftAccount())) {
                return S3Exception.accessDenied().withReason("bucket.other_owner");
            }
        } catch (SwiftException e) {
            LOG.warn("{} cannot read the bucket registry for {}: {}", call.requestId(), bucket, e.toString());
        }
        return S3Exception.noSuchBucket(bucket);
    }
}
