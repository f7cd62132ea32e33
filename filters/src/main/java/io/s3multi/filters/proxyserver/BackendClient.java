package io.s3multi.filters.proxyserver;

import java.net.URI;
import org.eclipse.jetty.client.HttpClient;
import org.eclipse.jetty.client.ProxyAuthenticationProtocolHandler;
import org.eclipse.jetty.client.WWWAuthenticationProtocolHandler;
import org.eclipse.jetty.client.transport.HttpClientTransportOverHTTP;
import org.eclipse.jetty.http.HttpCookieStore;
import org.eclipse.jetty.io.ClientConnector;
import org.eclipse.jetty.util.thread.QueuedThreadPool;

/**
 * Builds the Jetty {@link HttpClient} that proxy_server forwards through, set up as a transparent proxy's
 * client rather than a browser's.
 */
final class BackendClient {

    private BackendClient() {
    }

    /** A started client with the pool and timeouts of {@code config}. */
    static HttpClient start(ProxyServerConfig config) throws Exception {
        var threads = new QueuedThreadPool();
        threads.setName("proxy_server-backend");
        threads.setDaemon(true);
        var connector = new ClientConnector();
        connector.setExecutor(threads);
        connector.setSelectors(1);
        var client = new HttpClient(new HttpClientTransportOverHTTP(connector));
        client.setExecutor(threads);
        client.setConnectTimeout(config.connectTimeout().toMillis());
        client.setIdleTimeout(config.idleTimeout().toMillis());
        client.setMaxConnectionsPerDestination(config.maxConnections());
        client.setMaxRequestsQueuedPerDestination(config.maxQueuedRequests());
        // The client's redirects, cookies and identity are the client's business, not the proxy's.
        client.setFollowRedirects(false);
        client.setHttpCookieStore(new HttpCookieStore.Empty());
        client.setUserAgentField(null);
        // Swift guesses a missing Content-Type from the object name; Jetty's default would defeat that.
        client.setDefaultRequestContentType(null);
        client.start();
        // 401 and 407 answers go back to the client untouched; Jetty would otherwise buffer them to retry.
        client.getProtocolHandlers().remove(WWWAuthenticationProtocolHandler.NAME);
        client.getProtocolHandlers().remove(ProxyAuthenticationProtocolHandler.NAME);
        // Only after start(): start() registers gzip decoding when the list is empty, and a proxy must pass
        // bodies (and their ETags) through exactly as encoded.
        client.getContentDecoderFactories().clear();
        return client;
    }

    /** The port of {@code url}, defaulting by scheme. */
    static int port(URI url) {
        if (url.getPort() > 0) {
            return url.getPort();
        }
        return "https".equalsIgnoreCase(url.getScheme()) ? 443 : 80;
    }
}
