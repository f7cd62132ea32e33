package io.s3multi.s3.contract;

import java.security.SecureRandom;
import java.time.Instant;
import java.util.Objects;
import java.util.Random;

/**
 * The name of one attempt to upload a part: 14 characters of base32hex ({@code 0-9a-v}), the first 10 the time the
 * gateway began the attempt in milliseconds, the last 4 twenty random bits, so two attempts begun in the same
 * millisecond (an SDK retrying at once, two gateways) still get names of their own.
 *
 * <p>Why time-ordered: the attempts of one part list in the order they began (the alphabet keeps its order
 * character by character, as in {@link UploadId}), so "the latest attempt", which ListParts shows as AWS shows the
 * last upload of a part, is the last one listed, read from the listing alone. The times are the gateways' clocks:
 * between gateways whose clocks disagree, "latest" follows the clocks. Nothing relies on it for safety: Complete
 * chooses the attempt whose ETag the client names.
 *
 * @param value the attempt as it ends the segment name
 */
public record PartAttempt(String value) {

    public static final int LENGTH = 14;
    private static final int TIME_CHARS = 10;
    private static final Random RANDOM = new SecureRandom();

    public PartAttempt {
        Objects.requireNonNull(value, "value");
        if (!isWellFormed(value)) {
            throw new IllegalArgumentException("not a part attempt: " + value);
        }
    }

    /** A new attempt begun at {@code now}. */
    public static PartAttempt begunAt(Instant now) {
        StringBuilder name = new StringBuilder(LENGTH);
        UploadId.appendBase32(name, now.toEpochMilli(), TIME_CHARS);
        UploadId.appendBase32(name, RANDOM.nextInt(1 << 20), LENGTH - TIME_CHARS);
        return new PartAttempt(name.toString());
    }

    /** Whether {@code raw} has the shape of an attempt name. */
    public static boolean isWellFormed(String raw) {
        return UploadId.isBase32Hex(raw, LENGTH);
    }

    @Override
    public String toString() {
        return value;
    }
}
