package io.s3multi.filters.s3token;

import java.time.Clock;
import java.time.Duration;

/**
 * Verified Keystone credentials by access key, each trusted for {@code ttl} after Keystone vouched for it.
 *
 * <p>This bounds how long a change in Keystone (a disabled user, a deleted credential, a removed role) takes to
 * reach the gateway, and how long cached users keep working while Keystone is down: both are the TTL.
 */
final class CredentialCache extends ExpiringCache<KeystoneUser> {

    CredentialCache(Duration ttl, Clock clock, int maxEntries) {
        super(ttl, clock, maxEntries);
    }

    /** Remembers what Keystone just vouched for. */
    void put(KeystoneUser user) {
        put(user.accessKey(), user);
    }
}
