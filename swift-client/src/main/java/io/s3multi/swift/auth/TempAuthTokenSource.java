package io.s3multi.swift.auth;

import io.s3multi.swift.SwiftHeaders;
import io.s3multi.swift.error.SwiftException;
import io.s3multi.swift.error.SwiftProtocolException;
import io.s3multi.swift.http.SwiftRequest;
import io.s3multi.swift.http.SwiftTransport;
import java.net.URI;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Objects;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Tokens from Swift's tempauth: {@code GET <endpoint>/auth/v1.0} with {@code X-Auth-User} and
 * {@code X-Auth-Key} answers {@code X-Auth-Token}, {@code X-Storage-Url} and {@code X-Auth-Token-Expires}
 * (seconds left).
 *
 * <p>One instance per credentials caches one token. It is renewed before use when it expires within the
 * configured margin, so that a long streamed upload, which often cannot be re-sent after a 401, does not
 * start with a token about to die; and on request after a 401. Renewals are serialised: many threads
 * hitting an expired token cause one login, not many.
 */
public final class TempAuthTokenSource implements TokenSource {

    private static final Logger LOG = LoggerFactory.getLogger(TempAuthTokenSource.class);

    private final SwiftTransport transport;
    private final TempAuthCredentials credentials;
    private final Duration refreshMargin;
    private final Clock clock;
    private final Object lock = new Object();
    private AuthToken cached;

    public TempAuthTokenSource(SwiftTransport transport, TempAuthCredentials credentials, Duration refreshMargin,
                               Clock clock) {
        this.transport = Objects.requireNonNull(transport, "transport");
        this.credentials = Objects.requireNonNull(credentials, "credentials");
        this.refreshMargin = Objects.requireNonNull(refreshMargin, "refreshMargin");
        this.clock = Objects.requireNonNull(clock, "clock");
    }

    @Override
    public AuthToken token() throws SwiftException {
        synchronized (lock) {
            if (cached == null || cached.expiresWithin(refreshMargin, clock.instant())) {
                cached = login();
            }
            return cached;
        }
    }

    @Override
    public AuthToken refresh(AuthToken rejected) throws SwiftException {
        synchronized (lock) {
            if (cached == null || cached.sameAs(rejected)) {
                cached = login();
            }
            return cached;
        }
    }

    private AuthToken login() throws SwiftException {
        SwiftRequest request = SwiftRequest.builder("GET", "/auth/v1.0")
                .header("X-Auth-User", credentials.user())
                .header("X-Auth-Key", credentials.key())
                .build();
        SwiftHeaders headers = transport.send(transport.endpoint(), request).toReply().headers();
        String token = firstOf(headers, "X-Auth-Token", "X-Storage-Token");
        String storageUrl = headers.get("X-Storage-Url");
        if (token == null || storageUrl == null) {
            throw new SwiftProtocolException("GET /auth/v1.0 for " + credentials.user()
                    + " answered without X-Auth-Token or X-Storage-Url", null);
        }
        AuthToken fresh = new AuthToken(token, parseUrl(storageUrl), expiry(headers.get("X-Auth-Token-Expires")));
        LOG.debug("tempauth token for {} obtained, storage URL {}, expires {}", credentials.user(),
                fresh.storageUrl(), fresh.expiresAt());
        return fresh;
    }

    private URI parseUrl(String storageUrl) throws SwiftProtocolException {
        try {
            return URI.create(storageUrl);
        } catch (IllegalArgumentException notUrl) {
            throw new SwiftProtocolException("tempauth answered a storage URL that is not a URL: " + storageUrl,
                    notUrl);
        }
    }

    private Instant expiry(String secondsLeft) {
        if (secondsLeft == null) {
            return null;
        }
        try {
            return clock.instant().plusMillis((long) (Double.parseDouble(secondsLeft.trim()) * 1000));
        } catch (NumberFormatException notANumber) {
            LOG.warn("tempauth answered X-Auth-Token-Expires '{}', not a number; expiry unknown", secondsLeft);
            return null;
        }
    }

    private static String firstOf(SwiftHeaders headers, String name, String fallback) {
        String value = headers.get(name);
        return value != null ? value : headers.get(fallback);
    }
}
