package io.s3multi.filters.proxyserver;

import java.io.InterruptedIOException;
import java.net.ConnectException;
import java.net.NoRouteToHostException;
import java.net.SocketTimeoutException;
import java.net.UnknownHostException;
import java.nio.channels.UnresolvedAddressException;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.TimeoutException;

/**
 * What the client is told when a proxied exchange fails before the response is committed: one status and a
 * short text per kind of failure, so logs and clients can tell a dead backend from a slow or busy one.
 *
 * @param status the HTTP status
 * @param reason one line for the body and the log
 */
record BackendFailure(int status, String reason) {

    /** The client stopped sending its body (Swift logs this as 499). */
    static final int CLIENT_DISCONNECT = 499;

    /**
     * Classifies {@code failure}.
     *
     * @param clientBodyFailed whether reading the client's own body is what failed; then the client, not the
     *                         backend, is the cause
     */
    static BackendFailure classify(Throwable failure, boolean clientBodyFailed) {
        boolean timeout = hasCause(failure, TimeoutException.class) || hasCause(failure, SocketTimeoutException.class)
                || hasCause(failure, InterruptedIOException.class);
        if (clientBodyFailed) {
            return timeout
                    ? new BackendFailure(408, "Request Timeout: the request body stopped arriving")
                    : new BackendFailure(CLIENT_DISCONNECT, "Client Disconnect: the request body ended early");
        }
        if (hasCause(failure, RejectedExecutionException.class)) {
            return new BackendFailure(503, "Service Unavailable: too many requests waiting for the backend");
        }
        if (timeout) {
            return new BackendFailure(504, "Gateway Timeout: the backend did not answer in time");
        }
        if (hasCause(failure, ConnectException.class) || hasCause(failure, NoRouteToHostException.class)
                || hasCause(failure, UnknownHostException.class)
                || hasCause(failure, UnresolvedAddressException.class)) {
            return new BackendFailure(502, "Bad Gateway: the backend is unreachable");
        }
        return new BackendFailure(502, "Bad Gateway: the backend failed (" + failure.getClass().getSimpleName() + ")");
    }

    private static boolean hasCause(Throwable failure, Class<? extends Throwable> type) {
        for (Throwable t = failure; t != null; t = t.getCause() == t ? null : t.getCause()) {
            if (type.isInstance(t)) {
                return true;
            }
        }
        return false;
    }
}
