package io.s3multi.filters.s3multi;

import io.s3multi.filters.pipeline.FilterSettings;
import io.s3multi.s3.multipart.MultipartSettings;

import java.net.URI;
import java.time.Duration;

/**
 * The settings of stage {@code s3multi}, parsed once.
 *
 * @param multipart            what the multipart handlers answer by
 * @param swiftUrl             the Swift whose {@code /info} gives {@code slo.max_manifest_segments}
 * @param maxManifestSegments  segments per SLO manifest; 0: Swift's own limit from {@code /info}
 */
record S3MultiConfig(MultipartSettings multipart, URI swiftUrl, int maxManifestSegments) {

    static final String MIN_PART_SIZE = "min_part_size";
    static final String MAX_PARTS = "max_parts";
    static final String MAX_PARTS_LISTING = "max_parts_listing";
    static final String MAX_UPLOADS_LISTING = "max_uploads_listing";
    static final String HEARTBEAT_INTERVAL = "heartbeat_interval";
    static final String CLAIM_TIMEOUT = "claim_timeout";
    static final String MAX_MANIFEST_SEGMENTS = "max_manifest_segments";
    static final String SWIFT_URL = "swift_url";

    static S3MultiConfig from(FilterSettings settings) {
        Duration heartbeat = settings.seconds(HEARTBEAT_INTERVAL);
        var multipart = new MultipartSettings(
                settings.integer(MIN_PART_SIZE, 0, Integer.MAX_VALUE),
                settings.integer(MAX_PARTS, 1, 10_000),
                settings.integer(MAX_PARTS_LISTING, 1, 10_000),
                settings.integer(MAX_UPLOADS_LISTING, 1, 10_000),
                heartbeat,
                settings.seconds(CLAIM_TIMEOUT));
        int maxSegments = settings.integer(MAX_MANIFEST_SEGMENTS, 0, 100_000);
        if (maxSegments == 1) {
            throw new IllegalArgumentException(settings.key(MAX_MANIFEST_SEGMENTS)
                    + ": nesting needs at least 2 segments per manifest (0 means Swift's own limit)");
        }
        return new S3MultiConfig(multipart, settings.httpUrl(SWIFT_URL), maxSegments);
    }
}
