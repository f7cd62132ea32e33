package io.s3multi.s3.lifecycle;

import io.s3multi.s3.operation.BucketDocumentCache;
import io.s3multi.swift.error.SwiftException;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * The lifecycle rules of buckets, read from where they are stored and kept for a short time
 * ({@link BucketDocumentCache}), so that the {@code x-amz-expiration} and {@code x-amz-abort-*} headers cost a Swift
 * request only once per bucket and TTL; a bucket without a configuration is kept as such, too. A change on another
 * gateway shows within the TTL; the gateway that changed it {@linkplain #forget forgets} the bucket at once. Without
 * a place to read configurations from ({@link #NONE}) nothing is ever read. Thread-safe.
 */
public final class LifecycleLookup {

    /** Where a bucket's stored configuration comes from (S3 XML as PutBucketLifecycleConfiguration stored it). */
    @FunctionalInterface
    public interface Source {
        Optional<byte[]> read(String bucket) throws SwiftException;
    }

    /** A lookup for a gateway that cannot store configurations (no bucket registry): every bucket has none. */
    public static final LifecycleLookup NONE = new LifecycleLookup(bucket -> Optional.empty(), Duration.ZERO,
            LifecycleDays.REAL, Clock.systemUTC());

    private final Source source;
    private final LifecycleDays days;
    private final BucketDocumentCache<LifecycleRules> cache;

    /**
     * @param ttl  how long a bucket's configuration is kept (zero: read every time)
     * @param days the length of a lifecycle day, for the dates the headers show
     */
    public LifecycleLookup(Source source, Duration ttl, LifecycleDays days, Clock clock) {
        this.source = Objects.requireNonNull(source, "source");
        this.days = Objects.requireNonNull(days, "days");
        this.cache = new BucketDocumentCache<>("lifecycle configuration", LifecycleRules::parse, ttl, clock);
    }

    /** The bucket's rules, if it has a configuration. */
    public Optional<LifecycleRules> rulesOf(String bucket) throws SwiftException {
        return cache.get(bucket, source::read);
    }

    /** What the headers of {@code bucket}'s objects and uploads say: its rules, dated with this gateway's days. */
    public ExpirationNotice noticeFor(String bucket) throws SwiftException {
        return new ExpirationNotice(rulesOf(bucket).map(LifecycleRules::enabled).orElse(List.of()), days);
    }

    /** Drops what is kept of {@code bucket}, after its configuration changed. */
    public void forget(String bucket) {
        cache.forget(bucket);
    }
}
