package io.s3multi.swift.http;

/**
 * One request's hold on a pooled {@link SocketConnection}: given back once the answer's body has ended
 * ({@link #release}), or closed when the exchange broke off ({@link #discard}). Exactly one of the two happens,
 * whichever comes first, whether from the request's thread or, through its {@link AbortSignal}, from another.
 */
final class ConnectionLease {

    private final HostPool pool;
    private SocketConnection connection;
    private final SocketConnection held;
    private boolean reusable = true;

    ConnectionLease(HostPool pool, SocketConnection connection) {
        this.pool = pool;
        this.connection = connection;
        this.held = connection;
    }

    /** The connection, also after it was given back (a body reads from it until its end). */
    SocketConnection connection() {
        return held;
    }

    /** The answer's framing or an unanswered upload leaves it unfit for another request. */
    synchronized void notReusable() {
        reusable = false;
    }

    /** Gives the connection back to the pool, or closes it when it cannot carry another request. */
    void release() {
        SocketConnection given;
        boolean keep;
        synchronized (this) {
            given = connection;
            connection = null;
            keep = reusable;
        }
        if (given != null) {
            pool.giveBack(given, keep);
        }
    }

    /** Closes the connection (waking a thread blocked on it) unless it was already given back. */
    void discard() {
        SocketConnection closing;
        synchronized (this) {
            closing = connection;
            connection = null;
        }
        if (closing != null) {
            pool.giveBack(closing, false);
        }
    }

    /** For an {@link AbortSignal}: the same as {@link #discard}, whatever the reason. */
    void abort(Throwable reason) {
        discard();
    }
}
