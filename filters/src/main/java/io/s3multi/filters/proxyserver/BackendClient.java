package io.s3multi.filters.proxyserver;

import io.s3multi.swift.http.HttpClientBuilder;
import java.net.URI;
import org.eclipse.jetty.client.HttpClient;
import org.eclipse.jetty.client.Request;

/**
 * The Jetty {@link HttpClient} that proxy_server forwards through, aimed at {@code swift_url}: one pool per
 * filter instance, set up by {@link HttpClientBuilder} as a transparent proxy's client rather than a browser's
 * (no redirects, cookies, user agent, default content type, authentication handlers, content decoding or header
 * respelling: the client sees what Swift sent, and Swift what the client sent).
 */
record BackendClient(HttpClient client, URI swiftUrl) {

    /** A started client with the pool and timeouts of {@code config}. */
    static BackendClient start(ProxyServerConfig config) throws Exception {
        return new BackendClient(HttpClientBuilder.named("proxy_server-backend")
                .connectTimeout(config.connectTimeout())
                .idleTimeout(config.idleTimeout())
                .pool(config.maxConnections(), config.maxQueuedRequests())
                .start(), config.swiftUrl());
    }

    /** A request to the backend for {@code rawTarget}, the raw path and query, never re-encoded. */
    Request newRequest(String method, String rawTarget) {
        return client.newRequest(swiftUrl.getHost(), port(swiftUrl))
                .scheme(swiftUrl.getScheme())
                .method(method)
                .path(rawTarget);
    }

    void stop() throws Exception {
        client.stop();
    }

    /** The port of {@code url}, defaulting by scheme. */
    private static int port(URI url) {
        if (url.getPort() > 0) {
            return url.getPort();
        }
        return "https".equalsIgnoreCase(url.getScheme()) ? 443 : 80;
    }
}
