package io.s3multi.filters.s3;

import io.s3multi.filters.metrics.GatewayMetrics;
import io.s3multi.filters.pipeline.SwiftTimeouts;
import io.s3multi.swift.SwiftBackend;
import io.s3multi.swift.SwiftClientConfig;
import io.s3multi.swift.http.SwiftExchangeListener;
import jakarta.servlet.ServletContext;
import java.net.URI;
import java.time.Clock;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;

/**
 * The {@link SwiftBackend}s of one installed pipeline: one per Swift URL, shared by every stage that talks to
 * that Swift, so that they share one connection pool and one token cache.
 *
 * <p>Kept as an attribute of the servlet context (one per deployed gateway). A stage
 * {@linkplain #acquire acquires} its backend in {@code Filter.init} and {@linkplain #release releases} it in
 * {@code destroy}; the last release closes the backend, so stopping the gateway stops every Swift client.
 *
 * <p>When the gateway collects metrics, every backend reports its requests and pool to them ({@link GatewayMetrics}).
 *
 * <p>Every backend waits for Swift as the pipeline's {@link SwiftTimeouts} say ({@code swift.connect_timeout},
 * {@code swift.idle_timeout}), read from the context the installer filled: a stalled Swift costs an S3 request
 * at most that long, then {@code 503 ServiceUnavailable}. It moves bytes as {@code swift.transport} says.
 */
public final class SharedSwiftBackends {

    static final String CONTEXT_ATTRIBUTE = SharedSwiftBackends.class.getName();

    private static final class Shared {
        final SwiftBackend backend;
        final GatewayMetrics.Watch poolWatch;
        int users;

        Shared(SwiftBackend backend, GatewayMetrics.Watch poolWatch) {
            this.backend = backend;
            this.poolWatch = poolWatch;
        }
    }

    private final Map<URI, Shared> byUrl = new HashMap<>();
    private final SwiftTimeouts timeouts;
    private final Optional<GatewayMetrics> metrics;

    private SharedSwiftBackends(SwiftTimeouts timeouts, Optional<GatewayMetrics> metrics) {
        this.timeouts = timeouts;
        this.metrics = metrics;
    }

    /** The backends of {@code context}'s pipeline. */
    public static SharedSwiftBackends in(ServletContext context) {
        synchronized (SharedSwiftBackends.class) {
            Object known = context.getAttribute(CONTEXT_ATTRIBUTE);
            if (known instanceof SharedSwiftBackends backends) {
                return backends;
            }
            var backends = new SharedSwiftBackends(SwiftTimeouts.of(context), GatewayMetrics.in(context));
            context.setAttribute(CONTEXT_ATTRIBUTE, backends);
            return backends;
        }
    }

    /** The backend for {@code swiftUrl}, started on first use; pair every call with {@link #release}. */
    public synchronized SwiftBackend acquire(URI swiftUrl) {
        Shared shared = byUrl.computeIfAbsent(swiftUrl, this::start);
        shared.users++;
        return shared.backend;
    }

    private Shared start(URI swiftUrl) {
        SwiftBackend backend = SwiftBackend.start(clientConfig(swiftUrl), Clock.systemUTC(),
                metrics.map(GatewayMetrics::swiftListener).orElse(SwiftExchangeListener.NONE));
        return new Shared(backend, metrics.map(m -> m.watchSwiftPool(swiftUrl, backend.transport()::poolUse))
                .orElse(() -> { }));
    }

    /** The client settings of a backend for {@code swiftUrl}: the defaults with the pipeline's timeouts and transport. */
    SwiftClientConfig clientConfig(URI swiftUrl) {
        return SwiftClientConfig.defaults(swiftUrl).withConnectTimeout(timeouts.connect())
                .withIdleTimeout(timeouts.idle()).withTransport(timeouts.transport());
    }

    /** Gives back one use of {@code swiftUrl}'s backend; the last one closes it. */
    public synchronized void release(URI swiftUrl) {
        Shared shared = byUrl.get(swiftUrl);
        if (shared != null && --shared.users == 0) {
            byUrl.remove(swiftUrl);
            shared.backend.close();
            shared.poolWatch.close();
        }
    }
}
