package io.s3multi.webapp;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.s3multi.filters.pipeline.ConfigLoader;
import io.s3multi.filters.pipeline.FilterFactory;
import io.s3multi.filters.pipeline.FilterRegistry;
import io.s3multi.filters.pipeline.FilterSettings;
import io.s3multi.filters.pipeline.GatewayConfig;
import io.s3multi.filters.pipeline.PipelineInstaller;
import io.s3multi.filters.pipeline.PlainText;
import jakarta.servlet.Filter;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletRequest;
import jakarta.servlet.ServletResponse;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** The embedded server as the launcher builds it, with the built-in default configuration. */
class S3MultiServerTest {

    private static final String REGISTRY_KEY_OVERRIDE = "s3multi.filter.s3api.bucket_registry_key";

    private static final CountDownLatch SLOW_STARTED = new CountDownLatch(1);

    private static S3MultiServer server;

    /** {@code echo}: answers the raw request URI for paths under /echo/, and holds /slow for a while. */
    private static final FilterFactory ECHO = new FilterFactory() {
        @Override
        public String name() {
            return "echo";
        }

        @Override
        public Map<String, String> defaults() {
            return Map.of();
        }

        @Override
        public Filter create(FilterSettings settings) {
            return (ServletRequest req, ServletResponse res, FilterChain next) -> {
                String uri = ((HttpServletRequest) req).getRequestURI();
                if (uri.startsWith("/echo/")) {
                    PlainText.send((HttpServletResponse) res, 200, uri);
                } else if (uri.equals("/slow")) {
                    SLOW_STARTED.countDown();
                    sleep(700);
                    PlainText.send((HttpServletResponse) res, 200, "finished");
                } else {
                    next.doFilter(req, res);
                }
            };
        }
    };

    private static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    @BeforeAll
    static void start() throws Exception {
        // The built-in copy of conf/proxy-server.properties, with the echo stage added before the S3 stages.
        var overrides = new Properties();
        overrides.setProperty("s3multi.pipeline",
                "catch_errors proxy_logging healthcheck echo tempauth s3api proxy_server");
        // The shipped copy names the registry user but no key (no secret ships); this test never reaches Swift.
        overrides.setProperty(REGISTRY_KEY_OVERRIDE, "unused-in-this-test");
        GatewayConfig config = new ConfigLoader(overrides, Map.of(), S3MultiServerTest.class.getClassLoader())
                .load().withPort(0);
        var registry = FilterRegistry.discover(S3MultiServerTest.class.getClassLoader()).with(ECHO);
        server = S3MultiServer.start(config, new PipelineInstaller(registry));
    }

    @AfterAll
    static void stop() throws Exception {
        server.close();
    }

    @Test
    void listensOnLoopbackAtTheAskedPortAndServesTheHealthcheck() throws Exception {
        assertTrue(server.port() > 0);
        assertEquals("http://127.0.0.1:" + server.port() + "/", server.uri().toString());
        RawExchange answer = RawExchange.get(server.port(), "/healthcheck");
        assertTrue(answer.hasStatus(200), answer.head());
        assertTrue(answer.head().contains("\r\nX-Trans-Id: tx"), answer.head());
        assertEquals("OK", answer.body());
        // Jetty does not advertise itself.
        assertFalse(answer.head().contains("Server:"), answer.head());
    }

    @Test
    void s3KeysReachTheFiltersExactlyAsSent() throws Exception {
        for (String path : List.of("/echo/bucket/a%2Fb", "/echo/bucket/a//b", "/echo/bucket/100%25",
                "/echo/bucket/%2e%2e/x", "/echo/bucket/../y", "/echo/bucket/a%2F..%2Fb", "/echo/bucket/%C3%A4;x")) {
            RawExchange answer = RawExchange.get(server.port(), path);
            assertTrue(answer.hasStatus(200), path + ": " + answer.head());
            assertEquals(path, answer.body());
        }
    }

    @Test
    void aRequestJettyRefusesBeforeTheFiltersIsAnS3Error() throws Exception {
        RawExchange s3 = RawExchange.get(server.port(), "/bucket/a%00b");
        assertTrue(s3.hasStatus(400), s3.head());
        assertTrue(s3.head().contains("Content-Type: application/xml"), s3.head());
        assertTrue(s3.body().startsWith("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n"
                + "<Error><Code>InvalidRequest</Code>"), s3.body());
        assertTrue(s3.head().contains("x-amz-request-id: tx"), s3.head());
    }

    @Test
    void theDefaultConfigurationIsTheBuiltInCopyAndThePipelineIsInstalledOnce() {
        assertEquals(List.of("catch_errors", "proxy_logging", "healthcheck", "echo", "tempauth", "s3api",
                "proxy_server"), server.pipeline().names());
        assertTrue(server.pipeline().origin().startsWith("default copy "), server.pipeline().origin());
    }

    @Test
    void stoppingLetsARequestInFlightFinish() throws Exception {
        var overridden = new Properties();
        overridden.setProperty("s3multi.pipeline", "echo tempauth s3api proxy_server");
        overridden.setProperty(REGISTRY_KEY_OVERRIDE, "unused-in-this-test");
        GatewayConfig config = new ConfigLoader(overridden, Map.of(), getClass().getClassLoader()).load().withPort(0);
        var registry = FilterRegistry.discover(getClass().getClassLoader()).with(ECHO);
        S3MultiServer stopping = S3MultiServer.start(config, new PipelineInstaller(registry));
        int port = stopping.port();
        CompletableFuture<String> inFlight = CompletableFuture.supplyAsync(() -> {
            try (var socket = new Socket("127.0.0.1", port)) {
                socket.getOutputStream().write("GET /slow HTTP/1.1\r\nHost: gw\r\nConnection: close\r\n\r\n"
                        .getBytes(StandardCharsets.ISO_8859_1));
                return new String(socket.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            } catch (IOException e) {
                return e.toString();
            }
        });
        assertTrue(SLOW_STARTED.await(5, TimeUnit.SECONDS));
        stopping.close();
        String answer = inFlight.get(10, TimeUnit.SECONDS);
        assertTrue(answer.startsWith("HTTP/1.1 200 ") && answer.endsWith("finished"), answer);
    }
}
