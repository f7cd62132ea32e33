package io.s3multi.s3.sweep;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.s3multi.s3.contract.PartAttempt;
import io.s3multi.s3.contract.SegmentsLayout;
import io.s3multi.s3.contract.UploadId;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

class UploadVerdictTest {

    private static final Instant NOW = Instant.parse("2026-12-07T12:00:00Z");
    private static final Duration GRACE = Duration.ofDays(1);
    private static final Instant OLD = NOW.minus(GRACE);
    private static final Instant YOUNG = OLD.plusMillis(1);
    private static final UploadId ID = UploadId.newId(Instant.parse("2026-12-01T00:00:00Z"));
    private static final String PART_1 = SegmentsLayout.part(ID, 1, PartAttempt.begunAt(OLD));
    private static final String PART_2 = SegmentsLayout.part(ID, 2, PartAttempt.begunAt(OLD));

    @Test
    void anOpenUploadIsNeverTouchedWithoutAnOldClaim() {
        UploadTraces upload = traces(OLD, PART_1);
        upload.setMarker(stored(SegmentsLayout.marker("k", ID), OLD), "k", false, null);
        assertNothing(UploadVerdict.of(upload, Set.of(), NOW, GRACE));
        upload.setClaim(stored(SegmentsLayout.claim(ID), YOUNG));
        assertNothing(UploadVerdict.of(upload, Set.of(), NOW, GRACE));
        upload.setClaim(stored(SegmentsLayout.claim(ID), OLD));
        assertTrue(UploadVerdict.of(upload, Set.of(), NOW, GRACE).finishAbandoned());
    }

    @Test
    void anOpenUploadWithAYoungPartIsNotFinishedEvenWithADeadClaim() {
        UploadTraces upload = traces(YOUNG, PART_1);
        upload.setMarker(stored(SegmentsLayout.marker("k", ID), OLD), "k", false, null);
        upload.setClaim(stored(SegmentsLayout.claim(ID), OLD));
        assertNothing(UploadVerdict.of(upload, Set.of(), NOW, GRACE));
    }

    @Test
    void withoutMarkerOnlyOldUnnamedSegmentsAndAnOldClaimGo() {
        UploadTraces upload = traces(OLD, PART_1, PART_2);
        upload.addSegment(stored(SegmentsLayout.part(ID, 3, PartAttempt.begunAt(YOUNG)), YOUNG));
        upload.setClaim(stored(SegmentsLayout.claim(ID), OLD));
        UploadVerdict verdict = UploadVerdict.of(upload, Set.of(PART_1), NOW, GRACE);
        assertEquals(List.of(PART_2, SegmentsLayout.claim(ID)), names(verdict.removals()));
        assertEquals(1, verdict.kept().size());
        assertNull(verdict.marker());
    }

    @Test
    void aFinishedMarkerGoesLastAndOnlyWhenNothingUnnamedStays() {
        UploadTraces upload = traces(OLD, PART_1, PART_2);
        upload.setMarker(stored(SegmentsLayout.marker("k", ID), OLD), "k", true, null);
        UploadVerdict verdict = UploadVerdict.of(upload, Set.of(PART_1), NOW, GRACE);
        assertEquals(List.of(PART_2), names(verdict.removals()));
        assertEquals(SegmentsLayout.marker("k", ID), verdict.marker().name());

        upload.addSegment(stored(SegmentsLayout.part(ID, 3, PartAttempt.begunAt(YOUNG)), YOUNG));
        assertNull(UploadVerdict.of(upload, Set.of(PART_1), NOW, GRACE).marker());
        UploadTraces youngMarker = traces(OLD, PART_1);
        youngMarker.setMarker(stored(SegmentsLayout.marker("k", ID), YOUNG), "k", true, null);
        assertNull(UploadVerdict.of(youngMarker, Set.of(PART_1), NOW, GRACE).marker());
    }

    @Test
    void anOpenUploadPastItsExpiryIsExpiredUnlessClaimed() {
        UploadTraces upload = traces(YOUNG, PART_1);
        upload.setMarker(stored(SegmentsLayout.marker("k", ID), YOUNG), "k", false, NOW.plusSeconds(1));
        upload.setProcessing(stored(SegmentsLayout.processing(ID), OLD));
        assertNothing(UploadVerdict.of(upload, Set.of(), NOW, GRACE));
        assertFalse(UploadVerdict.of(upload, Set.of(), NOW, GRACE).expired(), "not yet expired");

        upload.setMarker(stored(SegmentsLayout.marker("k", ID), YOUNG), "k", false, NOW);
        UploadVerdict verdict = UploadVerdict.of(upload, Set.of(), NOW, GRACE);
        assertTrue(verdict.expired(), "expired: no grace period beyond Upload-Expires");
        assertEquals(List.of(), verdict.removals(), "the expiry aborts it under its lock, not a bulk delete");

        upload.setClaim(stored(SegmentsLayout.claim(ID), YOUNG));
        assertFalse(UploadVerdict.of(upload, Set.of(), NOW, GRACE).expired(), "a live Complete or Abort holds it");
    }

    @Test
    void anOldProcessingStateWithoutMarkerGoes() {
        UploadTraces upload = new UploadTraces(ID);
        upload.setProcessing(stored(SegmentsLayout.processing(ID), OLD));
        assertEquals(List.of(SegmentsLayout.processing(ID)),
                names(UploadVerdict.of(upload, Set.of(), NOW, GRACE).removals()));
        UploadTraces young = new UploadTraces(ID);
        young.setProcessing(stored(SegmentsLayout.processing(ID), YOUNG));
        assertEquals(List.of(), UploadVerdict.of(young, Set.of(), NOW, GRACE).removals());
    }

    @Test
    void anOldAbortTraceGoesWhateverTheMarkerSaysAndAYoungOneStays() {
        String oldTrace = SegmentsLayout.abortTrace(ID, "0123456789abcdef0123456789abcdef");
        String youngTrace = SegmentsLayout.abortTrace(ID, "fedcba9876543210fedcba9876543210");
        UploadTraces aborted = new UploadTraces(ID);
        aborted.addAbortTrace(stored(oldTrace, OLD));
        aborted.addAbortTrace(stored(youngTrace, YOUNG));
        UploadVerdict verdict = UploadVerdict.of(aborted, Set.of(), NOW, GRACE);
        assertEquals(List.of(oldTrace), names(verdict.removals()));
        assertEquals(List.of(youngTrace), names(verdict.kept()));
        // The abort died between its trace and the marker: the upload stays open, its old trace goes.
        UploadTraces open = traces(OLD, PART_1);
        open.setMarker(stored(SegmentsLayout.marker("k", ID), OLD), "k", false, null);
        open.addAbortTrace(stored(oldTrace, OLD));
        assertEquals(List.of(oldTrace), names(UploadVerdict.of(open, Set.of(), NOW, GRACE).removals()));
    }

    @Test
    void aCompletedObjectsSegmentsStay() {
        assertNothing(UploadVerdict.of(traces(OLD, PART_1, PART_2), Set.of(PART_1, PART_2), NOW, GRACE));
    }

    private static void assertNothing(UploadVerdict verdict) {
        assertEquals(List.of(), verdict.removals());
        assertNull(verdict.marker());
        assertFalse(verdict.finishAbandoned());
    }

    private static UploadTraces traces(Instant modified, String... segments) {
        UploadTraces upload = new UploadTraces(ID);
        for (String segment : segments) {
            upload.addSegment(stored(segment, modified));
        }
        return upload;
    }

    private static UploadTraces.Stored stored(String name, Instant modified) {
        return new UploadTraces.Stored(name, modified);
    }

    private static List<String> names(List<UploadVerdict.Removal> removals) {
        return removals.stream().map(UploadVerdict.Removal::name).toList();
    }
}
