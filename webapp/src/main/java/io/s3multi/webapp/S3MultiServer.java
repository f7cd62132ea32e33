package io.s3multi.webapp;

import io.s3multi.filters.metrics.GatewayMetrics;
import io.s3multi.filters.pipeline.ClientLimits;
import io.s3multi.filters.pipeline.GatewayConfig;
import io.s3multi.filters.pipeline.InstalledPipeline;
import io.s3multi.filters.pipeline.MetricsSettings;
import io.s3multi.filters.pipeline.PipelineInstaller;
import java.net.URI;
import java.time.Duration;
import java.util.Optional;
import org.eclipse.jetty.ee10.servlet.ServletContextHandler;
import org.eclipse.jetty.http.UriCompliance;
import org.eclipse.jetty.server.Handler;
import org.eclipse.jetty.server.HttpConfiguration;
import org.eclipse.jetty.server.HttpConnectionFactory;
import org.eclipse.jetty.server.Server;
import org.eclipse.jetty.server.ServerConnector;
import org.eclipse.jetty.util.thread.QueuedThreadPool;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The gateway in an embedded Jetty 12: one ee10 {@link ServletContextHandler} at {@code /}, no sessions, with
 * the pipeline installed by the same {@link PipelineInstaller} a WAR deployment uses.
 *
 * <p>Jetty's defaults would turn away S3 keys before any filter runs ({@code %2F}, {@code //}, {@code %25},
 * {@code %2e%2e} give 400), so the connector accepts every URI form ({@link UriCompliance#UNSAFE}) and the
 * servlet layer lets ambiguous ones through; the stages read the raw path and decode it themselves.
 *
 * <p>Slow clients are bounded by {@code server.idle_timeout} (the connector's idle timeout) and
 * {@code server.min_upload_rate} ({@link MinimumUploadRateHandler}), see {@link ClientLimits}. An answer given
 * before the request's body was read closes the connection only after the client had time to read it
 * ({@link LingeringCloseHandler}).
 *
 * <p>With {@code metrics.port} set, a second connector ({@code metrics.host}) serves the Prometheus metrics
 * ({@link MetricsListenerHandler}); the S3 port does not.
 *
 * <p>A plain {@code ServletContextHandler} does not look for {@code ServletContainerInitializer}s, so the
 * filters jar's initializer does not run here and the pipeline is installed exactly once.
 *
 * <p>Stopping (also on SIGTERM, through Jetty's shutdown hook) is graceful: the connector stops accepting,
 * requests in flight get up to {@link #STOP_TIMEOUT} to finish (the servlet context is one of Jetty's
 * {@code Graceful} components and waits for them), then the filters are destroyed.
 *
 * <pre>{@code
 * try (S3MultiServer gateway = S3MultiServer.start(config.withPort(0))) {
 *     URI base = gateway.uri();   // http://127.0.0.1:<port>/
 *     ...
 * }
 * }</pre>
 */
public final class S3MultiServer implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(S3MultiServer.class);

    /** How long a stop waits for requests in flight. */
    public static final Duration STOP_TIMEOUT = Duration.ofSeconds(30);

    // S3 requests carry many x-amz-* headers and Swift tokens; Jetty's 8 KiB default is AWS's own limit.
    private static final int HEADER_SIZE = 16 * 1024;
    private static final int IO_BUFFER_SIZE = 64 * 1024;

    private final Server server;
    private final ServerConnector connector;
    private final ServerConnector metricsConnector;
    private final InstalledPipeline pipeline;

    private S3MultiServer(Server server, ServerConnector connector, ServerConnector metricsConnector,
            InstalledPipeline pipeline) {
        this.server = server;
        this.connector = connector;
        this.metricsConnector = metricsConnector;
        this.pipeline = pipeline;
    }

    /** Starts a gateway with every stage this classpath provides. */
    public static S3MultiServer start(GatewayConfig config) throws Exception {
        return start(config, PipelineInstaller.discover(S3MultiServer.class.getClassLoader()));
    }

    /** Starts a gateway whose stages come from {@code installer}. */
    public static S3MultiServer start(GatewayConfig config, PipelineInstaller installer) throws Exception {
        var threads = new QueuedThreadPool();
        threads.setName("s3multi");
        var server = new Server(threads);
        var http = new HttpConfiguration();
        http.setUriCompliance(UriCompliance.UNSAFE);
        http.setRequestHeaderSize(HEADER_SIZE);
        http.setSendServerVersion(false);
        http.setSendXPoweredBy(false);
        // Jetty's header cache would hand out its own spelling of common values ("text/plain; charset=UTF-8"
        // arrives as "...charset=utf-8"), breaking SigV4 signatures over Content-Type and the stored type.
        http.setHeaderCacheCaseSensitive(true);
        http.setHeaderCacheSize(0);
        // Larger buffers than Jetty's 8 KiB input / 32 KiB output: fewer system calls and fewer hand-offs
        // between threads per byte of an upload or download, which is most of the gateway's own cost.
        http.setOutputBufferSize(IO_BUFFER_SIZE);
        var connectionFactory = new HttpConnectionFactory(http);
        connectionFactory.setInputBufferSize(IO_BUFFER_SIZE);
        var connector = config.tls().enabled() ? HttpsConnector.of(server, http, connectionFactory, config.tls())
                : new ServerConnector(server, connectionFactory);
        connector.setHost(config.host());
        connector.setPort(config.port());
        // Bounds every silence of a client: between body bytes, while it should take response bytes, between
        // requests on a kept-alive connection. MinimumUploadRateHandler bounds a client that is slow, not silent.
        connector.setIdleTimeout(config.clientLimits().idleTimeout().toMillis());
        server.addConnector(connector);

        var context = new ServletContextHandler(ServletContextHandler.NO_SESSIONS);
        context.setContextPath("/");
        context.getServletHandler().setDecodeAmbiguousURIs(true);
        InstalledPipeline pipeline = installer.install(context.getServletContext(), config);

        Handler gateway = new LingeringCloseHandler(config.clientLimits().minUploadRate() > 0
                ? new MinimumUploadRateHandler(context, config.clientLimits()) : context);
        Optional<GatewayMetrics> metrics = GatewayMetrics.in(context.getServletContext());
        metrics.ifPresent(collected -> collected.watchThreadPool(threads));
        ServerConnector metricsConnector = null;
        if (metrics.isPresent() && config.metrics().listens()) {
            // a connector of its own, on the same threads: a scrape never passes through the pipeline
            metricsConnector = new ServerConnector(server);
            metricsConnector.setHost(config.metrics().host());
            metricsConnector.setPort(config.metrics().port());
            server.addConnector(metricsConnector);
            gateway = new MetricsListenerHandler(gateway, metricsConnector, metrics.get());
        }
        server.setHandler(gateway);
        // What Jetty refuses before any filter runs (a key with %00) is still answered in S3 XML.
        var errorPages = new S3ErrorPages();
        server.setErrorHandler(errorPages);
        context.setErrorHandler(errorPages);
        server.setStopTimeout(STOP_TIMEOUT.toMillis());
        server.setStopAtShutdown(true);
        try {
            server.start();
        } catch (Exception e) {
            server.stop();
            throw e;
        }
        var started = new S3MultiServer(server, connector, metricsConnector, pipeline);
        started.metricsUri().ifPresent(uri -> LOG.info("metrics at {}", uri));
        return started;
    }

    /** The port actually bound (useful after asking for port 0). */
    public int port() {
        return connector.getLocalPort();
    }

    /** The gateway's base URL, e.g. {@code http://127.0.0.1:8080/} ({@code https} with a key store). */
    public URI uri() {
        String host = connector.getHost() == null ? "127.0.0.1" : connector.getHost();
        String scheme = connector.getDefaultProtocol().startsWith("SSL") ? "https" : "http";
        return URI.create(scheme + "://" + (host.contains(":") ? "[" + host + "]" : host) + ":" + port() + "/");
    }

    /** The metrics listener's scrape URL ({@code metrics.port}), when there is one. */
    public Optional<URI> metricsUri() {
        if (metricsConnector == null) {
            return Optional.empty();
        }
        String host = metricsConnector.getHost();
        return Optional.of(URI.create("http://" + (host.contains(":") ? "[" + host + "]" : host) + ":"
                + metricsConnector.getLocalPort() + MetricsSettings.LISTENER_PATH));
    }

    /** The installed stages, e.g. to reach proxy_logging's listeners. */
    public InstalledPipeline pipeline() {
        return pipeline;
    }

    /** Blocks until the server has stopped. */
    public void join() throws InterruptedException {
        server.join();
    }

    /** Stops gracefully. */
    @Override
    public void close() throws Exception {
        server.stop();
    }
}
