package io.s3multi.s3.access.authorization;

import io.s3multi.swift.error.SwiftException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.LongAdder;

/**
 * Each bucket's {@link BucketAccess}, kept for a TTL after it was read ({@code filter.s3api.access_cache_ttl}), so
 * that authorizing a request costs Swift requests once per bucket and TTL, not per request. Thread-safe.
 *
 * <p>The TTL is how long a change made on another gateway (a revoked grant, a new Deny) can go unseen here; the
 * gateway that made the change {@linkplain #forget forgets} the bucket and sees it at once. At most
 * {@value #MAX_BUCKETS} buckets are kept; beyond that the cache starts over, so requests for made-up bucket names
 * cannot grow it without bound. A TTL of zero reads for every request.
 */
public final class BucketAccessCache implements BucketAccessLookup {

    static final int MAX_BUCKETS = 10_000;

    private final AccessDocuments documents;
    private final Duration ttl;
    private final Clock clock;
    private final ConcurrentHashMap<String, Cached> cache = new ConcurrentHashMap<>();
    private final LongAdder swiftRequests = new LongAdder();

    private record Cached(BucketAccess access, Instant expires) {
    }

    public BucketAccessCache(AccessDocuments documents, Duration ttl, Clock clock) {
        this.documents = counting(Objects.requireNonNull(documents, "documents"));
        this.ttl = Objects.requireNonNull(ttl, "ttl");
        this.clock = Objects.requireNonNull(clock, "clock");
    }

    /** The bucket's access state, from the cache or else from the registry. */
    @Override
    public BucketAccess get(String bucket) throws SwiftException {
        if (documents == AccessDocuments.NONE) {
            return BucketAccess.UNRECORDED;
        }
        Instant now = clock.instant();
        Cached cached = cache.get(bucket);
        if (cached != null && now.isBefore(cached.expires())) {
            return cached.access();
        }
        BucketAccess access = BucketAccess.load(bucket, documents);
        if (!ttl.isZero()) {
            if (cache.size() >= MAX_BUCKETS) {
                cache.clear();
            }
            cache.put(bucket, new Cached(access, now.plus(ttl)));
        }
        return access;
    }

    @Override
    public long swiftRequests() {
        return swiftRequests.sum();
    }

    /** Each read of the registry is one Swift request. */
    private AccessDocuments counting(AccessDocuments registry) {
        if (registry == AccessDocuments.NONE) {
            return registry;
        }
        return new AccessDocuments() {
            @Override
            public Optional<Record> record(String bucket) throws SwiftException {
                swiftRequests.increment();
                return registry.record(bucket);
            }

            @Override
            public Optional<byte[]> read(String bucket, String object) throws SwiftException {
                swiftRequests.increment();
                return registry.read(bucket, object);
            }
        };
    }

    @Override
    public void forget(String bucket) {
        cache.remove(bucket);
    }
}
