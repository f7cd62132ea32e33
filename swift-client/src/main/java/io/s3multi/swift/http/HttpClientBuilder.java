package io.s3multi.swift.http;

import java.time.Duration;
import java.util.Objects;
import org.eclipse.jetty.client.HttpClient;
import org.eclipse.jetty.client.ProxyAuthenticationProtocolHandler;
import org.eclipse.jetty.client.RedirectProtocolHandler;
import org.eclipse.jetty.client.WWWAuthenticationProtocolHandler;
import org.eclipse.jetty.client.transport.HttpClientTransportOverHTTP;
import org.eclipse.jetty.http.HttpCookieStore;
import org.eclipse.jetty.io.ClientConnector;
import org.eclipse.jetty.util.thread.QueuedThreadPool;

/**
 * Builds and starts every Jetty {@link HttpClient} of the gateway (swift-client's transport, proxy_server's
 * backend, s3token's Keystone client), configured to pass bytes and headers through exactly as given. What a
 * user chooses is its name, timeouts and sizes; the rest is the same for all.
 *
 * <p>Jetty's defaults suit a browser-like client, not a storage gateway, so several are undone:
 * <ul>
 *   <li>no redirects followed, no cookies kept, no {@code User-Agent} added: a client's redirects, cookies and
 *       identity are its own business;</li>
 *   <li>no default {@code Content-Type}: a Content-Type sent with a server-side copy would replace the
 *       source object's own, and Swift guesses a missing one from the object name;</li>
 *   <li>no response-header cache: Jetty's would replace common values by its own spelling (a stored
 *       {@code text/plain; charset=UTF-8} read back as {@code text/plain;charset=utf-8});</li>
 *   <li>no content decoders: Jetty 12.1 registers gzip at {@code start()} (refilling the list if it is
 *       empty), then sends {@code Accept-Encoding: gzip} and inflates answers, which changes ETags and
 *       lengths. They are cleared <em>after</em> start for that reason;</li>
 *   <li>no HTTP authentication handlers: a 401 carries {@code WWW-Authenticate}, and the answer must reach the
 *       caller (swift-client's token refresh, the proxied client, s3token's verdict), not Jetty's credential
 *       store, which would buffer it to retry. The redirect handler goes too; {@code 100-continue} handling
 *       stays, uploads rely on it.</li>
 * </ul>
 * Threads are daemons, named after the client.
 */
public final class HttpClientBuilder {

    private final String name;
    private Duration connectTimeout;
    private Duration idleTimeout;
    private int maxConnectionsPerDestination;
    private int maxQueuedRequestsPerDestination;
    private int maxThreads;
    private int minThreads;
    private int responseBufferSize;

    private HttpClientBuilder(String name) {
        this.name = Objects.requireNonNull(name, "name");
    }

    /** A builder for a client called {@code name} (its threads' name); every size left unset is Jetty's. */
    public static HttpClientBuilder named(String name) {
        return new HttpClientBuilder(name);
    }

    /** How long to wait for a TCP connection. */
    public HttpClientBuilder connectTimeout(Duration timeout) {
        this.connectTimeout = timeout;
        return this;
    }

    /** The longest silence on a connection before the exchange fails. */
    public HttpClientBuilder idleTimeout(Duration timeout) {
        this.idleTimeout = timeout;
        return this;
    }

    /** Connections per destination, and requests that may wait for one before being refused. */
    public HttpClientBuilder pool(int maxConnections, int maxQueuedRequests) {
        this.maxConnectionsPerDestination = maxConnections;
        this.maxQueuedRequestsPerDestination = maxQueuedRequests;
        return this;
    }

    /** The size of the client's own thread pool. */
    public HttpClientBuilder threads(int max, int min) {
        this.maxThreads = max;
        this.minThreads = min;
        return this;
    }

    /** How many bytes of an answer Jetty reads at a time (16 KiB by default). */
    public HttpClientBuilder responseBufferSize(int bytes) {
        this.responseBufferSize = bytes;
        return this;
    }

    /** A started client; the caller stops it. */
    public HttpClient start() throws Exception {
        QueuedThreadPool threads = maxThreads > 0 ? new QueuedThreadPool(maxThreads, minThreads)
                : new QueuedThreadPool();
        threads.setName(name);
        threads.setDaemon(true);

        ClientConnector connector = new ClientConnector();
        connector.setExecutor(threads);
        if (connectTimeout != null) {
            connector.setConnectTimeout(connectTimeout);
        }
        if (idleTimeout != null) {
            connector.setIdleTimeout(idleTimeout);
        }

        HttpClientTransportOverHTTP transport = new HttpClientTransportOverHTTP(connector);
        transport.setHeaderCacheCaseSensitive(true);
        transport.setHeaderCacheSize(0);
        HttpClient client = new HttpClient(transport);
        client.setName(name);
        client.setExecutor(threads);
        if (maxConnectionsPerDestination > 0) {
            client.setMaxConnectionsPerDestination(maxConnectionsPerDestination);
            client.setMaxRequestsQueuedPerDestination(maxQueuedRequestsPerDestination);
        }
        if (responseBufferSize > 0) {
            client.setResponseBufferSize(responseBufferSize);
        }
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
