package io.s3multi.swift.error;

import java.io.IOException;

/**
 * Something went wrong while talking to Swift.
 *
 * <p>Every failure of this module surfaces as one of a few subclasses, so callers can map each to the
 * answer their own client expects without parsing messages:
 * <ul>
 *   <li>{@link SwiftHttpStatusException}: Swift answered, but not with success;</li>
 *   <li>{@link SwiftTimeoutException}: Swift (or the network) stayed silent for longer than allowed;</li>
 *   <li>{@link SwiftConnectionException}: no usable answer at all (refused, reset, garbage);</li>
 *   <li>{@link SwiftTruncatedBodyException}: an answer began but its body ended early;</li>
 *   <li>{@link SwiftUploadAbortedException}: an upload was stopped on purpose before its last byte;</li>
 *   <li>{@link SwiftProtocolException}: Swift answered success with something this client cannot use.</li>
 * </ul>
 *
 * <p>It is an {@link IOException} because response bodies are read through {@link java.io.InputStream}s,
 * whose {@code read} may only throw {@code IOException}: a short read must be as loud as a failed request.
 * Messages name the method and path, never a token or a key.
 */
public abstract class SwiftException extends IOException {

    private static final long serialVersionUID = 1L;

    protected SwiftException(String message, Throwable cause) {
        super(message, cause);
    }
}
