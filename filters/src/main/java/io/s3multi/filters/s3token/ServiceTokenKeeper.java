package io.s3multi.filters.s3token;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Holds the gateway's own Keystone token and logs in again before it expires.
 *
 * <p>The token is renewed once it is within {@code refreshMargin} of its expiry. If Keystone cannot be reached
 * then, the old token keeps being used while it is still valid (cached identities go on working through a
 * Keystone outage); only an expired or missing token makes the caller fail. A token Keystone or Swift rejected
 * is dropped with {@link #invalidate(ServiceToken)}. One login at a time: concurrent callers wait for it.
 */
final class ServiceTokenKeeper {

    private static final Logger LOG = LoggerFactory.getLogger(ServiceTokenKeeper.class);

    private final ServiceLogin login;
    private final Duration refreshMargin;
    private final Clock clock;
    private volatile ServiceToken current;

    ServiceTokenKeeper(ServiceLogin login, Duration refreshMargin, Clock clock) {
        this.login = login;
        this.refreshMargin = refreshMargin;
        this.clock = clock;
    }

    /** A token to use now. */
    ServiceToken token() throws KeystoneUnavailableException, KeystoneRefusalException {
        ServiceToken known = current;
        Instant now = clock.instant();
        if (known != null && !known.expiresWithin(refreshMargin, now)) {
            return known;
        }
        synchronized (this) {
            known = current;
            if (known != null && !known.expiresWithin(refreshMargin, now)) {
                return known;
            }
            try {
                ServiceToken fresh = login.login();
                current = fresh;
                LOG.debug("logged in to Keystone, token valid until {}", fresh.expiresAt());
                return fresh;
            } catch (KeystoneUnavailableException e) {
                if (known != null && now.isBefore(known.expiresAt())) {
                    LOG.warn("cannot renew the gateway's Keystone token, using the old one until {}: {}",
                            known.expiresAt(), e.getMessage());
                    return known;
                }
                throw e;
            }
        }
    }

    /** Forgets {@code rejected} (if still current), so that the next {@link #token()} logs in again. */
    synchronized void invalidate(ServiceToken rejected) {
        if (current != null && current.value().equals(rejected.value())) {
            current = null;
        }
    }
}
