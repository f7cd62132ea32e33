package io.s3multi.filters.proxyserver;

import io.s3multi.filters.pipeline.DeclaredSettings;
import io.s3multi.filters.pipeline.FilterSettings;
import io.s3multi.filters.pipeline.Setting;
import java.net.URI;
import java.time.Duration;
import java.util.Objects;

/**
 * The settings of proxy_server.
 *
 * @param swiftUrl          the backend Swift proxy, scheme, host and port only
 * @param connectTimeout    how long to wait for a TCP connection to the backend
 * @param idleTimeout       the longest silence on a backend connection (waiting for the answer, or between body
 *                          bytes in either direction) before the request fails with 504
 * @param maxConnections    the pool size towards the backend
 * @param maxQueuedRequests requests that may wait for a pooled connection; beyond that the answer is 503
 */
public record ProxyServerConfig(URI swiftUrl, Duration connectTimeout, Duration idleTimeout, int maxConnections,
        int maxQueuedRequests) {

    static final Setting<URI> SWIFT_URL = Setting.swiftUrl("The backend Swift proxy: scheme, host and port only.");
    static final Setting<Duration> CONNECT_TIMEOUT = Setting.seconds("connect_timeout", "5",
            "Seconds to wait for a connection to the backend (fractions allowed).");
    static final Setting<Duration> IDLE_TIMEOUT = Setting.seconds("idle_timeout", "60", "Seconds of silence on a"
            + " backend connection (waiting for the answer, or between body bytes) before 504.");
    static final Setting<Integer> MAX_CONNECTIONS = Setting.integer("max_connections", "64", 1, 10_000,
            "Connections to the backend.");
    static final Setting<Integer> MAX_QUEUED_REQUESTS = Setting.integer("max_queued_requests", "128", 1, 100_000,
            "Requests that may wait for a free connection; beyond that the answer is 503.");

    static final DeclaredSettings SETTINGS = DeclaredSettings.stage("proxy_server", "Forwards the native Swift API"
            + " (/auth/..., /v1/..., /info) to Swift; 404 for the rest.", SWIFT_URL, CONNECT_TIMEOUT, IDLE_TIMEOUT,
            MAX_CONNECTIONS, MAX_QUEUED_REQUESTS);

    public ProxyServerConfig {
        Objects.requireNonNull(swiftUrl, "swiftUrl");
        Objects.requireNonNull(connectTimeout, "connectTimeout");
        Objects.requireNonNull(idleTimeout, "idleTimeout");
    }

    static ProxyServerConfig from(FilterSettings settings) {
        URI swiftUrl = settings.swiftUrl(SWIFT_URL);
        // Requests are forwarded with their own raw path; a base path here would have to be spliced in.
        boolean bare = (swiftUrl.getRawPath() == null || swiftUrl.getRawPath().isEmpty()
                || swiftUrl.getRawPath().equals("/")) && swiftUrl.getRawQuery() == null;
        if (!bare) {
            throw new IllegalArgumentException(settings.swiftUrlKey(SWIFT_URL) + " = '" + swiftUrl
                    + "': give scheme, host and port only, without a path or query");
        }
        return new ProxyServerConfig(swiftUrl, CONNECT_TIMEOUT.read(settings), IDLE_TIMEOUT.read(settings),
                MAX_CONNECTIONS.read(settings), MAX_QUEUED_REQUESTS.read(settings));
    }
}
