package io.s3multi.filters.pipeline;

import static io.s3multi.filters.testing.TestStages.stage;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.s3multi.filters.testing.GatewayUnderTest;
import jakarta.servlet.Filter;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletRequest;
import jakarta.servlet.ServletResponse;
import jakarta.servlet.http.HttpServletResponse;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import org.eclipse.jetty.ee10.servlet.ServletContextHandler;
import org.eclipse.jetty.server.Server;
import org.eclipse.jetty.server.ServerConnector;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class PipelineInstallerTest {

    private static final HttpClient HTTP = HttpClient.newHttpClient();

    /** A stage that appends its name to a response header and passes on; {@code answer} ends the chain. */
    private static Filter recording(String name) {
        return (ServletRequest req, ServletResponse res, FilterChain next) -> {
            var response = (HttpServletResponse) res;
            response.addHeader("X-Order", name);
            next.doFilter(req, res);
        };
    }

    private static String order(GatewayUnderTest gateway) throws Exception {
        HttpResponse<String> answer = HTTP.send(HttpRequest.newBuilder(gateway.uri("/not-swift")).build(),
                HttpResponse.BodyHandlers.ofString());
        assertEquals(404, answer.statusCode());
        return String.join(",", answer.headers().allValues("X-Order"));
    }

    @Test
    void theContainersChainRunsTheStagesInPipelineOrderNotNameOrder() throws Exception {
        var a = stage("alpha", Placement.anywhere(), recording("alpha"));
        var b = stage("bravo", Placement.anywhere(), recording("bravo"));
        var c = stage("charlie", Placement.anywhere(), recording("charlie"));
        try (var gateway = GatewayUnderTest.start(
                GatewayUnderTest.config("charlie alpha bravo proxy_server"), a, b, c)) {
            assertEquals("charlie,alpha,bravo", order(gateway));
            assertEquals(List.of("charlie", "alpha", "bravo", "proxy_server"), gateway.pipeline().names());
        }
        try (var gateway = GatewayUnderTest.start(
                GatewayUnderTest.config("bravo charlie alpha proxy_server"), a, b, c)) {
            assertEquals("bravo,charlie,alpha", order(gateway));
        }
    }

    @Test
    void aBadSettingValueStopsInstallationWithThePipeline() {
        var context = new ServletContextHandler();
        GatewayConfig config = GatewayConfig.fromProperties(GatewayUnderTest.config("catch_errors proxy_server",
                "filter.proxy_server.connect_timeout", "soon"), "test");
        var e = assertThrows(PipelineConfigException.class, () -> PipelineInstaller
                .discover(getClass().getClassLoader()).install(context.getServletContext(), config));
        assertEquals("pipeline 'catch_errors proxy_server': filter.proxy_server.connect_timeout = 'soon': not a"
                + " number of seconds [config: test]", e.getMessage());
        assertNull(InstalledPipeline.in(context.getServletContext()));
    }

    @Test
    void installingTwiceIntoOneContextIsRefused() {
        var context = new ServletContextHandler();
        GatewayConfig config = GatewayConfig.fromProperties(GatewayUnderTest.config("proxy_server"), "test");
        var installer = PipelineInstaller.discover(getClass().getClassLoader());
        InstalledPipeline first = installer.install(context.getServletContext(), config);
        assertSame(first, InstalledPipeline.in(context.getServletContext()));
        var e = assertThrows(IllegalStateException.class, () -> installer.install(context.getServletContext(), config));
        assertTrue(e.getMessage().startsWith("a pipeline is already installed in this context"), e.getMessage());
    }

    @Test
    void theContainerInitializerInstallsTheConfiguredPipeline(@TempDir Path dir) throws Exception {
        Path conf = Files.writeString(dir.resolve("gw.properties"),
                "pipeline = catch_errors healthcheck proxy_server\n");
        String previous = System.setProperty(ConfigLoader.CONF_PROPERTY, conf.toString());
        var server = new Server();
        var connector = new ServerConnector(server);
        connector.setHost("127.0.0.1");
        server.addConnector(connector);
        var context = new ServletContextHandler();
        server.setHandler(context);
        try {
            new PipelineInitializer().onStartup(Set.of(), context.getServletContext());
            server.start();
            var answer = HTTP.send(HttpRequest.newBuilder(java.net.URI.create("http://127.0.0.1:"
                    + connector.getLocalPort() + "/healthcheck")).build(), HttpResponse.BodyHandlers.ofString());
            assertEquals(200, answer.statusCode());
            assertEquals("OK", answer.body());
            assertTrue(answer.headers().firstValue("X-Trans-Id").isPresent());
            assertEquals(List.of("catch_errors", "healthcheck", "proxy_server"),
                    InstalledPipeline.in(context.getServletContext()).names());
        } finally {
            server.stop();
            if (previous == null) {
                System.clearProperty(ConfigLoader.CONF_PROPERTY);
            } else {
                System.setProperty(ConfigLoader.CONF_PROPERTY, previous);
            }
        }
    }

    @Test
    void aPlainServletContextHandlerDoesNotRunContainerInitializers() throws Exception {
        // The filters jar (target/classes here) lists PipelineInitializer in META-INF/services; the launcher
        // relies on Jetty's ServletContextHandler not scanning for it, or the pipeline would be installed twice.
        var server = new Server();
        var context = new ServletContextHandler();
        server.setHandler(context);
        server.start();
        try {
            assertNull(InstalledPipeline.in(context.getServletContext()));
            assertEquals(List.of(), List.of(context.getServletHandler().getFilters()));
        } finally {
            server.stop();
        }
    }
}
