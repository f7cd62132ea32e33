package io.s3multi.s3.contract;

import io.s3multi.s3.error.S3Exception;
import java.security.SecureRandom;
import java.time.Instant;
import java.util.Objects;
import java.util.Random;

/**
 * A multipart upload id: 26 characters of lower-case base32hex ({@code 0-9a-v}), the first 10 the initiation
 * time in milliseconds, the last 16 eighty random bits.
 *
 * <p>Why this shape: base32hex keeps its order when compared character by character (digits sort before
 * letters in ASCII and UTF-8), so ids of one key list in initiation order in a Swift listing; the time part
 * is fixed-width, so a later id is always a greater string; 80 random bits make ids unguessable; the
 * alphabet is URL-safe and never needs escaping in a query string or a Swift object name.
 *
 * @param value the id as clients see it
 */
public record UploadId(String value) implements Comparable<UploadId> {

    public static final int LENGTH = 26;
    private static final int TIME_CHARS = 10;
    private static final int RANDOM_CHARS = 16;
    private static final String ALPHABET = "0123456789abcdefghijklmnopqrstuv";
    private static final Random RANDOM = new SecureRandom();

    public UploadId {
        Objects.requireNonNull(value, "value");
        if (!isWellFormed(value)) {
            throw new IllegalArgumentException("not an upload id: " + value);
        }
    }

    /** A new id for an upload initiated at {@code now}. */
    public static UploadId newId(Instant now) {
        return newId(now, RANDOM);
    }

    /** A new id from the given randomness (tests pass a seeded one). */
    public static UploadId newId(Instant now, Random random) {
        StringBuilder id = new StringBuilder(LENGTH);
        appendBase32(id, now.toEpochMilli(), TIME_CHARS);
        long high = random.nextLong() >>> 24;           // 40 bits
        long low = random.nextLong() >>> 24;            // 40 bits
        appendBase32(id, high, RANDOM_CHARS / 2);
        appendBase32(id, low, RANDOM_CHARS / 2);
        return new UploadId(id.toString());
    }

    /**
     * The id a client sent, when it is one this gateway could have made.
     *
     * @throws S3Exception {@code NoSuchUpload}, as AWS answers for any id it does not know
     */
    public static UploadId parse(String raw) {
        if (raw == null || !isWellFormed(raw)) {
            throw S3Exception.noSuchUpload(raw == null ? "" : raw);
        }
        return new UploadId(raw);
    }

    /** Whether {@code raw} has the shape of an upload id. */
    public static boolean isWellFormed(String raw) {
        return isBase32Hex(raw, LENGTH);
    }

    /** Whether {@code raw} is {@code length} characters of lower-case base32hex. */
    static boolean isBase32Hex(String raw, int length) {
        if (raw.length() != length) {
            return false;
        }
        for (int i = 0; i < raw.length(); i++) {
            if (ALPHABET.indexOf(raw.charAt(i)) < 0) {
                return false;
            }
        }
        return true;
    }

    /** When the upload was initiated, to the millisecond. */
    public Instant initiated() {
        long millis = 0;
        for (int i = 0; i < TIME_CHARS; i++) {
            millis = (millis << 5) | ALPHABET.indexOf(value.charAt(i));
        }
        return Instant.ofEpochMilli(millis);
    }

    @Override
    public int compareTo(UploadId other) {
        return value.compareTo(other.value);
    }

    @Override
    public String toString() {
        return value;
    }

    static void appendBase32(StringBuilder out, long bits, int chars) {
        for (int shift = (chars - 1) * 5; shift >= 0; shift -= 5) {
            out.append(ALPHABET.charAt((int) ((bits >>> shift) & 31)));
        }
    }
}
