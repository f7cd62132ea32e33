package io.s3multi.s3.auth;

import java.nio.charset.StandardCharsets;
import java.util.Objects;

/**
 * An S3 secret access key, kept out of logs and error documents.
 *
 * <p>The bytes are the UTF-8 encoding of the secret, which is what both signature versions key their HMAC with.
 * {@link #toString()} never shows them, so the secret cannot leak through a log line, an exception message or a
 * debugger's summary of a credential record.
 */
public final class SecretAccessKey {

    private final byte[] utf8;

    private SecretAccessKey(byte[] utf8) {
        this.utf8 = utf8;
    }

    public static SecretAccessKey of(String secret) {
        Objects.requireNonNull(secret, "secret");
        if (secret.isEmpty()) {
            throw new IllegalArgumentException("an empty secret access key");
        }
        return new SecretAccessKey(secret.getBytes(StandardCharsets.UTF_8));
    }

    /** A copy of the secret's UTF-8 bytes. */
    byte[] utf8() {
        return utf8.clone();
    }

    /** The SigV4 key-derivation input, {@code "AWS4" + secret}. */
    byte[] sigV4Seed() {
        byte[] seed = new byte[4 + utf8.length];
        seed[0] = 'A';
        seed[1] = 'W';
        seed[2] = 'S';
        seed[3] = '4';
        System.arraycopy(utf8, 0, seed, 4, utf8.length);
        return seed;
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof SecretAccessKey that && java.security.MessageDigest.isEqual(utf8, that.utf8);
    }

    @Override
    public int hashCode() {
        return java.util.Arrays.hashCode(utf8);
    }

    @Override
    public String toString() {
        return "SecretAccessKey[hidden]";
    }
}
