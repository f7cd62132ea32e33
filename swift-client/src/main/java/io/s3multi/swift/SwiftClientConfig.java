package io.s3multi.swift;

import java.net.URI;
import java.time.Duration;
import java.util.Objects;

/**
 * How to reach one Swift backend, fixed for the life of a {@link SwiftBackend}.
 *
 * <p>Timeouts are the only bound on how long a thread waits, so neither may be zero:
 * <ul>
 *   <li>{@code connectTimeout}: how long to wait for a TCP connection;</li>
 *   <li>{@code idleTimeout}: how long a connection may stay silent in either direction, while sending,
 *       while waiting for the answer and while reading it. There is deliberately no total timeout: a 5 GiB
 *       upload or download may take as long as it keeps moving. Swift sends nothing while it performs a
 *       server-side copy or validates an SLO manifest (without heartbeat), so this must exceed the longest
 *       of those; the default (60 s) matches Swift's own {@code client_timeout};</li>
 * </ul>
 * {@code maxConnections} and {@code maxQueuedRequests} bound the pool towards this backend: beyond both,
 * a request fails at once instead of queueing forever. {@code tokenRefreshMargin}: a cached token this
 * close to its expiry is renewed before use, so that a long streamed upload does not start with a token
 * that dies on the way (a streamed body cannot always be re-sent after a 401). {@code expectContinue}:
 * streamed uploads send {@code Expect: 100-continue}, so that a refusal (401, 413, 507, ...) arrives before
 * any body byte is read and a 401 can be retried with a fresh token. {@code uploadBufferSize}: bytes read
 * from an upload stream per chunk. {@code transport}: how the bytes move, see {@link Transport}.
 *
 * @param endpoint           the proxy's base URL, such as {@code http://127.0.0.1:8081} (auth and /info
 *                           live here; object requests go to the storage URL that auth returns)
 * @param connectTimeout     TCP connect timeout, positive
 * @param idleTimeout        silence allowed on a connection, positive
 * @param maxConnections     connections to one host:port at most
 * @param maxQueuedRequests  requests waiting for a connection at most
 * @param tokenRefreshMargin renew tokens that expire within this margin
 * @param expectContinue     send {@code Expect: 100-continue} on uploads with a body
 * @param uploadBufferSize   read size for upload streams, in bytes
 * @param transport          blocking sockets driven by the requesting thread, or Jetty's asynchronous client
 */
public record SwiftClientConfig(URI endpoint, Duration connectTimeout, Duration idleTimeout, int maxConnections,
                                int maxQueuedRequests, Duration tokenRefreshMargin, boolean expectContinue,
                                int uploadBufferSize, Transport transport) {

    /** How requests and answers move over the wire. */
    public enum Transport {
        /**
         * Blocking sockets read and written by the thread that sends the request, pooled per host:port: no
         * selector, no hand-over between threads (docs/BENCHMARKS.md, "A Swift transport on blocking sockets").
         */
        SOCKETS,
        /** Jetty's asynchronous HTTP client, with its own selector and thread pool. */
        JETTY
    }

    public SwiftClientConfig {
        Objects.requireNonNull(endpoint, "endpoint");
        if (!"http".equals(endpoint.getScheme()) && !"https".equals(endpoint.getScheme())) {
            throw new IllegalArgumentException("endpoint must be an http(s) URL: " + endpoint);
        }
        if (endpoint.getHost() == null) {
            throw new IllegalArgumentException("endpoint has no host: " + endpoint);
        }
        String text = endpoint.toString();
        endpoint = text.endsWith("/") ? URI.create(text.substring(0, text.length() - 1)) : endpoint;
        requirePositive(connectTimeout, "connectTimeout");
        requirePositive(idleTimeout, "idleTimeout");
        Objects.requireNonNull(tokenRefreshMargin, "tokenRefreshMargin");
        if (tokenRefreshMargin.isNegative()) {
            throw new IllegalArgumentException("tokenRefreshMargin must not be negative");
        }
        if (maxConnections < 1 || maxQueuedRequests < 1) {
            throw new IllegalArgumentException("maxConnections and maxQueuedRequests must be at least 1");
        }
        Objects.requireNonNull(transport, "transport");
        if (uploadBufferSize < 512) {
            throw new IllegalArgumentException("uploadBufferSize must be at least 512 bytes");
        }
    }

    /** The default TCP connect timeout (the gateway's {@code swift.connect_timeout} defaults to it). */
    public static final Duration DEFAULT_CONNECT_TIMEOUT = Duration.ofSeconds(5);
    /** The default idle timeout, Swift's own {@code client_timeout} (the gateway's {@code swift.idle_timeout}). */
    public static final Duration DEFAULT_IDLE_TIMEOUT = Duration.ofSeconds(60);

    /**
     * Defaults: connect 5 s, idle 60 s, 64 connections, 1024 queued, refresh 5 min early, expect-continue, 256 KiB
     * per upload write (fewer passes through Jetty's sender per byte than 64 KiB; docs/BENCHMARKS.md, "Large
     * objects"; a body smaller than that gets a buffer of its own size), blocking sockets.
     */
    public static SwiftClientConfig defaults(URI endpoint) {
        return new SwiftClientConfig(endpoint, DEFAULT_CONNECT_TIMEOUT, DEFAULT_IDLE_TIMEOUT, 64, 1024,
                Duration.ofMinutes(5), true, 256 * 1024, Transport.SOCKETS);
    }

    public SwiftClientConfig withConnectTimeout(Duration value) {
        return new SwiftClientConfig(endpoint, value, idleTimeout, maxConnections, maxQueuedRequests,
                tokenRefreshMargin, expectContinue, uploadBufferSize, transport);
    }

    public SwiftClientConfig withIdleTimeout(Duration value) {
        return new SwiftClientConfig(endpoint, connectTimeout, value, maxConnections, maxQueuedRequests,
                tokenRefreshMargin, expectContinue, uploadBufferSize, transport);
    }

    public SwiftClientConfig withPool(int connections, int queuedRequests) {
        return new SwiftClientConfig(endpoint, connectTimeout, idleTimeout, connections, queuedRequests,
                tokenRefreshMargin, expectContinue, uploadBufferSize, transport);
    }

    public SwiftClientConfig withTokenRefreshMargin(Duration value) {
        return new SwiftClientConfig(endpoint, connectTimeout, idleTimeout, maxConnections, maxQueuedRequests,
                value, expectContinue, uploadBufferSize, transport);
    }

    public SwiftClientConfig withExpectContinue(boolean value) {
        return new SwiftClientConfig(endpoint, connectTimeout, idleTimeout, maxConnections, maxQueuedRequests,
                tokenRefreshMargin, value, uploadBufferSize, transport);
    }

    public SwiftClientConfig withUploadBufferSize(int value) {
        return new SwiftClientConfig(endpoint, connectTimeout, idleTimeout, maxConnections, maxQueuedRequests,
                tokenRefreshMargin, expectContinue, value, transport);
    }

    public SwiftClientConfig withTransport(Transport value) {
        return new SwiftClientConfig(endpoint, connectTimeout, idleTimeout, maxConnections, maxQueuedRequests,
                tokenRefreshMargin, expectContinue, uploadBufferSize, value);
    }

    private static void requirePositive(Duration value, String name) {
        Objects.requireNonNull(value, name);
        if (value.isZero() || value.isNegative()) {
            throw new IllegalArgumentException(name + " must be positive");
        }
    }
}
