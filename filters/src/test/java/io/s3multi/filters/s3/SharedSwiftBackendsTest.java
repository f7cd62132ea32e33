package io.s3multi.filters.s3;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotSame;
import static org.junit.jupiter.api.Assertions.assertSame;

import io.s3multi.filters.pipeline.FilterRegistry;
import io.s3multi.filters.pipeline.GatewayConfig;
import io.s3multi.filters.pipeline.PipelineInstaller;
import io.s3multi.swift.SwiftBackend;
import io.s3multi.swift.SwiftClientConfig;
import jakarta.servlet.ServletContext;
import java.net.URI;
import java.time.Duration;
import java.util.Properties;
import org.eclipse.jetty.ee10.servlet.ServletContextHandler;
import org.junit.jupiter.api.Test;

class SharedSwiftBackendsTest {

    private static final URI SWIFT = URI.create("http://127.0.0.1:1");
    private static final URI OTHER_SWIFT = URI.create("http://127.0.0.1:2");

    @Test
    void stagesOfOnePipelineShareOneBackendPerUrlUntilTheLastLetsGo() {
        ServletContext context = new ServletContextHandler().getServletContext();
        SharedSwiftBackends backends = SharedSwiftBackends.in(context);
        assertSame(backends, SharedSwiftBackends.in(context));

        SwiftBackend tempauth = backends.acquire(SWIFT);
        SwiftBackend s3api = backends.acquire(SWIFT);
        assertSame(tempauth, s3api);
        SwiftBackend other = backends.acquire(OTHER_SWIFT);
        assertNotSame(tempauth, other);

        backends.release(SWIFT);
        assertSame(tempauth, backends.acquire(SWIFT), "still in use by one stage");
        backends.release(SWIFT);
        backends.release(SWIFT);
        assertNotSame(tempauth, backends.acquire(SWIFT), "the last release closed it; a new one starts");
        backends.release(SWIFT);
        backends.release(OTHER_SWIFT);
    }

    @Test
    void backendsWaitForSwiftAsTheGatewayConfigurationSays() {
        ServletContext context = new ServletContextHandler().getServletContext();
        Properties properties = new Properties();
        properties.setProperty("pipeline", "catch_errors proxy_server");
        properties.setProperty("swift.connect_timeout", "1.5");
        properties.setProperty("swift.idle_timeout", "7");
        new PipelineInstaller(FilterRegistry.discover(getClass().getClassLoader())).install(context,
                GatewayConfig.fromProperties(properties, "test"));

        SwiftClientConfig config = SharedSwiftBackends.in(context).clientConfig(SWIFT);
        assertEquals(Duration.ofMillis(1500), config.connectTimeout());
        assertEquals(Duration.ofSeconds(7), config.idleTimeout());
        assertEquals(Duration.ofSeconds(60), SharedSwiftBackends.in(new ServletContextHandler().getServletContext())
                .clientConfig(SWIFT).idleTimeout(), "a context no installer filled gets the defaults");
    }

    @Test
    void eachServletContextHasItsOwnBackends() {
        assertNotSame(SharedSwiftBackends.in(new ServletContextHandler().getServletContext()),
                SharedSwiftBackends.in(new ServletContextHandler().getServletContext()));
    }
}
