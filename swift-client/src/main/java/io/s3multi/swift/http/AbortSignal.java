package io.s3multi.swift.http;

import java.util.Objects;
import java.util.function.Consumer;

/**
 * Lets any thread stop an exchange with Swift, typically an upload, before Swift has its last byte.
 *
 * <p>Create one per request, pass it with the request, and call {@link #abort(Throwable)} from another
 * thread (a client that went away, a deadline, a shutdown). The connection is torn down, so Swift sees the
 * body end early and stores nothing; the thread waiting on the request gets a
 * {@link io.s3multi.swift.error.SwiftUploadAbortedException} whose cause is the reason given here.
 *
 * <p>Why another thread: Jetty may run an upload inline in the thread that sends it, so that thread is
 * busy inside the send and cannot abort it. Within the uploading thread, the way to abort is to make the
 * body stream throw; see {@link RequestBody#stream}.
 *
 * <p>An abort before the request is sent fails it without any bytes leaving; an abort after the exchange
 * completed does nothing. The first reason wins.
 */
public final class AbortSignal {

    private final Object lock = new Object();
    private Throwable reason;
    private Consumer<Throwable> target;

    /** Stops the exchange this signal was given to; idempotent. */
    public void abort(Throwable reason) {
        Objects.requireNonNull(reason, "reason");
        Consumer<Throwable> toStop;
        synchronized (lock) {
            if (this.reason != null) {
                return;
            }
            this.reason = reason;
            toStop = target;
        }
        if (toStop != null) {
            toStop.accept(reason);
        }
    }

    public boolean isAborted() {
        synchronized (lock) {
            return reason != null;
        }
    }

    /** The reason given to {@link #abort(Throwable)}, or {@code null}. */
    public Throwable reason() {
        synchronized (lock) {
            return reason;
        }
    }

    /** Points the signal at the exchange in flight; fires at once if the signal was already raised. */
    void bind(Consumer<Throwable> exchangeAbort) {
        Throwable already;
        synchronized (lock) {
            target = exchangeAbort;
            already = reason;
        }
        if (already != null) {
            exchangeAbort.accept(already);
        }
    }
}
