package io.s3multi.filters.s3;

import io.s3multi.swift.SwiftBackend;
import jakarta.servlet.ServletContext;
import java.net.URI;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * One stage's use of the pipeline's shared {@link SwiftBackend} for a Swift URL ({@link SharedSwiftBackends}):
 * taken in {@code Filter.init}, given back in {@code destroy}. It remembers where it came from, so a stage keeps
 * one field instead of the servlet context and the URL, and giving it back twice counts once.
 */
public final class SwiftBackendLease {

    private final SharedSwiftBackends backends;
    private final URI swiftUrl;
    private final SwiftBackend backend;
    private final AtomicBoolean released = new AtomicBoolean();

    private SwiftBackendLease(SharedSwiftBackends backends, URI swiftUrl) {
        this.backends = backends;
        this.swiftUrl = swiftUrl;
        this.backend = backends.acquire(swiftUrl);
    }

    /** The backend for {@code swiftUrl} among {@code context}'s shared ones, started on first use. */
    public static SwiftBackendLease take(ServletContext context, URI swiftUrl) {
        return new SwiftBackendLease(SharedSwiftBackends.in(context), swiftUrl);
    }

    public SwiftBackend backend() {
        return backend;
    }

    /** Gives {@code lease} back, if the stage took one: {@code destroy} may come without a successful init. */
    public static void releaseIfTaken(SwiftBackendLease lease) {
        if (lease != null) {
            lease.release();
        }
    }

    /** Gives the backend back (the last user closes it); later calls do nothing. */
    public void release() {
        if (released.compareAndSet(false, true)) {
            backends.release(swiftUrl);
        }
    }
}
