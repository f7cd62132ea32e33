package io.s3multi.filters.s3token;

/**
 * Keystone answered, and the answer is no: the HTTP status says why (401 bad signature, disabled user or bad
 * service token; 403 the service user lacks a role; 404 unknown access key or credential).
 */
public final class KeystoneRefusalException extends Exception {

    private final int status;

    public KeystoneRefusalException(int status, String message) {
        super(message);
        this.status = status;
    }

    public int status() {
        return status;
    }
}
