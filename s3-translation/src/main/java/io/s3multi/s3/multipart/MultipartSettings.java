package io.s3multi.s3.multipart;

import io.s3multi.s3.request.PartNumbers;

import java.time.Duration;
import java.util.Objects;

/**
 * The settings the multipart operations answer by (stage {@code s3multi}).
 *
 * @param minPartSize        the least size of every part but the last, checked by Complete (AWS: 5 MiB)
 * @param maxPartNumber      the greatest part number accepted (AWS: 10,000)
 * @param maxPartsListing    the most parts one ListParts page returns (max-parts is capped to it)
 * @param maxUploadsListing  the most uploads one ListMultipartUploads page returns
 * @param heartbeatInterval  how often a long Complete writes a space to keep the client connection alive
 * @param claimTimeout       how long a {@link Claim} may go without being refreshed before the next Complete or
 *                           Abort takes it over (its holder is presumed dead); its holder refreshes it four times
 *                           as often, so it is stale after four missed refreshes
 */
public record MultipartSettings(long minPartSize, int maxPartNumber, int maxPartsListing, int maxUploadsListing,
        Duration heartbeatInterval, Duration claimTimeout) {

    public static final long DEFAULT_MIN_PART_SIZE = 5L * 1024 * 1024;
    public static final Duration DEFAULT_CLAIM_TIMEOUT = Duration.ofSeconds(8);

    public MultipartSettings {
        if (minPartSize < 0) {
            throw new IllegalArgumentException("min_part_size must not be negative: " + minPartSize);
        }
        if (maxPartNumber < PartNumbers.MIN || maxPartNumber > PartNumbers.MAX) {
            throw new IllegalArgumentException("max_parts must be within 1..10000: " + maxPartNumber);
        }
        if (maxPartsListing < 1 || maxUploadsListing < 1) {
            throw new IllegalArgumentException("listing limits must be positive");
        }
        Objects.requireNonNull(heartbeatInterval, "heartbeatInterval");
        if (claimTimeout.isNegative() || claimTimeout.isZero()) {
            throw new IllegalArgumentException("claim_timeout must be positive: " + claimTimeout);
        }
    }

    public static MultipartSettings defaults() {
        return new MultipartSettings(DEFAULT_MIN_PART_SIZE, PartNumbers.MAX, 1000, 1000, Duration.ofSeconds(10),
                DEFAULT_CLAIM_TIMEOUT);
    }
}
