package io.s3multi.filters.s3token;

import java.time.Duration;
import java.time.Instant;
import java.util.Objects;

/**
 * The gateway's own Keystone token: sent as {@code X-Auth-Token} to {@code /v3/s3tokens} and the credentials API,
 * and to Swift, whose keystoneauth lets a reseller admin act on every project's account.
 *
 * @param value     the token id ({@code X-Subject-Token} of the login); never logged
 * @param expiresAt when Keystone stops accepting it
 */
public record ServiceToken(String value, Instant expiresAt) {

    public ServiceToken {
        if (value == null || value.isEmpty()) {
            throw new IllegalArgumentException("token must not be empty");
        }
        Objects.requireNonNull(expiresAt, "expiresAt");
    }

    /** Whether it expires within {@code margin} of {@code now}: time to log in again. */
    public boolean expiresWithin(Duration margin, Instant now) {
        return !now.plus(margin).isBefore(expiresAt);
    }

    @Override
    public String toString() {
        return "ServiceToken[expiresAt=" + expiresAt + "]";
    }
}
