package io.s3multi.filters.s3multi;

import io.s3multi.filters.pipeline.FilterSettings;
import io.s3multi.filters.pipeline.Placement;
import io.s3multi.s3.multipart.MultipartSettings;
import org.junit.jupiter.api.Test;

import java.net.URI;
import java.time.Duration;
import java.util.Map;
import java.util.Set;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

class S3MultiConfigTest {

    private static S3MultiConfig parse(Map<String, String> configured) {
        return S3MultiConfig.from(new FilterSettings("s3multi", new S3MultiFilterFactory().defaults(), configured));
    }

    @Test
    void defaultsAreAwsLimitsAndSwiftsOwnManifestLimit() {
        S3MultiConfig config = parse(Map.of());
        assertEquals(MultipartSettings.DEFAULT_MIN_PART_SIZE, config.multipart().minPartSize());
        assertEquals(10_000, config.multipart().maxPartNumber());
        assertEquals(1000, config.multipart().maxPartsListing());
        assertEquals(1000, config.multipart().maxUploadsListing());
        assertEquals(Duration.ofSeconds(10), config.multipart().heartbeatInterval());
        assertEquals(Duration.ofSeconds(8), config.multipart().claimTimeout());
        assertEquals(0, config.maxManifestSegments());
        assertEquals(URI.create("http://127.0.0.1:8081"), config.swiftUrl());
    }

    @Test
    void settingsAreReadAndCheckedAtStartup() {
        S3MultiConfig config = parse(Map.of("min_part_size", "0", "max_parts", "50", "heartbeat_interval", "0.5",
                "max_manifest_segments", "10", "claim_timeout", "1.5"));
        assertEquals(0, config.multipart().minPartSize());
        assertEquals(50, config.multipart().maxPartNumber());
        assertEquals(Duration.ofMillis(500), config.multipart().heartbeatInterval());
        assertEquals(Duration.ofMillis(1500), config.multipart().claimTimeout());
        assertEquals(10, config.maxManifestSegments());
        assertThrows(IllegalArgumentException.class, () -> parse(Map.of("max_parts", "10001")));
        assertThrows(IllegalArgumentException.class, () -> parse(Map.of("min_part_size", "-1")));
        assertThrows(IllegalArgumentException.class, () -> parse(Map.of("max_manifest_segments", "1")));
        assertThrows(IllegalArgumentException.class, () -> parse(Map.of("claim_timeout", "0")));
    }

    @Test
    void sitsAfterTheAuthStagesAndBeforeS3api() {
        Placement placement = new S3MultiFilterFactory().placement();
        assertEquals(Set.of("tempauth", "s3token"), placement.mustFollow());
        assertEquals(Set.of("s3api"), placement.mustPrecede());
    }
}
