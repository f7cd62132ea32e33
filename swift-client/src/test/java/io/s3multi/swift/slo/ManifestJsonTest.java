package io.s3multi.swift.slo;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.s3multi.swift.ObjectPath;
import io.s3multi.swift.error.SwiftProtocolException;
import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

class ManifestJsonTest {

    @Test
    void writesPathsUnencodedAndLeavesOutUnsetChecks() {
        byte[] body = ManifestJson.toPutBody(List.of(
                SloSegment.of(new ObjectPath("b_segments", "k ü?/001"), "0cc175b9c0f1b6a831c399e269772661", 5),
                new SloSegment(new ObjectPath("b_segments", "k/002"), null, null, "0-9")));

        assertEquals("[{\"path\":\"/b_segments/k ü?/001\",\"etag\":\"0cc175b9c0f1b6a831c399e269772661\","
                        + "\"size_bytes\":5},{\"path\":\"/b_segments/k/002\",\"range\":\"0-9\"}]",
                new String(body, StandardCharsets.UTF_8));
    }

    @Test
    void readsTheStoredManifest() throws Exception {
        String json = """
                [{"name": "/b_segments/k ü/001", "hash": "0cc175b9c0f1b6a831c399e269772661", "bytes": 5,
                  "content_type": "application/octet-stream", "last_modified": "2024-05-01T12:00:00.000000"},
                 {"name": "/b_segments/nested", "hash": "\\"abc\\"", "bytes": 20, "range": "0-19", "sub_slo": true}]
                """;
        List<ManifestEntry> entries = ManifestJson.readManifest(
                new ByteArrayInputStream(json.getBytes(StandardCharsets.UTF_8)), "GET /b/k");

        assertEquals(new ManifestEntry(new ObjectPath("b_segments", "k ü/001"), "0cc175b9c0f1b6a831c399e269772661",
                5, "application/octet-stream", Instant.parse("2024-05-01T12:00:00Z"), null, false), entries.get(0));
        ManifestEntry nested = entries.get(1);
        assertTrue(nested.subSlo());
        assertEquals("0-19", nested.range());
        assertNull(nested.contentType());
        assertFalse(entries.get(0).subSlo());
    }

    @Test
    void refusesWhatIsNotAManifest() {
        assertThrows(SwiftProtocolException.class, () -> ManifestJson.readManifest(
                new ByteArrayInputStream("hello".getBytes(StandardCharsets.UTF_8)), "GET /b/k"));
        assertThrows(SwiftProtocolException.class, () -> ManifestJson.readManifest(
                new ByteArrayInputStream("[{\"hash\": \"x\"}]".getBytes(StandardCharsets.UTF_8)), "GET /b/k"));
    }
}
