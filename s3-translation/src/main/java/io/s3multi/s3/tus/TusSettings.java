package io.s3multi.s3.tus;

import java.time.Duration;
import java.util.Objects;

/**
 * What the tus stage answers by.
 *
 * @param keyPrefix  put before the key of every upload's object (the {@code filename} metadata, or the upload id)
 * @param maxSize    the largest {@code Upload-Length} accepted ({@code Tus-Max-Size})
 * @param expiration how long an unfinished upload lives after its creation ({@code Upload-Expires}); zero: forever
 * @param pieceSize  the most bytes of one PATCH stored as one segment: a longer PATCH is cut into segments of this
 *                   size, so a broken connection loses at most one
 * @param maxParts   the most segments one upload may have (an SLO's parts, 10,000 as S3's)
 */
public record TusSettings(String keyPrefix, long maxSize, Duration expiration, long pieceSize, int maxParts) {

    public TusSettings {
        Objects.requireNonNull(keyPrefix, "keyPrefix");
        Objects.requireNonNull(expiration, "expiration");
        if (maxSize < 0 || pieceSize <= 0 || maxParts <= 0) {
            throw new IllegalArgumentException("tus sizes must be positive");
        }
    }
}
