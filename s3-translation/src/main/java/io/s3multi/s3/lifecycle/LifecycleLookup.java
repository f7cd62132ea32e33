package io.s3multi.s3.lifecycle;

import io.s3multi.swift.error.SwiftException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The lifecycle rules of buckets, read from where they are stored and kept for a short time, so that the
 * {@code x-amz-expiration} and {@code x-amz-abort-*} headers cost a Swift request only once per bucket and TTL
 * (a bucket without a configuration is kept as such, too). Thread-safe.
 *
 * <p>A configuration changed on another gateway is seen here within the TTL; the gateway that changed it sees it at
 * once, as it {@linkplain #forget forgets} the bucket. At most {@value #MAX_BUCKETS} buckets are kept; beyond that
 * the cache starts over. Without a place to read configurations from ({@link #NONE}) nothing is ever read.
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

    static final int MAX_BUCKETS = 10_000;
    private static final Logger LOG = LoggerFactory.getLogger(LifecycleLookup.class);

    private final Source source;
    private final Duration ttl;
    private final LifecycleDays days;
    private final Clock clock;
    private final ConcurrentHashMap<String, Cached> cache = new ConcurrentHashMap<>();

    private record Cached(Optional<LifecycleRules> rules, Instant expires) {
    }

    /**
     * @param ttl  how long a bucket's configuration is kept (zero: read every time)
     * @param days the length of a lifecycle day, for the dates the headers show
     */
    public LifecycleLookup(Source source, Duration ttl, LifecycleDays days, Clock clock) {
        this.source = Objects.requireNonNull(source, "source");
        this.ttl = Objects.requireNonNull(ttl, "ttl");
        this.days = Objects.requireNonNull(days, "days");
        this.clock = Objects.requireNonNull(clock, "clock");
    }

    /** The bucket's rules, if it has a configuration (a stored one that no longer parses counts as none, loudly). */
    public Optional<LifecycleRules> rulesOf(String bucket) throws SwiftException {
        Instant now = clock.instant();
        Cached cached = cache.get(bucket);
        if (cached != null && now.isBefore(cached.expires())) {
            return cached.rules();
        }
        Optional<LifecycleRules> rules = source.read(bucket).flatMap(stored -> parsed(bucket, stored));
        if (!ttl.isZero()) {
            if (cache.size() >= MAX_BUCKETS) {
                cache.clear();
            }
            cache.put(bucket, new Cached(rules, now.plus(ttl)));
        }
        return rules;
    }

    /** What the headers of {@code bucket}'s objects and uploads say: its rules, dated with this gateway's days. */
    public ExpirationNotice noticeFor(String bucket) throws SwiftException {
        return new ExpirationNotice(rulesOf(bucket).map(LifecycleRules::enabled).orElse(java.util.List.of()), days);
    }

    /** Drops what is kept of {@code bucket}, after its configuration changed. */
    public void forget(String bucket) {
        cache.remove(bucket);
    }

    private static Optional<LifecycleRules> parsed(String bucket, byte[] stored) {
        try {
            return Optional.of(LifecycleRules.parse(stored));
        } catch (RuntimeException unreadable) {
            LOG.warn("the stored lifecycle configuration of bucket {} is not valid; treating it as absent: {}",
                    bucket, unreadable.toString());
            return Optional.empty();
        }
    }
}
