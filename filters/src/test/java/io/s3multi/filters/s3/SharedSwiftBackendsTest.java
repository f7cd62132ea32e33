package io.s3multi.filters.s3;

import static org.junit.jupiter.api.Assertions.assertNotSame;
import static org.junit.jupiter.api.Assertions.assertSame;

import io.s3multi.swift.SwiftBackend;
import jakarta.servlet.ServletContext;
import java.net.URI;
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
    void eachServletContextHasItsOwnBackends() {
        assertNotSame(SharedSwiftBackends.in(new ServletContextHandler().getServletContext()),
                SharedSwiftBackends.in(new ServletContextHandler().getServletContext()));
    }
}
