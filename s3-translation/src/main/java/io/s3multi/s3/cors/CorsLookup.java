package io.s3multi.s3.cors;

import io.s3multi.s3.operation.BucketDocumentCache;
import io.s3multi.swift.error.SwiftException;
import java.time.Clock;
import java.time.Duration;
import java.util.Objects;
import java.util.Optional;

/**
 * The CORS rules that apply to a bucket: its own configuration, read from where it is stored and kept for a short
 * time ({@link BucketDocumentCache}: changes on another gateway show within the TTL, the changing gateway
 * {@linkplain #forget forgets} at once), or else the gateway's default rules. Thread-safe.
 */
public final class CorsLookup {

    /** Where a bucket's stored configuration comes from (S3 XML as PutBucketCors stored it). */
    @FunctionalInterface
    public interface Source {
        Optional<byte[]> read(String bucket) throws SwiftException;
    }

    private final Optional<CorsRules> defaults;
    private final BucketDocumentCache<CorsRules> cache;

    /**
     * @param ttl      how long a bucket's configuration is kept (zero: not at all)
     * @param defaults the rules of buckets without a configuration of their own
     */
    public CorsLookup(Duration ttl, Optional<CorsRules> defaults, Clock clock) {
        this.defaults = Objects.requireNonNull(defaults, "defaults");
        this.cache = new BucketDocumentCache<>("CORS configuration", CorsRules::parse, ttl, clock);
    }

    /** The rules for {@code bucket}: its own, else the defaults; empty when CORS is not enabled for it. */
    public Optional<CorsRules> rulesOf(String bucket, Source source) throws SwiftException {
        Optional<CorsRules> own = cache.get(bucket, source::read);
        return own.isPresent() ? own : defaults;
    }

    /** Drops what is kept of {@code bucket}, after its configuration changed. */
    public void forget(String bucket) {
        cache.forget(bucket);
    }
}
