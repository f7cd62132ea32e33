package io.s3multi.swift;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.s3multi.swift.error.SwiftProtocolException;
import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.util.OptionalLong;
import org.junit.jupiter.api.Test;

class SwiftInfoTest {

    private static SwiftInfo read(String json) throws Exception {
        return SwiftInfo.read(new ByteArrayInputStream(json.getBytes(StandardCharsets.UTF_8)), "GET /info");
    }

    @Test
    void readsLimitsAndFallsBackToSwiftDefaults() throws Exception {
        SwiftInfo info = read("""
                {"swift": {"container_listing_limit": 5000, "max_object_name_length": 2048},
                 "slo": {"max_manifest_segments": 10},
                 "bulk_delete": {"max_deletes_per_request": 250}}
                """);
        assertEquals(5000, info.containerListingLimit());
        assertEquals(2048, info.maxObjectNameLength());
        assertEquals(10, info.maxManifestSegments());
        assertEquals(250, info.maxDeletesPerRequest());
        assertEquals(8 * 1024 * 1024, info.maxManifestSize());
        assertTrue(info.has("slo"));
        assertFalse(info.has("s3api"));
        assertEquals(OptionalLong.empty(), info.number("slo", "nothing"));

        SwiftInfo bare = read("{}");
        assertEquals(10_000, bare.containerListingLimit());
        assertEquals(1000, bare.maxManifestSegments());
    }

    @Test
    void refusesNonObjects() {
        assertThrows(SwiftProtocolException.class, () -> read("[]"));
        assertThrows(SwiftProtocolException.class, () -> read("nope"));
    }
}
