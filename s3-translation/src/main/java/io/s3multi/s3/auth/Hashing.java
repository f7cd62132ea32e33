package io.s3multi.s3.auth;

import java.nio.charset.StandardCharsets;
import java.security.InvalidKeyException;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.Map;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/** The hash and HMAC primitives both signature versions are made of. */
final class Hashing {

    /** Hex SHA-256 of nothing, which S3 uses wherever an empty payload is hashed. */
    static final String EMPTY_SHA256 = "e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855";

    private static final ThreadLocal<MessageDigest> SHA256 = ThreadLocal.withInitial(Hashing::newSha256);
    private static final ThreadLocal<Map<String, Mac>> MACS = ThreadLocal.withInitial(HashMap::new);

    private Hashing() {
    }

    /**
     * One-shot: the thread's kept digest itself, not a clone ({@code digest} leaves it reset, and nothing else on the
     * thread can be between its update and its digest here). Every SigV4 request hashes its canonical request here.
     */
    static String sha256Hex(String text) {
        return HexFormat.of().formatHex(SHA256.get().digest(text.getBytes(StandardCharsets.UTF_8)));
    }

    /**
     * A fresh SHA-256. Cloned from one kept per thread: {@code getInstance} searches the security providers (and,
     * for a {@link Mac}, checks the provider's signature) every time, a measurable share of a small request.
     */
    static MessageDigest sha256() {
        try {
            return (MessageDigest) SHA256.get().clone();
        } catch (CloneNotSupportedException unexpected) {
            return newSha256();
        }
    }

    private static MessageDigest newSha256() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException impossible) {
            throw new IllegalStateException("SHA-256 is missing from this JVM", impossible);
        }
    }

    static byte[] hmac(String algorithm, byte[] key, String message) {
        try {
            Mac mac = mac(algorithm);
            mac.init(new SecretKeySpec(key, algorithm));
            return mac.doFinal(message.getBytes(StandardCharsets.UTF_8));
        } catch (NoSuchAlgorithmException | InvalidKeyException impossible) {
            // HmacSHA1 and HmacSHA256 are required of every Java platform; an HMAC accepts any key length.
            throw new IllegalStateException(algorithm + " is unavailable", impossible);
        }
    }

    /** The thread's own {@link Mac} for {@code algorithm}; {@code init} resets it for each use. */
    private static Mac mac(String algorithm) throws NoSuchAlgorithmException {
        Map<String, Mac> macs = MACS.get();
        Mac mac = macs.get(algorithm);
        if (mac == null) {
            mac = Mac.getInstance(algorithm);
            macs.put(algorithm, mac);
        }
        return mac;
    }

    /** Compares two ASCII signatures in time independent of where they differ. */
    static boolean constantTimeEquals(String expected, String provided) {
        return MessageDigest.isEqual(expected.getBytes(StandardCharsets.UTF_8),
                provided.getBytes(StandardCharsets.UTF_8));
    }
}
