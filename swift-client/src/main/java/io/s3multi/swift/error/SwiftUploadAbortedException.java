package io.s3multi.swift.error;

/**
 * An upload was stopped before Swift received its last byte, so Swift stored nothing.
 *
 * <p>Two things stop an upload: the body stream threw (for example a stream that verifies a checksum and
 * refuses to hand out the final bytes of a corrupt body, or a client connection that broke), or someone
 * called {@link io.s3multi.swift.http.AbortSignal#abort(Throwable)}. The {@linkplain #getCause() cause}
 * is exactly what the stream threw or the reason given to the abort, so callers can tell a bad digest
 * from a vanished client.
 */
public class SwiftUploadAbortedException extends SwiftException {

    private static final long serialVersionUID = 1L;

    public SwiftUploadAbortedException(String message, Throwable cause) {
        super(message, cause);
    }
}
