package io.s3multi.s3.multipart;

import io.s3multi.s3.contract.PartAttempt;
import io.s3multi.s3.contract.PartContentType;
import io.s3multi.s3.contract.SegmentsLayout;
import io.s3multi.s3.contract.StoredPart;
import io.s3multi.s3.contract.UploadId;
import io.s3multi.s3.integrity.DigestAlgorithm;
import io.s3multi.s3.testing.SwiftStore;
import io.s3multi.swift.error.SwiftException;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

class PagesTest {

    private static final String SEGMENTS = "bkt_segments";

    private static SwiftStore segments() {
        SwiftStore swift = new SwiftStore();
        swift.createContainer(SEGMENTS);
        return swift;
    }

    /** An empty object as upload markers are stored (empty parts look the same to a listing). */
    private static void putEmpty(SwiftStore swift, String name) {
        swift.put(SEGMENTS, name, new byte[0], "application/x-s3multi-upload", Map.of());
    }

    private static UploadsPage.Lister lister(SwiftStore swift) {
        return query -> swift.list(SEGMENTS, query).entries();
    }

    private static UploadId id(long millis) {
        return UploadId.newId(Instant.ofEpochMilli(1_700_000_000_000L + millis));
    }

    private static PartAttempt attempt(long millis) {
        return PartAttempt.begunAt(Instant.ofEpochMilli(1_700_000_000_000L + millis));
    }

    @Test
    void aPartsPageCostsOneCallOfPageSizeWhateverIsStored() throws SwiftException {
        UploadId upload = id(0);
        UploadId other = id(1);
        SwiftStore swift = segments();
        for (int n = 1; n <= 2000; n++) {
            swift.put(SEGMENTS, SegmentsLayout.part(upload, n, attempt(n)), n, "0123456789abcdef0123456789abcdef",
                    PartContentType.of(new StoredPart.PartChecksum(DigestAlgorithm.CRC32, "AAAAAA==")));
            putEmpty(swift, SegmentsLayout.part(other, n, attempt(n)));
        }
        putEmpty(swift, SegmentsLayout.marker("k", upload));
        PartsPage page = PartsPage.read(upload, 1500, 100, lister(swift));
        assertEquals(1, swift.listings().size());
        assertEquals(1, page.swiftCalls());
        assertEquals(101, swift.entriesListed());
        assertEquals(100, page.parts().size());
        assertEquals(1501, page.parts().get(0).number());
        assertEquals(1600, page.lastPartNumber());
        assertTrue(page.truncated());
        assertEquals("AAAAAA==", page.parts().get(0).checksumOf(DigestAlgorithm.CRC32));
        assertEquals(1501, page.parts().get(0).size());

        PartsPage last = PartsPage.read(upload, 1950, 100, lister(swift));
        assertEquals(50, last.parts().size());
        assertFalse(last.truncated());
        PartsPage none = PartsPage.read(upload, 2000, 100, lister(swift));
        assertNull(none.lastPartNumber());
    }

    @Test
    void aPartsPageShowsTheLatestAttemptOfEachPartAndReadsLegacyNames() throws SwiftException {
        UploadId upload = id(0);
        SwiftStore swift = segments();
        // Part 1: a legacy name (before an upgrade) and a later attempt; part 2: three attempts; part 3: legacy.
        swift.put(SEGMENTS, SegmentsLayout.legacyPart(upload, 1), 1, "11111111111111111111111111111111", "");
        swift.put(SEGMENTS, SegmentsLayout.part(upload, 1, attempt(10)), 10, "1a1a1a1a1a1a1a1a1a1a1a1a1a1a1a1a", "");
        for (int i = 1; i <= 3; i++) {
            swift.put(SEGMENTS, SegmentsLayout.part(upload, 2, attempt(i)), i, "2222222222222222222222222222222" + i,
                    "");
        }
        swift.put(SEGMENTS, SegmentsLayout.legacyPart(upload, 3), 3, "33333333333333333333333333333333", "");
        swift.put(SEGMENTS, SegmentsLayout.part(upload, 4, attempt(4)), 4, "44444444444444444444444444444444", "");

        PartsPage first = PartsPage.read(upload, 0, 2, lister(swift));
        assertEquals(List.of(1, 2), first.parts().stream().map(StoredPart::number).toList());
        assertEquals(List.of("1a1a1a1a1a1a1a1a1a1a1a1a1a1a1a1a", "22222222222222222222222222222223"),
                first.parts().stream().map(StoredPart::md5Hex).toList());
        assertTrue(first.truncated());
        assertTrue(first.swiftCalls() > 1, "duplicates took room: the page went on listing");

        PartsPage rest = PartsPage.read(upload, first.lastPartNumber(), 2, lister(swift));
        assertEquals(List.of(3, 4), rest.parts().stream().map(StoredPart::number).toList());
        assertEquals(SegmentsLayout.legacyPart(upload, 3), rest.parts().get(0).segment());
        assertFalse(rest.truncated());
        assertEquals(1, rest.swiftCalls());
    }

    @Test
    void uploadsListInKeyThenInitiationOrderAndPage() throws SwiftException {
        SwiftStore swift = segments();
        List<String> expected = new ArrayList<>();
        String[] keys = {"a", "a/b", "a/c", "b", "b ", "c/d/e"};
        for (String key : keys) {
            for (int i = 0; i < 3; i++) {
                UploadId upload = id(i * 10L);
                putEmpty(swift, SegmentsLayout.marker(key, upload));
                expected.add(key + "@" + upload.value());
            }
        }
        for (int n = 1; n <= 50; n++) {
            putEmpty(swift, SegmentsLayout.part(id(0), n, attempt(n)));
        }
        List<String> seen = new ArrayList<>();
        String keyMarker = null;
        String idMarker = null;
        for (int pages = 0; pages < 20; pages++) {
            UploadsPage page = UploadsPage.read(new UploadsPage.Request(null, null, keyMarker, idMarker, 4),
                    lister(swift));
            page.entries().forEach(e -> seen.add(e.key() + "@" + e.uploadId().value()));
            assertTrue(page.swiftCalls() == 1);
            if (!page.truncated()) {
                break;
            }
            keyMarker = page.last().orElseThrow().key();
            idMarker = page.last().orElseThrow().uploadId().value();
        }
        assertEquals(expected, seen);
    }

    @Test
    void delimiterRollsKeysIntoCommonPrefixes() throws SwiftException {
        SwiftStore swift = segments();
        for (String key : new String[]{"a", "a/b", "a/c", "a/d/e", "b", "c/x", "c/y"}) {
            for (int i = 0; i < 3; i++) {
                putEmpty(swift, SegmentsLayout.marker(key, id(i)));
            }
        }
        UploadsPage page = UploadsPage.read(new UploadsPage.Request(null, "/", null, null, 1000), lister(swift));
        List<String> shown = page.entries().stream()
                .map(e -> e.isCommonPrefix() ? "CP:" + e.key() : e.key()).toList();
        assertEquals(List.of("a", "a", "a", "CP:a/", "b", "b", "b", "CP:c/"), shown);
        assertFalse(page.truncated());
        assertEquals(3, page.swiftCalls());

        UploadsPage underA = UploadsPage.read(new UploadsPage.Request("a/", "/", null, null, 1000), lister(swift));
        assertEquals(List.of("a/b", "a/b", "a/b", "a/c", "a/c", "a/c", "CP:a/d/"), underA.entries().stream()
                .map(e -> e.isCommonPrefix() ? "CP:" + e.key() : e.key()).toList());

        UploadsPage firstTwo = UploadsPage.read(new UploadsPage.Request(null, "/", null, null, 4), lister(swift));
        assertTrue(firstTwo.truncated());
        assertEquals("a/", firstTwo.last().orElseThrow().key());
        UploadsPage rest = UploadsPage.read(new UploadsPage.Request(null, "/", "a/", null, 4), lister(swift));
        assertEquals(List.of("b", "b", "b", "CP:c/"), rest.entries().stream()
                .map(e -> e.isCommonPrefix() ? "CP:" + e.key() : e.key()).toList());
        assertFalse(rest.truncated());
    }

    @Test
    void keyMarkerAloneSkipsEveryUploadOfThatKey() throws SwiftException {
        SwiftStore swift = segments();
        for (String key : new String[]{"a", "a ", "ab"}) {
            putEmpty(swift, SegmentsLayout.marker(key, id(1)));
            putEmpty(swift, SegmentsLayout.marker(key, id(2)));
        }
        UploadsPage page = UploadsPage.read(new UploadsPage.Request(null, null, "a", null, 10), lister(swift));
        assertEquals(List.of("a ", "a ", "ab", "ab"), page.entries().stream().map(UploadsPage.Entry::key).toList());
        UploadsPage prefixed = UploadsPage.read(new UploadsPage.Request("a", null, null, null, 10), lister(swift));
        assertEquals(6, prefixed.entries().size());
    }
}
