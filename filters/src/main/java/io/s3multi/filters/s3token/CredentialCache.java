package io.s3multi.filters.s3token;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Verified Keystone credentials by access key, each trusted for {@code ttl} after Keystone vouched for it.
 *
 * <p>This bounds how long a change in Keystone (a disabled user, a deleted credential, a removed role) takes to
 * reach the gateway, and how long cached users keep working while Keystone is down: both are the TTL. Expired
 * entries are replaced on the next request for the key and swept when the map grows past {@code maxEntries}.
 */
final class CredentialCache {

    private record Entry(KeystoneUser user, Instant expiresAt) {
    }

    private final Duration ttl;
    private final Clock clock;
    private final int maxEntries;
    private final ConcurrentHashMap<String, Entry> byAccessKey = new ConcurrentHashMap<>();

    CredentialCache(Duration ttl, Clock clock, int maxEntries) {
        this.ttl = ttl;
        this.clock = clock;
        this.maxEntries = maxEntries;
    }

    /** The credential of {@code accessKey} if Keystone vouched for it less than the TTL ago. */
    Optional<KeystoneUser> find(String accessKey) {
        Entry entry = byAccessKey.get(accessKey);
        if (entry == null) {
            return Optional.empty();
        }
        if (!clock.instant().isBefore(entry.expiresAt())) {
            byAccessKey.remove(accessKey, entry);
            return Optional.empty();
        }
        return Optional.of(entry.user());
    }

    /** Remembers what Keystone just vouched for. */
    void put(KeystoneUser user) {
        Instant now = clock.instant();
        if (byAccessKey.size() >= maxEntries) {
            byAccessKey.values().removeIf(entry -> !now.isBefore(entry.expiresAt()));
            if (byAccessKey.size() >= maxEntries) {
                byAccessKey.clear();  // a flood of distinct keys: start over rather than grow without bound
            }
        }
        byAccessKey.put(user.accessKey(), new Entry(user, now.plus(ttl)));
    }
}
