package io.s3multi.filters.pipeline;

import java.util.concurrent.TimeoutException;

/**
 * A request body arrived slower than the server's minimum upload rate ({@code server.min_upload_rate}), so the
 * server stopped reading it. It reaches the stages as the cause of the {@code IOException} that reading the body
 * threw: the S3 stages answer {@code 400 RequestTimeout}, proxy_server {@code 408}, as for any client timeout.
 */
public final class ClientTooSlowException extends TimeoutException {

    private static final long serialVersionUID = 1L;

    public ClientTooSlowException(String message) {
        super(message);
    }
}
