package io.s3multi.s3.tus;

/**
 * A tus request refused: the HTTP status and a short text for the client. tus answers errors as plain text, never
 * as S3 XML.
 */
public final class TusException extends RuntimeException {

    private final int status;

    public TusException(int status, String message) {
        super(message, null, false, false);
        this.status = status;
    }

    public int status() {
        return status;
    }
}
