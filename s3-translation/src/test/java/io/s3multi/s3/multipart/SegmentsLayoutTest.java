package io.s3multi.s3.multipart;

import io.s3multi.s3.contract.PartAttempt;
import io.s3multi.s3.contract.SegmentsLayout;
import io.s3multi.s3.contract.UploadId;
import io.s3multi.s3.error.S3Exception;
import io.s3multi.s3.testing.SwiftStore;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.Random;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class SegmentsLayoutTest {

    private static final UploadId ID = UploadId.newId(Instant.parse("2026-11-21T12:00:00Z"));
    private static final PartAttempt ATTEMPT = PartAttempt.begunAt(Instant.parse("2026-11-21T12:01:00Z"));
    private static final PartAttempt LATER_ATTEMPT = PartAttempt.begunAt(Instant.parse("2026-11-21T12:02:00Z"));

    /** S3's order of uploads: key by UTF-8 bytes, then initiation (= upload id) order. */
    private static final Comparator<Upload> S3_ORDER = Comparator
            .comparing(Upload::key, SwiftStore.SWIFT_ORDER)
            .thenComparing(Upload::id);

    private record Upload(String key, UploadId id) {
    }

    @Test
    void markerNamesSortedBySwiftAreInS3Order() {
        // Property: for random keys built from an alphabet rich in troublemakers (prefix keys, '/', U+0001,
        // U+0002, non-ASCII, supplementary characters), the Swift byte order of marker names is S3's order.
        String[] pieces = {"a", "b", "/", "a/", "\u0001", "\u0002", " ", "~", "é", "\uD83D\uDE00", "0", "z"};
        Random random = new Random(42);
        for (int round = 0; round < 200; round++) {
            List<Upload> uploads = new ArrayList<>();
            for (int i = 0; i < 40; i++) {
                StringBuilder key = new StringBuilder();
                int length = 1 + random.nextInt(5);
                for (int j = 0; j < length; j++) {
                    key.append(pieces[random.nextInt(pieces.length)]);
                }
                uploads.add(new Upload(key.toString(),
                        UploadId.newId(Instant.ofEpochMilli(1_700_000_000_000L + random.nextInt(1000)), random)));
            }
            List<Upload> s3Sorted = new ArrayList<>(uploads);
            s3Sorted.sort(S3_ORDER);
            List<String> names = new ArrayList<>(
                    uploads.stream().map(u -> SegmentsLayout.marker(u.key(), u.id())).toList());
            names.sort(SwiftStore.SWIFT_ORDER);
            List<Upload> swiftSorted = names.stream()
                    .map(name -> SegmentsLayout.parseMarker(name).orElseThrow())
                    .map(m -> new Upload(m.key(), m.uploadId())).toList();
            assertEquals(s3Sorted, swiftSorted);
        }
    }

    @Test
    void aKeyThatIsAPrefixOfAnotherListsFirst() {
        UploadId later = UploadId.newId(Instant.parse("2030-01-01T00:00:00Z"));
        String a = SegmentsLayout.marker("a", later);
        String ab = SegmentsLayout.marker("a/b", ID);
        String aSpace = SegmentsLayout.marker("a ", ID);
        assertTrue(SwiftStore.SWIFT_ORDER.compare(a, ab) < 0);
        assertTrue(SwiftStore.SWIFT_ORDER.compare(a, aSpace) < 0);
        assertTrue(SwiftStore.SWIFT_ORDER.compare(SegmentsLayout.afterKey("a"), aSpace) < 0);
        assertTrue(SwiftStore.SWIFT_ORDER.compare(a, SegmentsLayout.afterKey("a")) < 0);
        assertTrue(SwiftStore.SWIFT_ORDER.compare(SegmentsLayout.afterKeyPrefix("a/"),
                SegmentsLayout.marker("a/\uDBFF\uDFFE", ID)) > 0);
    }

    @Test
    void markersRoundTripAndForeignNamesAreNotMarkers() {
        for (String key : new String[]{"k", "a/b/c", "\u0001", "x\u0001\u0002y", "日本/語", " "}) {
            var parsed = SegmentsLayout.parseMarker(SegmentsLayout.marker(key, ID)).orElseThrow();
            assertEquals(key, parsed.key());
            assertEquals(ID, parsed.uploadId());
        }
        assertTrue(SegmentsLayout.parseMarker("uploads/k").isEmpty());
        assertTrue(SegmentsLayout.parseMarker(SegmentsLayout.part(ID, 1, ATTEMPT)).isEmpty());
        assertTrue(SegmentsLayout.parseMarker("uploads/\u0001\u0003\u0001\u0001" + ID.value()).isEmpty());
    }

    @Test
    void keyPrefixesStayPrefixesOfMarkerNames() {
        for (String key : new String[]{"photos/2024/cat", "x\u0001y", "é"}) {
            for (int end = 0; end <= key.length(); end++) {
                assertTrue(SegmentsLayout.marker(key, ID)
                        .startsWith(SegmentsLayout.markerPrefix(key.substring(0, end))));
            }
        }
    }

    @Test
    void partNamesAreZeroPaddedSoListingOrderIsNumericOrder() {
        assertEquals("parts/" + ID.value() + "/00001/" + ATTEMPT.value(), SegmentsLayout.part(ID, 1, ATTEMPT));
        assertEquals("parts/" + ID.value() + "/10000", SegmentsLayout.legacyPart(ID, 10000));
        List<String> names = new ArrayList<>();
        for (int n = 1; n <= 10000; n += 7) {
            names.add(SegmentsLayout.legacyPart(ID, n));
            names.add(SegmentsLayout.part(ID, n, ATTEMPT));
            names.add(SegmentsLayout.part(ID, n, LATER_ATTEMPT));
        }
        List<String> sorted = new ArrayList<>(names);
        sorted.sort(SwiftStore.SWIFT_ORDER);
        assertEquals(names, sorted, "by number, then legacy first, then attempts in the order they began");
        assertEquals(new SegmentsLayout.PartName(42, ATTEMPT),
                SegmentsLayout.parsePart(ID, SegmentsLayout.part(ID, 42, ATTEMPT)).orElseThrow());
        assertEquals(new SegmentsLayout.PartName(42, null),
                SegmentsLayout.parsePart(ID, SegmentsLayout.legacyPart(ID, 42)).orElseThrow());
        assertTrue(SegmentsLayout.parsePart(ID, "parts/" + ID.value() + "/00000").isEmpty());
        assertTrue(SegmentsLayout.parsePart(ID, "parts/" + ID.value() + "/1").isEmpty());
        assertTrue(SegmentsLayout.parsePart(ID, "parts/" + ID.value() + "/00001/").isEmpty());
        assertTrue(SegmentsLayout.parsePart(ID, "parts/" + ID.value() + "/00001x" + ATTEMPT.value()).isEmpty());
        assertTrue(SegmentsLayout.parsePart(ID, "parts/" + ID.value() + "/00001/" + ATTEMPT.value() + "x").isEmpty());
        assertThrows(S3Exception.class, () -> SegmentsLayout.part(ID, 0, ATTEMPT));
        assertThrows(S3Exception.class, () -> SegmentsLayout.part(ID, 10001, ATTEMPT));
    }

    @Test
    void thePartsAfterANumberStartPastEveryAttemptOfIt() {
        String after = SegmentsLayout.partsAfter(ID, 41);
        for (String name : List.of(SegmentsLayout.legacyPart(ID, 41), SegmentsLayout.part(ID, 41, LATER_ATTEMPT))) {
            assertTrue(SwiftStore.SWIFT_ORDER.compare(name, after) < 0, name);
        }
        for (String name : List.of(SegmentsLayout.legacyPart(ID, 42), SegmentsLayout.part(ID, 42, ATTEMPT))) {
            assertTrue(SwiftStore.SWIFT_ORDER.compare(name, after) > 0, name);
        }
    }

    @Test
    void attemptsAreShortTimeOrderedAndOfTheirOwn() {
        Instant now = Instant.parse("2026-12-06T20:00:00Z");
        PartAttempt first = PartAttempt.begunAt(now);
        assertEquals(PartAttempt.LENGTH, first.value().length());
        assertTrue(PartAttempt.begunAt(now.plusMillis(1)).value().compareTo(first.value()) > 0);
        java.util.Set<String> sameMillisecond = new java.util.HashSet<>();
        for (int i = 0; i < 50; i++) {
            sameMillisecond.add(PartAttempt.begunAt(now).value());
        }
        assertTrue(sameMillisecond.size() > 45, "random tail: " + sameMillisecond.size());
    }

    @Test
    void markersPartsManifestsAndClaimsNeverShareAListingPrefix() {
        String[] names = {SegmentsLayout.marker("parts/x", ID), SegmentsLayout.part(ID, 1, ATTEMPT),
                SegmentsLayout.subManifest(ID, 1, 0), SegmentsLayout.claim(ID)};
        String[] prefixes = {SegmentsLayout.UPLOADS, SegmentsLayout.PARTS, SegmentsLayout.MANIFESTS,
            SegmentsLayout.CLAIMS};
        for (int i = 0; i < names.length; i++) {
            for (int j = 0; j < prefixes.length; j++) {
                assertEquals(i == j, names[i].startsWith(prefixes[j]), names[i] + " / " + prefixes[j]);
            }
        }
        assertEquals("b_segments", SegmentsLayout.container("b"));
        assertTrue(Arrays.equals("uploads/".getBytes(StandardCharsets.UTF_8),
                SegmentsLayout.UPLOADS.getBytes(StandardCharsets.UTF_8)));
    }

    @Test
    void parseTellsEveryNameTheGatewayWritesAndNothingElse() {
        UploadId id = UploadId.newId(Instant.parse("2026-12-07T00:00:00Z"));
        assertEquals(new SegmentsLayout.SegmentName(SegmentsLayout.Kind.MARKER, id, "a/b"),
                SegmentsLayout.parse(SegmentsLayout.marker("a/b", id)).orElseThrow());
        assertEquals(SegmentsLayout.Kind.PART, SegmentsLayout.parse(SegmentsLayout.part(id, 7,
                PartAttempt.begunAt(Instant.now()))).orElseThrow().kind());
        assertEquals(SegmentsLayout.Kind.PART, SegmentsLayout.parse(SegmentsLayout.legacyPart(id, 7)).orElseThrow()
                .kind());
        assertEquals(new SegmentsLayout.SegmentName(SegmentsLayout.Kind.SUB_MANIFEST, id, null),
                SegmentsLayout.parse(SegmentsLayout.subManifest(id, 2, 12)).orElseThrow());
        assertEquals(new SegmentsLayout.SegmentName(SegmentsLayout.Kind.CLAIM, id, null),
                SegmentsLayout.parse(SegmentsLayout.claim(id)).orElseThrow());
        assertEquals(new SegmentsLayout.SegmentName(SegmentsLayout.Kind.ABORT_TRACE, id, null),
                SegmentsLayout.parse(SegmentsLayout.abortTrace(id, "0123456789abcdef0123456789abcdef")).orElseThrow());
        assertEquals(new SegmentsLayout.SegmentName(SegmentsLayout.Kind.ABORT_TRACE, id, null),
                SegmentsLayout.parse(SegmentsLayout.abortTrace(id)).orElseThrow());
        for (String foreign : List.of("locks/x", SegmentsLayout.PARTS + "not-an-id/00001",
                SegmentsLayout.abortTracesPrefix(id) + "0123", SegmentsLayout.abortTracesPrefix(id),
                SegmentsLayout.partsPrefix(id) + "00000", SegmentsLayout.partsPrefix(id) + "00001/attempt",
                SegmentsLayout.manifestsPrefix(id) + "x-00001", SegmentsLayout.claim(id) + "x",
                SegmentsLayout.UPLOADS + "k", SegmentsLayout.ABORTS + "not-an-id", "")) {
            assertTrue(SegmentsLayout.parse(foreign).isEmpty(), foreign);
        }
    }
}
