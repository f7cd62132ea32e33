package io.s3multi.filters.s3multi;

import io.s3multi.filters.pipeline.DeclaredSettings;
import io.s3multi.filters.pipeline.FilterSettings;
import io.s3multi.filters.pipeline.Setting;
import io.s3multi.s3.multipart.MultipartSettings;
import io.s3multi.s3.processing.ProcessingSettings;
import java.util.stream.Stream;

import java.net.URI;
import java.time.Duration;

/**
 * The settings of stage {@code s3multi}, declared once and parsed once.
 *
 * @param multipart            what the multipart handlers answer by
 * @param swiftUrl             the Swift whose {@code /info} gives {@code slo.max_manifest_segments}
 * @param maxManifestSegments  segments per SLO manifest; 0: Swift's own limit from {@code /info}
 * @param processing           the steps an upload passes before it is published ({@link ProcessingConfig})
 */
record S3MultiConfig(MultipartSettings multipart, URI swiftUrl, int maxManifestSegments,
        ProcessingSettings processing) {

    static final Setting<Integer> MIN_PART_SIZE = Setting.integer("min_part_size",
            String.valueOf(MultipartSettings.DEFAULT_MIN_PART_SIZE), 0, Integer.MAX_VALUE,
            "The least size in bytes of every part but the last, checked by CompleteMultipartUpload (AWS: 5 MiB).");
    static final Setting<Integer> MAX_PARTS = Setting.integer("max_parts", "10000", 1, 10_000,
            "The greatest part number UploadPart accepts (1..10000).");
    static final Setting<Integer> MAX_PARTS_LISTING = Setting.integer("max_parts_listing", "1000", 1, 10_000,
            "Most parts one ListParts page returns (max-parts is capped to it).");
    static final Setting<Integer> MAX_UPLOADS_LISTING = Setting.integer("max_uploads_listing", "1000", 1, 10_000,
            "Most uploads one ListMultipartUploads page returns (max-uploads is capped to it).");
    static final Setting<Duration> HEARTBEAT_INTERVAL = Setting.seconds("heartbeat_interval", "10", "Seconds"
            + " between the spaces a long CompleteMultipartUpload writes to keep the client's connection alive.");
    static final Setting<Duration> CLAIM_TIMEOUT = Setting.seconds("claim_timeout",
            String.valueOf(MultipartSettings.DEFAULT_CLAIM_TIMEOUT.toSeconds()), "Seconds after which the claim a"
            + " Complete or Abort holds on an upload is taken over by the next Complete or Abort when its holder"
            + " stopped refreshing it (a gateway that died mid-Complete); holders refresh every quarter of it."
            + " The same timeout holds for the tus stage's PATCH and completion, the background worker's lifecycle"
            + " and sweeper jobs and the admin tool. Gateways sharing a Swift must use the same value and agree on"
            + " the time.");
    static final Setting<Integer> MAX_MANIFEST_SEGMENTS = Setting.integer("max_manifest_segments", "0", 0, 100_000,
            "Segments per SLO manifest; more parts are nested in sub-manifests. 0: the Swift's own"
            + " slo.max_manifest_segments (read from its /info at startup).");
    static final Setting<URI> SWIFT_URL = Setting.swiftUrl("The Swift proxy whose /info is read.");

    static final DeclaredSettings SETTINGS = DeclaredSettings.stage("s3multi", "The S3 multipart upload API;"
            + " uploads live in <bucket>_segments and become Static Large Objects.", Stream.concat(Stream.of(
                    MIN_PART_SIZE, MAX_PARTS, MAX_PARTS_LISTING, MAX_UPLOADS_LISTING, HEARTBEAT_INTERVAL,
                    CLAIM_TIMEOUT, MAX_MANIFEST_SEGMENTS, SWIFT_URL), ProcessingConfig.ALL.stream())
            .toArray(Setting<?>[]::new));

    static S3MultiConfig from(FilterSettings settings) {
        var multipart = new MultipartSettings(MIN_PART_SIZE.read(settings), MAX_PARTS.read(settings),
                MAX_PARTS_LISTING.read(settings), MAX_UPLOADS_LISTING.read(settings),
                HEARTBEAT_INTERVAL.read(settings), CLAIM_TIMEOUT.read(settings));
        int maxSegments = MAX_MANIFEST_SEGMENTS.read(settings);
        if (maxSegments == 1) {
            throw new IllegalArgumentException(settings.key(MAX_MANIFEST_SEGMENTS.name())
                    + ": nesting needs at least 2 segments per manifest (0 means Swift's own limit)");
        }
        return new S3MultiConfig(multipart, settings.swiftUrl(SWIFT_URL), maxSegments,
                ProcessingConfig.from(settings));
    }
}
