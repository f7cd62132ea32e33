package io.s3multi.swift;

import io.s3multi.swift.auth.AuthorizedSession;
import io.s3multi.swift.auth.TempAuthCredentials;
import io.s3multi.swift.auth.TempAuthTokenSource;
import io.s3multi.swift.auth.TokenSource;
import io.s3multi.swift.error.SwiftException;
import io.s3multi.swift.http.SwiftExchangeListener;
import io.s3multi.swift.http.SwiftRequest;
import io.s3multi.swift.http.SwiftResponse;
import io.s3multi.swift.http.SwiftTransport;
import java.io.Closeable;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One Swift cluster, reached through one pooled HTTP client: create it once at startup, share it, close
 * it at shutdown.
 *
 * <p>It hands out {@link SwiftAccount}s for identities ({@link #account(TokenSource)}), keeps one cached
 * tempauth token source per credentials ({@link #tempAuth(String, String)}), and reads {@code /info} once
 * for the limits that shape requests (listing page size, bulk delete batch size). If {@code /info} cannot
 * be read (an operator may disable it), Swift's defaults are assumed and the read is tried again a minute
 * later.
 */
public final class SwiftBackend implements Closeable {

    private static final Logger LOG = LoggerFactory.getLogger(SwiftBackend.class);
    private static final Duration INFO_RETRY = Duration.ofMinutes(1);

    private final SwiftTransport transport;
    private final Clock clock;
    private final ConcurrentMap<TempAuthCredentials, TempAuthTokenSource> tempAuthSources = new ConcurrentHashMap<>();
    private final Limits limits = new Limits();
    private volatile SwiftInfo info;
    private volatile Instant infoRetryAfter = Instant.MIN;

    private SwiftBackend(SwiftTransport transport, Clock clock) {
        this.transport = transport;
        this.clock = clock;
    }

    /** Starts the HTTP client for the backend described by {@code config}. */
    public static SwiftBackend start(SwiftClientConfig config) {
        return start(config, Clock.systemUTC());
    }

    /** As {@link #start(SwiftClientConfig)}, with the clock that decides when tokens are about to expire. */
    public static SwiftBackend start(SwiftClientConfig config, Clock clock) {
        return start(config, clock, SwiftExchangeListener.NONE);
    }

    /** As {@link #start(SwiftClientConfig, Clock)}, telling {@code listener} of every request sent to Swift. */
    public static SwiftBackend start(SwiftClientConfig config, Clock clock, SwiftExchangeListener listener) {
        return new SwiftBackend(SwiftTransport.start(config, listener), clock);
    }

    public SwiftClientConfig config() {
        return transport.config();
    }

    /** The transport underneath, for requests outside any account (such as passing a client's request on). */
    public SwiftTransport transport() {
        return transport;
    }

    /**
     * The tempauth token source for these credentials: the same instance (and cached token) for equal
     * credentials. Nothing is sent until a token is needed.
     */
    public TokenSource tempAuth(String user, String key) {
        TempAuthCredentials credentials = new TempAuthCredentials(user, key);
        return tempAuthSources.computeIfAbsent(credentials, c ->
                new TempAuthTokenSource(transport, c, config().tokenRefreshMargin(), clock));
    }

    /** The account that tokens from {@code tokens} open. */
    public SwiftAccount account(TokenSource tokens) {
        return new SwiftAccount(new AuthorizedSession(transport, tokens), limits);
    }

    /** Shorthand for {@code account(tempAuth(user, key))}. */
    public SwiftAccount tempAuthAccount(String user, String key) {
        return account(tempAuth(user, key));
    }

    /** {@code GET /info}, read once and then cached for the life of the backend. */
    public SwiftInfo info() throws SwiftException {
        SwiftInfo known = info;
        if (known != null) {
            return known;
        }
        try (SwiftResponse response = transport.send(transport.endpoint(),
                SwiftRequest.builder("GET", "/info").header("Accept", "application/json").build()).orThrow()) {
            known = SwiftInfo.read(response.body(), response.describeRequest());
        }
        info = known;
        return known;
    }

    /** Stops the HTTP client; requests still in flight fail. */
    @Override
    public void close() {
        transport.close();
    }

    /** The limits from {@code /info}, or Swift's defaults while it cannot be read. */
    final class Limits {

        int containerListingLimit() {
            SwiftInfo known = infoIfAvailable();
            return known == null ? 10_000 : known.containerListingLimit();
        }

        int maxDeletesPerRequest() {
            SwiftInfo known = infoIfAvailable();
            return known == null ? 1000 : known.maxDeletesPerRequest();
        }

        private SwiftInfo infoIfAvailable() {
            SwiftInfo known = info;
            if (known != null || clock.instant().isBefore(infoRetryAfter)) {
                return known;
            }
            try {
                return info();
            } catch (SwiftException unavailable) {
                infoRetryAfter = clock.instant().plus(INFO_RETRY);
                LOG.warn("cannot read {}/info ({}); assuming Swift's default limits", config().endpoint(),
                        unavailable.getMessage());
                return null;
            }
        }
    }
}
