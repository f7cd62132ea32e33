package io.s3multi.swift.container;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.s3multi.swift.error.SwiftProtocolException;
import java.io.ByteArrayInputStream;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

class ListingJsonTest {

    private static InputStream json(String text) {
        return new ByteArrayInputStream(text.getBytes(StandardCharsets.UTF_8));
    }

    @Test
    void readsObjectsSubdirsAndSloEntries() throws Exception {
        List<ObjectEntry> entries = ListingJson.readObjects(json("""
                [{"name": "a/ü b?.txt", "bytes": 12, "hash": "5eb63bbbe01eeed093cb22bb8f5acdc3",
                  "last_modified": "2024-05-01T12:00:00.123456", "content_type": "text/plain"},
                 {"subdir": "dir/"},
                 {"name": "big", "bytes": 10485760, "hash": "d41d8cd98f00b204e9800998ecf8427e",
                  "last_modified": "2024-05-02T00:00:01.000000",
                  "content_type": "application/x-test;s3etag=\\"abc-2\\"",
                  "slo_etag": "\\"0123456789abcdef0123456789abcdef\\"", "symlink_path": "ignored"}]
                """), "GET /c");

        assertEquals(3, entries.size());
        ObjectEntry plain = entries.get(0);
        assertEquals("a/ü b?.txt", plain.name());
        assertEquals(12, plain.bytes());
        assertEquals("5eb63bbbe01eeed093cb22bb8f5acdc3", plain.hash());
        assertEquals(Instant.parse("2024-05-01T12:00:00.123456Z"), plain.lastModified());
        assertEquals("text/plain", plain.contentType());
        assertFalse(plain.isSubdir());
        assertFalse(plain.isStaticLargeObject());

        ObjectEntry dir = entries.get(1);
        assertTrue(dir.isSubdir());
        assertEquals("dir/", dir.name());
        assertEquals("dir/", dir.subdir());
        assertNull(dir.lastModified());

        ObjectEntry slo = entries.get(2);
        assertTrue(slo.isStaticLargeObject());
        assertEquals("\"0123456789abcdef0123456789abcdef\"", slo.sloEtag());
        assertEquals("application/x-test;s3etag=\"abc-2\"", slo.contentType());
        assertEquals(10485760, slo.bytes());
    }

    @Test
    void readsContainers() throws Exception {
        List<ContainerEntry> entries = ListingJson.readContainers(json("""
                [{"name": "photos", "count": 3, "bytes": 1024, "last_modified": "2024-01-01T00:00:00.000000"},
                 {"subdir": "ph-"},
                 {"name": "old", "count": 0, "bytes": 0}]
                """), "GET /");

        assertEquals(new ContainerEntry("photos", 3, 1024, Instant.parse("2024-01-01T00:00:00Z"), null),
                entries.get(0));
        assertTrue(entries.get(1).isSubdir());
        assertNull(entries.get(2).lastModified());
    }

    @Test
    void anEmptyBodyOrArrayIsAnEmptyListing() throws Exception {
        assertTrue(ListingJson.readObjects(json(""), "GET /c").isEmpty());
        assertTrue(ListingJson.readObjects(json(" [ ] "), "GET /c").isEmpty());
    }

    @Test
    void refusesWhatIsNotAListing() {
        assertThrows(SwiftProtocolException.class, () -> ListingJson.readObjects(json("{\"a\": 1}"), "GET /c"));
        assertThrows(SwiftProtocolException.class, () -> ListingJson.readObjects(json("[1, 2]"), "GET /c"));
        assertThrows(SwiftProtocolException.class, () -> ListingJson.readObjects(json("[{\"bytes\": 1}]"), "GET /c"));
        assertThrows(SwiftProtocolException.class,
                () -> ListingJson.readObjects(json("[{\"name\": \"x\", \"bytes\": \"many\"}]"), "GET /c"));
        assertThrows(SwiftProtocolException.class,
                () -> ListingJson.readObjects(json("[{\"name\": \"x\", \"bytes\": 1, \"last_modified\": \"yesterday\"}]"),
                        "GET /c"));
        assertThrows(SwiftProtocolException.class, () -> ListingJson.readObjects(json("[{\"name\": "), "GET /c"));
        assertThrows(SwiftProtocolException.class, () -> ListingJson.readObjects(json("<html>"), "GET /c"));
    }
}
