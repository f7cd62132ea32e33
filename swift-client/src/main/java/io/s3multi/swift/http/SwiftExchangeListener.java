package io.s3multi.swift.http;

/**
 * Hears of every request one {@link SwiftTransport} sent, when its answer's status arrived or the request failed
 * before one did: how the gateway measures its Swift traffic without this module knowing any metrics library.
 *
 * <p>It is called on the thread that sent the request, on every request, so it must be quick and must not throw.
 * The time is from sending to the answer's status and headers (the body may still be streaming), which is what
 * Swift's own latency is; a long download is not counted as a slow request.
 */
@FunctionalInterface
public interface SwiftExchangeListener {

    /** A listener that ignores everything. */
    SwiftExchangeListener NONE = (method, status, nanos) -> { };

    /** The status of a request that got no answer (connection refused or broken, timeout, aborted upload). */
    int NO_ANSWER = 0;

    /**
     * @param method the request's HTTP method
     * @param status the answer's status, or {@link #NO_ANSWER}
     * @param nanos  nanoseconds from sending to the answer's head (or to the failure)
     */
    void exchanged(String method, int status, long nanos);
}
