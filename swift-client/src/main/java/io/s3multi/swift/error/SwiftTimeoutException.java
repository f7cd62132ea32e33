package io.s3multi.swift.error;

/**
 * Swift did not accept a connection within the connect timeout, or a connection stayed silent for longer
 * than the idle timeout: while sending, while waiting for the answer, or while reading its body.
 *
 * <p>The request was aborted and its connection closed, so no thread keeps waiting on it. Whether Swift
 * acted on the request is unknown.
 */
public class SwiftTimeoutException extends SwiftException {

    private static final long serialVersionUID = 1L;

    public SwiftTimeoutException(String message, Throwable cause) {
        super(message, cause);
    }
}
