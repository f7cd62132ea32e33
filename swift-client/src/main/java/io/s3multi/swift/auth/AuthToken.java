package io.s3multi.swift.auth;

import java.net.URI;
import java.time.Duration;
import java.time.Instant;
import java.util.Objects;

/**
 * A Swift token and the account it opens.
 *
 * @param value      the token, sent as {@code X-Auth-Token}; never logged
 * @param storageUrl the account's storage URL, such as {@code http://127.0.0.1:8081/v1/AUTH_test}
 * @param expiresAt  when Swift will stop accepting the token, or {@code null} when Swift did not say
 */
public record AuthToken(String value, URI storageUrl, Instant expiresAt) {

    public AuthToken {
        if (value == null || value.isEmpty()) {
            throw new IllegalArgumentException("token must not be empty");
        }
        Objects.requireNonNull(storageUrl, "storageUrl");
    }

    /** Whether the token expires within {@code margin} of {@code now}; never, if its expiry is unknown. */
    public boolean expiresWithin(Duration margin, Instant now) {
        return expiresAt != null && !now.plus(margin).isBefore(expiresAt);
    }

    /** Whether this is the same token for the same account. */
    public boolean sameAs(AuthToken other) {
        return other != null && value.equals(other.value) && storageUrl.equals(other.storageUrl);
    }

    @Override
    public String toString() {
        return "AuthToken[storageUrl=" + storageUrl + ", expiresAt=" + expiresAt + "]";
    }
}
