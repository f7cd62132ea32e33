package io.s3multi.swift.error;

/**
 * No usable answer arrived: the connection was refused or reset, closed before an answer, or the bytes
 * that came back were not HTTP. Whether Swift acted on the request is unknown.
 */
public class SwiftConnectionException extends SwiftException {

    private static final long serialVersionUID = 1L;

    public SwiftConnectionException(String message, Throwable cause) {
        super(message, cause);
    }
}
