package io.s3multi.filters.pipeline;

import io.s3multi.swift.SwiftClientConfig;
import jakarta.servlet.ServletContext;
import java.time.Duration;
import java.util.Objects;

/**
 * How long the S3 stages' Swift clients wait for Swift (top-level {@code swift.connect_timeout} and
 * {@code swift.idle_timeout}), and how they move bytes ({@code swift.transport}): one set for the whole pipeline, because the S3 stages (tempauth, s3token, s3multi,
 * s3api) share one Swift client, and one connection pool, per Swift URL. proxy_server has its own pair
 * ({@code filter.proxy_server.connect_timeout}, {@code idle_timeout}): it owns its client.
 *
 * <p>The installer puts them into the servlet context before the stages start, where the shared Swift clients
 * find them ({@link #of(ServletContext)}).
 *
 * @param connect   how long to wait for a TCP connection to Swift
 * @param idle      how long a Swift connection may stay silent (waiting for the answer, or between body bytes)
 *                  before the S3 request fails with {@code 503 ServiceUnavailable}
 * @param transport blocking sockets driven by the request's thread (the default) or Jetty's asynchronous client
 */
public record SwiftTimeouts(Duration connect, Duration idle, SwiftClientConfig.Transport transport) {

    public static final Duration DEFAULT_CONNECT = TopLevelSettings.SWIFT_CONNECT_TIMEOUT.parsedDefault();
    public static final Duration DEFAULT_IDLE = TopLevelSettings.SWIFT_IDLE_TIMEOUT.parsedDefault();
    public static final SwiftClientConfig.Transport DEFAULT_TRANSPORT = TopLevelSettings.SWIFT_TRANSPORT.parsedDefault();

    static final String CONTEXT_ATTRIBUTE = SwiftTimeouts.class.getName();

    public SwiftTimeouts {
        Objects.requireNonNull(connect, "connect");
        Objects.requireNonNull(idle, "idle");
        Objects.requireNonNull(transport, "transport");
    }

    /** The two timeouts, with the default transport. */
    public SwiftTimeouts(Duration connect, Duration idle) {
        this(connect, idle, DEFAULT_TRANSPORT);
    }

    /** The declared defaults: 5 s to connect, 60 s of silence (Swift's own {@code client_timeout}), sockets. */
    public static SwiftTimeouts defaults() {
        return new SwiftTimeouts(DEFAULT_CONNECT, DEFAULT_IDLE);
    }

    /** What the installer put into {@code context}, or the defaults for a context it did not install. */
    public static SwiftTimeouts of(ServletContext context) {
        return context.getAttribute(CONTEXT_ATTRIBUTE) instanceof SwiftTimeouts timeouts ? timeouts : defaults();
    }

    void storeIn(ServletContext context) {
        context.setAttribute(CONTEXT_ATTRIBUTE, this);
    }
}
