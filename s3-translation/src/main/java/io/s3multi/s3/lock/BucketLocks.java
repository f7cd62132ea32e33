package io.s3multi.s3.lock;

import io.s3multi.s3.contract.BucketLockConfiguration;
import io.s3multi.s3.operation.S3Call;
import io.s3multi.s3.operation.S3Failures;
import io.s3multi.s3.operation.SwiftStatusMapper;
import io.s3multi.swift.SwiftAccount;
import io.s3multi.swift.SwiftHeaders;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;

/**
 * Every bucket's Object Lock configuration as this gateway last read it from the bucket's container, kept for
 * {@link #TTL_SECONDS}: a write (PutObject, CopyObject, CompleteMultipartUpload) needs the bucket's default retention,
 * and a HEAD of the container per write would double the Swift requests of small writes. So a bucket is read at most
 * once per {@link #TTL_SECONDS} per gateway; what this gateway changes itself (CreateBucket,
 * PutObjectLockConfiguration) it knows at once.
 *
 * <p>The price: a default retention changed through another gateway applies to this gateway's writes up to
 * {@link #TTL_SECONDS} later, and so does Object Lock enabled on an existing bucket through another gateway
 * (docs/OBJECT-LOCK.md). Operations that decide on the configuration itself (the lock operations) read it fresh.
 */
public final class BucketLocks {

    /** How long a configuration read from Swift is used without reading it again. */
    public static final long TTL_SECONDS = 5;
    /** Beyond this many buckets the cache starts afresh (a gateway serving more buckets pays a HEAD more often). */
    private static final int MAX_BUCKETS = 10_000;

    private record Known(BucketLockConfiguration configuration, long readAtNanos) {
    }

    private static final ConcurrentHashMap<String, Known> KNOWN = new ConcurrentHashMap<>();

    private BucketLocks() {
    }

    /** The configuration of the call's bucket, from the cache when it is fresh enough; {@code NoSuchBucket} if none. */
    public static BucketLockConfiguration of(S3Call call) {
        Known known = KNOWN.get(cacheKey(call.identity().swiftAccount(), call.bucket()));
        if (known != null && System.nanoTime() - known.readAtNanos() < TimeUnit.SECONDS.toNanos(TTL_SECONDS)) {
            return known.configuration();
        }
        return fresh(call);
    }

    /** The configuration read from the container now (and remembered); {@code NoSuchBucket} when there is none. */
    public static BucketLockConfiguration fresh(S3Call call) {
        return remember(call, BucketLockConfiguration.of(containerHeaders(call.swift(), call.bucket())));
    }

    /** Remembers a configuration this gateway just stored (or read). */
    public static BucketLockConfiguration remember(S3Call call, BucketLockConfiguration configuration) {
        if (KNOWN.size() >= MAX_BUCKETS) {
            KNOWN.clear();
        }
        KNOWN.put(cacheKey(call.identity().swiftAccount(), call.bucket()),
                new Known(configuration, System.nanoTime()));
        return configuration;
    }

    /** The bucket container's headers (a HEAD); {@code NoSuchBucket} when there is none. */
    public static SwiftHeaders containerHeaders(SwiftAccount swift, String bucket) {
        return S3Failures.mapped(SwiftStatusMapper.Target.bucket(bucket), () -> swift.containers().head(bucket))
                .headers();
    }

    /** Forgets every configuration read (for tests, which reuse bucket names against fresh fake Swifts). */
    public static void forgetAll() {
        KNOWN.clear();
    }

    private static String cacheKey(String account, String bucket) {
        return account + "/" + bucket;
    }
}
