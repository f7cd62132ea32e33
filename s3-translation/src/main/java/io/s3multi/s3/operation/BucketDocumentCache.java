package io.s3multi.s3.operation;

import io.s3multi.swift.error.SwiftException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Function;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Buckets' configuration documents (CORS, lifecycle), parsed, each kept for a short time after it was read, so that
 * answers which depend on them cost a Swift request once per bucket and TTL (a bucket without a document is kept as
 * such, too). Thread-safe.
 *
 * <p>A document changed on another gateway is seen within the TTL; the gateway that changed it {@linkplain #forget
 * forgets} the bucket and sees it at once. A TTL of zero reads for every request that asks. At most
 * {@value #MAX_BUCKETS} buckets are kept; beyond that the cache starts over, so requests for made-up bucket names
 * cannot grow it without bound. A stored document that no longer parses counts as none, loudly.
 *
 * @param <T> the parsed document
 */
public final class BucketDocumentCache<T> {

    /** Where a bucket's stored document comes from. */
    @FunctionalInterface
    public interface Source {
        Optional<byte[]> read(String bucket) throws SwiftException;
    }

    static final int MAX_BUCKETS = 10_000;
    private static final Logger LOG = LoggerFactory.getLogger(BucketDocumentCache.class);

    private final String what;
    private final Function<byte[], T> parser;
    private final Duration ttl;
    private final Clock clock;
    private final ConcurrentHashMap<String, Cached<T>> cache = new ConcurrentHashMap<>();

    private record Cached<T>(Optional<T> document, Instant expires) {
    }

    /**
     * @param what   the document's name in log lines ({@code CORS configuration})
     * @param parser parses a stored document (throws when it is not valid)
     * @param ttl    how long a bucket's document is kept (zero: not at all)
     */
    public BucketDocumentCache(String what, Function<byte[], T> parser, Duration ttl, Clock clock) {
        this.what = Objects.requireNonNull(what, "what");
        this.parser = Objects.requireNonNull(parser, "parser");
        this.ttl = Objects.requireNonNull(ttl, "ttl");
        this.clock = Objects.requireNonNull(clock, "clock");
    }

    /** The bucket's document, if it has one, from the cache or else from {@code source}. */
    public Optional<T> get(String bucket, Source source) throws SwiftException {
        Instant now = clock.instant();
        Cached<T> cached = cache.get(bucket);
        if (cached != null && now.isBefore(cached.expires())) {
            return cached.document();
        }
        Optional<T> document = source.read(bucket).flatMap(stored -> parsed(bucket, stored));
        if (!ttl.isZero()) {
            if (cache.size() >= MAX_BUCKETS) {
                cache.clear();
            }
            cache.put(bucket, new Cached<>(document, now.plus(ttl)));
        }
        return document;
    }

    /** Drops what is kept of {@code bucket}, after its document changed. */
    public void forget(String bucket) {
        cache.remove(bucket);
    }

    private Optional<T> parsed(String bucket, byte[] stored) {
        try {
            return Optional.of(parser.apply(stored));
        } catch (RuntimeException unreadable) {
            LOG.warn("the stored {} of bucket {} is not valid; treating it as absent: {}", what, bucket,
                    unreadable.toString());
            return Optional.empty();
        }
    }
}
