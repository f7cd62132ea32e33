package io.s3multi.swift.http;

import io.s3multi.swift.SwiftClientConfig;
import org.eclipse.jetty.client.HttpClient;
import org.eclipse.jetty.client.ProxyAuthenticationProtocolHandler;
import org.eclipse.jetty.client.RedirectProtocolHandler;
import org.eclipse.jetty.client.WWWAuthenticationProtocolHandler;
import org.eclipse.jetty.client.transport.HttpClientTransportOverHTTP;
import org.eclipse.jetty.http.HttpCookieStore;
import org.eclipse.jetty.io.ClientConnector;
import org.eclipse.jetty.util.thread.QueuedThreadPool;

/**
 * Builds and starts the one Jetty {@link HttpClient} that talks to a Swift backend, configured to pass
 * bytes and headers through exactly as given.
 *
 * <p>Jetty's defaults suit a browser-like client, not a storage gateway, so several are undone:
 * <ul>
 *   <li>no redirects followed, no cookies kept, no {@code User-Agent} added;</li>
 *   <li>no default {@code Content-Type}: a Content-Type sent with a server-side copy would replace the
 *       source object's own;</li>
 *   <li>no content decoders: Jetty 12.1 registers gzip at {@code start()} (refilling the list if it is
 *       empty), then sends {@code Accept-Encoding: gzip} and inflates answers, which changes ETags and
 *       lengths. They are cleared <em>after</em> start for that reason;</li>
 *   <li>no HTTP authentication handlers: a Swift 401 carries {@code WWW-Authenticate}, and the answer
 *       must reach this module's token refresh, not Jetty's credential store. The redirect handler
 *       goes too; {@code 100-continue} handling stays, uploads rely on it.</li>
 * </ul>
 */
final class HttpClientFactory {

    private static final int RESPONSE_BUFFER_SIZE = 64 * 1024;

    private HttpClientFactory() {
    }

    static HttpClient start(SwiftClientConfig config) throws Exception {
        String name = "swift-client@" + config.endpoint().getAuthority();
        QueuedThreadPool threads = new QueuedThreadPool();
        threads.setName(name);
        threads.setDaemon(true);

        ClientConnector connector = new ClientConnector();
        connector.setExecutor(threads);
        connector.setConnectTimeout(config.connectTimeout());
        connector.setIdleTimeout(config.idleTimeout());

        HttpClientTransportOverHTTP transport = new HttpClientTransportOverHTTP(connector);
        // Jetty's response-header cache would replace common values by its own spelling (a stored
        // "text/plain; charset=UTF-8" read back as "text/plain;charset=utf-8"); values must pass unchanged.
        transport.setHeaderCacheCaseSensitive(true);
        transport.setHeaderCacheSize(0);
        HttpClient client = new HttpClient(transport);
        client.setName(name);
        client.setExecutor(threads);
        client.setConnectTimeout(config.connectTimeout().toMillis());
        client.setIdleTimeout(config.idleTimeout().toMillis());
        client.setMaxConnectionsPerDestination(config.maxConnections());
        client.setMaxRequestsQueuedPerDestination(config.maxQueuedRequests());
        // Jetty reads answers 16 KiB at a time by default; a download moves fewer, larger pieces this way.
        client.setResponseBufferSize(RESPONSE_BUFFER_SIZE);
        client.setFollowRedirects(false);
        client.setUserAgentField(null);
        client.setDefaultRequestContentType(null);
        client.setHttpCookieStore(new HttpCookieStore.Empty());
        client.start();

        client.getContentDecoderFactories().clear();
        client.getProtocolHandlers().remove(WWWAuthenticationProtocolHandler.NAME);
        client.getProtocolHandlers().remove(ProxyAuthenticationProtocolHandler.NAME);
        client.getProtocolHandlers().remove(RedirectProtocolHandler.NAME);
        return client;
    }
}
