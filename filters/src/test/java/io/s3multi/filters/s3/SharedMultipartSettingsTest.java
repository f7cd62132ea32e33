package io.s3multi.filters.s3;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotSame;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;

import io.s3multi.filters.pipeline.GatewayConfig;
import io.s3multi.filters.pipeline.PipelineInstaller;
import io.s3multi.filters.testing.GatewayUnderTest;
import io.s3multi.s3.multipart.MultipartSettings;
import jakarta.servlet.ServletContext;
import java.time.Duration;
import org.eclipse.jetty.ee10.servlet.ServletContextHandler;
import org.eclipse.jetty.server.Server;
import org.junit.jupiter.api.Test;

/**
 * The one source of {@code filter.s3multi.claim_timeout} for the stages that claim uploads besides s3multi (tus,
 * s3api's background jobs): what the s3multi stage publishes once started, the default without such a stage, and a
 * refusal to guess while it has not started; and the gateway's one {@code FinishLocks}, which tus shares.
 */
class SharedMultipartSettingsTest {

    @Test
    void theS3multiStagePublishesItsClaimTimeoutWhenItStarts() throws Exception {
        var server = new Server();
        var handler = new ServletContextHandler(ServletContextHandler.NO_SESSIONS);
        server.setHandler(handler);
        ServletContext context = handler.getServletContext();
        PipelineInstaller.discover(getClass().getClassLoader()).install(context, GatewayConfig.fromProperties(
                GatewayUnderTest.config("s3multi proxy_server", "swift_url", "http://127.0.0.1:9",
                        "filter.s3multi.claim_timeout", "60"), "test properties"));

        IllegalStateException notYet = assertThrows(IllegalStateException.class,
                () -> SharedMultipartSettings.in(context));
        assertEquals("the s3multi stage has not started: its claim_timeout is not known yet", notYet.getMessage());

        assertThrows(IllegalStateException.class, () -> SharedMultipartSettings.locksIn(context),
                "no locks of its own while the s3multi stage's are not published yet");

        server.start();
        try {
            assertEquals(Duration.ofSeconds(60), SharedMultipartSettings.in(context).claimTimeout());
            assertSame(SharedMultipartSettings.locksIn(context), SharedMultipartSettings.locksIn(context),
                    "tus finishes uploads with the s3multi stage's locks");
        } finally {
            server.stop();
        }
    }

    @Test
    void withoutAnS3multiStageTheDefaultHolds() throws Exception {
        var server = new Server();
        var handler = new ServletContextHandler(ServletContextHandler.NO_SESSIONS);
        server.setHandler(handler);
        PipelineInstaller.discover(getClass().getClassLoader()).install(handler.getServletContext(),
                GatewayConfig.fromProperties(GatewayUnderTest.config("healthcheck proxy_server",
                        "swift_url", "http://127.0.0.1:9"), "test properties"));

        assertEquals(MultipartSettings.defaults(), SharedMultipartSettings.in(handler.getServletContext()));
        assertEquals(MultipartSettings.defaults(),
                SharedMultipartSettings.in(new ServletContextHandler().getServletContext()), "no pipeline at all");
        assertSame(SharedMultipartSettings.locksIn(handler.getServletContext()),
                SharedMultipartSettings.locksIn(handler.getServletContext()), "one per gateway");
        assertNotSame(SharedMultipartSettings.locksIn(handler.getServletContext()),
                SharedMultipartSettings.locksIn(new ServletContextHandler().getServletContext()));
    }
}
