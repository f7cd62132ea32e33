package io.s3multi.filters.s3token;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Values by access key, each kept for {@code ttl} after it was put, and never more than about {@code maxEntries}
 * of them: expired entries are replaced on the next request for the key and swept when the map grows past the
 * bound; if a flood of distinct keys still fills it, it starts over rather than grow.
 */
class ExpiringCache<V> {

    private record Entry<V>(V value, Instant expiresAt) {
    }

    private final Duration ttl;
    private final Clock clock;
    private final int maxEntries;
    private final ConcurrentHashMap<String, Entry<V>> byAccessKey = new ConcurrentHashMap<>();

    ExpiringCache(Duration ttl, Clock clock, int maxEntries) {
        this.ttl = ttl;
        this.clock = clock;
        this.maxEntries = maxEntries;
    }

    /** The value of {@code accessKey} if it was put less than the TTL ago. */
    Optional<V> find(String accessKey) {
        Entry<V> entry = byAccessKey.get(accessKey);
        if (entry == null) {
            return Optional.empty();
        }
        if (!clock.instant().isBefore(entry.expiresAt())) {
            byAccessKey.remove(accessKey, entry);
            return Optional.empty();
        }
        return Optional.of(entry.value());
    }

    void put(String accessKey, V value) {
        Instant now = clock.instant();
        if (byAccessKey.size() >= maxEntries) {
            byAccessKey.values().removeIf(entry -> !now.isBefore(entry.expiresAt()));
            if (byAccessKey.size() >= maxEntries) {
                byAccessKey.clear();  // a flood of distinct keys: start over rather than grow without bound
            }
        }
        byAccessKey.put(accessKey, new Entry<>(value, now.plus(ttl)));
    }

    void remove(String accessKey) {
        byAccessKey.remove(accessKey);
    }
}
