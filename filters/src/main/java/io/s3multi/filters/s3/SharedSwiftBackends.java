package io.s3multi.filters.s3;

import io.s3multi.filters.pipeline.SwiftTimeouts;
import io.s3multi.swift.SwiftBackend;
import io.s3multi.swift.SwiftClientConfig;
import jakarta.servlet.ServletContext;
import java.net.URI;
import java.util.HashMap;
import java.util.Map;

/**
 * The {@link SwiftBackend}s of one installed pipeline: one per Swift URL, shared by every stage that talks to
 * that Swift, so that they share one connection pool and one token cache.
 *
 * <p>Kept as an attribute of the servlet context (one per deployed gateway). A stage
 * {@linkplain #acquire acquires} its backend in {@code Filter.init} and {@linkplain #release releases} it in
 * {@code destroy}; the last release closes the backend, so stopping the gateway stops every Swift client.
 *
 * <p>Every backend waits for Swift as the pipeline's {@link SwiftTimeouts} say ({@code swift.connect_timeout},
 * {@code swift.idle_timeout}), read from the context the installer filled: a stalled Swift costs an S3 request
 * at most that long, then {@code 503 ServiceUnavailable}.
 */
public final class SharedSwiftBackends {

    static final String CONTEXT_ATTRIBUTE = SharedSwiftBackends.class.getName();

    private static final class Shared {
        final SwiftBackend backend;
        int users;

        Shared(SwiftBackend backend) {
            this.backend = backend;
        }
    }

    private final Map<URI, Shared> byUrl = new HashMap<>();
    private final SwiftTimeouts timeouts;

    private SharedSwiftBackends(SwiftTimeouts timeouts) {
        this.timeouts = timeouts;
    }

    /** The backends of {@code context}'s pipeline. */
    public static SharedSwiftBackends in(ServletContext context) {
        synchronized (SharedSwiftBackends.class) {
            Object known = context.getAttribute(CONTEXT_ATTRIBUTE);
            if (known instanceof SharedSwiftBackends backends) {
                return backends;
            }
            var backends = new SharedSwiftBackends(SwiftTimeouts.of(context));
            context.setAttribute(CONTEXT_ATTRIBUTE, backends);
            return backends;
        }
    }

    /** The backend for {@code swiftUrl}, started on first use; pair every call with {@link #release}. */
    public synchronized SwiftBackend acquire(URI swiftUrl) {
        Shared shared = byUrl.computeIfAbsent(swiftUrl,
                url -> new Shared(SwiftBackend.start(clientConfig(url))));
        shared.users++;
        return shared.backend;
    }

    /** The client settings of a backend for {@code swiftUrl}: the defaults with the pipeline's timeouts. */
    SwiftClientConfig clientConfig(URI swiftUrl) {
        return SwiftClientConfig.defaults(swiftUrl).withConnectTimeout(timeouts.connect())
                .withIdleTimeout(timeouts.idle());
    }

    /** Gives back one use of {@code swiftUrl}'s backend; the last one closes it. */
    public synchronized void release(URI swiftUrl) {
        Shared shared = byUrl.get(swiftUrl);
        if (shared != null && --shared.users == 0) {
            byUrl.remove(swiftUrl);
            shared.backend.close();
        }
    }
}
