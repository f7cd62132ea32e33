package io.s3multi.filters.proxyserver;

import io.s3multi.filters.pipeline.FilterSettings;
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

    static final String SWIFT_URL = "swift_url";
    static final String CONNECT_TIMEOUT = "connect_timeout";
    static final String IDLE_TIMEOUT = "idle_timeout";
    static final String MAX_CONNECTIONS = "max_connections";
    static final String MAX_QUEUED_REQUESTS = "max_queued_requests";

    public ProxyServerConfig {
        Objects.requireNonNull(swiftUrl, "swiftUrl");
        Objects.requireNonNull(connectTimeout, "connectTimeout");
        Objects.requireNonNull(idleTimeout, "idleTimeout");
    }

    static ProxyServerConfig from(FilterSettings settings) {
        URI swiftUrl = settings.httpUrl(SWIFT_URL);
        // Requests are forwarded with their own raw path; a base path here would have to be spliced in.
        boolean bare = (swiftUrl.getRawPath() == null || swiftUrl.getRawPath().isEmpty()
                || swiftUrl.getRawPath().equals("/")) && swiftUrl.getRawQuery() == null;
        if (!bare) {
            throw new IllegalArgumentException(settings.key(SWIFT_URL) + " = '" + swiftUrl
                    + "': give scheme, host and port only, without a path or query");
        }
        return new ProxyServerConfig(swiftUrl, settings.seconds(CONNECT_TIMEOUT), settings.seconds(IDLE_TIMEOUT),
                settings.integer(MAX_CONNECTIONS, 1, 10_000), settings.integer(MAX_QUEUED_REQUESTS, 1, 100_000));
    }
}
