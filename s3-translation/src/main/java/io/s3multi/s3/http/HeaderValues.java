package io.s3multi.s3.http;

import io.s3multi.s3.error.S3Exception;

/**
 * Checks header values that the gateway stores in Swift as headers of their own (content headers, user metadata).
 *
 * <p>HTTP/1.1 parsers refuse line breaks in header values, but not every way a request reaches the gateway is
 * HTTP/1.1 parsed by a strict server, and the Swift client refuses to send such a value (it could smuggle in
 * other headers). A value with CR or LF is therefore the client's error, answered before anything is stored.
 */
public final class HeaderValues {

    private HeaderValues() {
    }

    /**
     * Returns {@code value} when it has no line break.
     *
     * @throws S3Exception {@code InvalidArgument} naming the header otherwise
     */
    public static String requireSingleLine(String name, String value) {
        if (value != null && (value.indexOf('\r') >= 0 || value.indexOf('\n') >= 0)) {
            throw S3Exception.invalidArgument(name, value, "Header values must not contain line breaks.");
        }
        return value;
    }
}
