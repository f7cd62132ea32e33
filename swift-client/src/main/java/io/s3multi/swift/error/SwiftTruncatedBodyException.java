package io.s3multi.swift.error;

/**
 * An answer began (status and headers arrived) but its body ended before it was complete: the connection
 * closed or broke before the declared {@code Content-Length}, or a chunked body broke off.
 *
 * <p>Thrown from the body stream's {@code read}, never swallowed into an early end of stream: a caller
 * that relays the body must not present a short object as a whole one.
 */
public class SwiftTruncatedBodyException extends SwiftException {

    private static final long serialVersionUID = 1L;

    private final long bytesReceived;
    private final long bytesExpected;

    public SwiftTruncatedBodyException(String message, long bytesReceived, long bytesExpected, Throwable cause) {
        super(message, cause);
        this.bytesReceived = bytesReceived;
        this.bytesExpected = bytesExpected;
    }

    /** How many body bytes arrived before the body broke off. */
    public long bytesReceived() {
        return bytesReceived;
    }

    /** The declared {@code Content-Length}, or -1 when the body was chunked. */
    public long bytesExpected() {
        return bytesExpected;
    }
}
