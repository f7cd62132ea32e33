package io.s3multi.filters.testing;

import io.s3multi.filters.pipeline.FilterFactory;
import io.s3multi.filters.pipeline.FilterRegistry;
import io.s3multi.filters.pipeline.GatewayConfig;
import io.s3multi.filters.pipeline.InstalledPipeline;
import io.s3multi.filters.pipeline.PipelineInstaller;
import java.net.URI;
import java.util.Properties;
import org.eclipse.jetty.ee10.servlet.ServletContextHandler;
import org.eclipse.jetty.http.UriCompliance;
import org.eclipse.jetty.server.HttpConfiguration;
import org.eclipse.jetty.server.HttpConnectionFactory;
import org.eclipse.jetty.server.Server;
import org.eclipse.jetty.server.ServerConnector;

/**
 * The pipeline installed by the real {@link PipelineInstaller} into a real embedded Jetty on 127.0.0.1, with
 * the URI compliance the launcher uses, so tests see what clients will see.
 */
public final class GatewayUnderTest implements AutoCloseable {

    private final Server server;
    private final ServerConnector connector;
    private final InstalledPipeline pipeline;

    private GatewayUnderTest(Server server, ServerConnector connector, InstalledPipeline pipeline) {
        this.server = server;
        this.connector = connector;
        this.pipeline = pipeline;
    }

    /** Starts a gateway with {@code properties} as its config and the discovered stages plus {@code extra}. */
    public static GatewayUnderTest start(Properties properties, FilterFactory... extra) throws Exception {
        GatewayConfig config = GatewayConfig.fromProperties(properties, "test properties");
        var server = new Server();
        var http = new HttpConfiguration();
        http.setUriCompliance(UriCompliance.UNSAFE);
        var connector = new ServerConnector(server, new HttpConnectionFactory(http));
        connector.setHost("127.0.0.1");
        connector.setPort(0);
        server.addConnector(connector);
        var context = new ServletContextHandler(ServletContextHandler.NO_SESSIONS);
        context.setContextPath("/");
        context.getServletHandler().setDecodeAmbiguousURIs(true);
        var registry = FilterRegistry.discover(GatewayUnderTest.class.getClassLoader()).with(extra);
        InstalledPipeline pipeline = new PipelineInstaller(registry).install(context.getServletContext(), config);
        server.setHandler(context);
        server.start();
        return new GatewayUnderTest(server, connector, pipeline);
    }

    /** Properties with this pipeline line and {@code key, value} pairs after it. */
    public static Properties config(String pipeline, String... keyValues) {
        var properties = new Properties();
        properties.setProperty("pipeline", pipeline);
        for (int i = 0; i < keyValues.length; i += 2) {
            properties.setProperty(keyValues[i], keyValues[i + 1]);
        }
        return properties;
    }

    public int port() {
        return connector.getLocalPort();
    }

    /** The gateway URL of a raw path (with query), exactly as given. */
    public URI uri(String rawPathAndQuery) {
        return URI.create("http://127.0.0.1:" + port() + rawPathAndQuery);
    }

    public InstalledPipeline pipeline() {
        return pipeline;
    }

    @Override
    public void close() throws Exception {
        server.stop();
    }
}
