package io.s3multi.filters.s3token;

/**
 * Keystone could not be asked: refused connection, timeout, a 5xx, a broken answer. The S3 request that needed
 * it is answered {@code 503 ServiceUnavailable}; identities already cached keep working without Keystone.
 */
public final class KeystoneUnavailableException extends Exception {

    public KeystoneUnavailableException(String message, Throwable cause) {
        super(message, cause);
    }

    public KeystoneUnavailableException(String message) {
        super(message);
    }
}
