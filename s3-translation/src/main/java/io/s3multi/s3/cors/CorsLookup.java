package io.s3multi.s3.cors;

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
 * The CORS rules that apply to a bucket: its own configuration, read from where it is stored and kept for a short
 * time, or else the gateway's default rules. Thread-safe.
 *
 * <p>A configuration changed on another gateway is seen here within the TTL; the gateway that changed it sees it
 * at once when it {@linkplain #forget forgets} the bucket after the change. A TTL of zero reads the configuration
 * for every request that asks. At most {@value #MAX_BUCKETS} buckets are kept; beyond that the cache starts over,
 * so requests for made-up bucket names (preflights need no credentials) cannot grow it without bound.
 */
public final class CorsLookup {

    /** Where a bucket's stored configuration comes from (S3 XML as PutBucketCors stored it). */
    @FunctionalInterface
    public interface Source {
        Optional<byte[]> read(String bucket) throws SwiftException;
    }

    static final int MAX_BUCKETS = 10_000;
    private static final Logger LOG = LoggerFactory.getLogger(CorsLookup.class);

    private final Duration ttl;
    private final Optional<CorsRules> defaults;
    private final Clock clock;
    private final ConcurrentHashMap<String, Cached> cache = new ConcurrentHashMap<>();

    private record Cached(Optional<CorsRules> rules, Instant expires) {
    }

    /**
     * @param ttl      how long a bucket's configuration is kept (zero: not at all)
     * @param defaults the rules of buckets without a configuration of their own
     */
    public CorsLookup(Duration ttl, Optional<CorsRules> defaults, Clock clock) {
        this.ttl = Objects.requireNonNull(ttl, "ttl");
        this.defaults = Objects.requireNonNull(defaults, "defaults");
        this.clock = Objects.requireNonNull(clock, "clock");
    }

    /** The rules for {@code bucket}: its own, else the defaults; empty when CORS is not enabled for it. */
    public Optional<CorsRules> rulesOf(String bucket, Source source) throws SwiftException {
        Optional<CorsRules> own = ownRules(bucket, source);
        return own.isPresent() ? own : defaults;
    }

    /** Drops what is kept of {@code bucket}, after its configuration changed. */
    public void forget(String bucket) {
        cache.remove(bucket);
    }

    private Optional<CorsRules> ownRules(String bucket, Source source) throws SwiftException {
        Instant now = clock.instant();
        Cached cached = cache.get(bucket);
        if (cached != null && now.isBefore(cached.expires())) {
            return cached.rules();
        }
        Optional<CorsRules> rules = source.read(bucket).flatMap(stored -> parsed(bucket, stored));
        if (!ttl.isZero()) {
            if (cache.size() >= MAX_BUCKETS) {
                cache.clear();
            }
            cache.put(bucket, new Cached(rules, now.plus(ttl)));
        }
        return rules;
    }

    /** A stored configuration was valid when stored; one that is not any more counts as none, loudly. */
    private static Optional<CorsRules> parsed(String bucket, byte[] stored) {
        try {
            return Optional.of(CorsRules.parse(stored));
        } catch (RuntimeException unreadable) {
            LOG.warn("the stored CORS configuration of bucket {} is not valid; treating it as absent: {}", bucket,
                    unreadable.toString());
            return Optional.empty();
        }
    }
}
