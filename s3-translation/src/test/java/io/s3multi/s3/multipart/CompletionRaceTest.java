package io.s3multi.s3.multipart;

import io.s3multi.s3.auth.RequestBody;
import io.s3multi.s3.contract.PartAttempt;
import io.s3multi.s3.contract.PartContentType;
import io.s3multi.s3.contract.ReservedMetadata;
import io.s3multi.s3.contract.SegmentsLayout;
import io.s3multi.s3.contract.UploadId;
import io.s3multi.s3.error.S3ErrorCode;
import io.s3multi.s3.error.S3Exception;
import io.s3multi.s3.http.RequestHead;
import io.s3multi.s3.operation.RequestBodySource;
import io.s3multi.s3.operation.S3Body;
import io.s3multi.s3.operation.S3Call;
import io.s3multi.s3.operation.S3Identity;
import io.s3multi.s3.operation.S3Response;
import io.s3multi.s3.request.S3RequestParser;
import io.s3multi.s3.testing.FakeSwift;
import io.s3multi.s3.testing.SwiftStore;
import io.s3multi.swift.SwiftHeaders;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Complete and Abort against an in-memory Swift, with the interleavings that real Swift cannot be made to produce
 * on demand: another gateway's Abort or Complete acting between two steps of this one.
 */
class CompletionRaceTest {

    private static final String BUCKET = "bkt";
    private static final String SEGMENTS = "bkt_segments";
    private static final UploadId UPLOAD = UploadId.newId(Instant.parse("2026-11-21T11:00:00Z"));
    private static final UploadId OLD_UPLOAD = UploadId.newId(Instant.parse("2026-11-20T11:00:00Z"));
    private static final byte[] PART_1 = "first part, ".getBytes(StandardCharsets.UTF_8);
    private static final byte[] PART_2 = "second part".getBytes(StandardCharsets.UTF_8);

    /** Long enough for a loaded machine: the claim tests must not see a claim go stale between two steps. */
    private static final Duration CLAIM_TIMEOUT = Duration.ofSeconds(2);

    private FakeSwift swift;
    private CompletionHandler handler = handler(Duration.ofSeconds(60));

    @BeforeEach
    void start() throws Exception {
        swift = new FakeSwift().createContainer(BUCKET);
        swift.put(SEGMENTS, SegmentsLayout.marker("k", UPLOAD), new byte[0], "application/x-s3multi-upload",
                Map.of());
        swift.put(SEGMENTS, SegmentsLayout.legacyPart(UPLOAD, 1), PART_1, PartContentType.of(null), Map.of());
        swift.put(SEGMENTS, SegmentsLayout.legacyPart(UPLOAD, 2), PART_2, PartContentType.of(null), Map.of());
    }

    @AfterEach
    void stop() {
        swift.close();
    }

    private static CompletionHandler handler(Duration claimTimeout) {
        MultipartSettings defaults = MultipartSettings.defaults();
        return new CompletionHandler(new MultipartSettings(0, defaults.maxPartNumber(), defaults.maxPartsListing(),
                defaults.maxUploadsListing(), Duration.ofMillis(50), claimTimeout), () -> 1000);
    }

    /** An older multipart object at b/k, made by OLD_UPLOAD, whose part stays in b_segments while it lives. */
    private void oldMultipartObject() {
        swift.put(SEGMENTS, SegmentsLayout.legacyPart(OLD_UPLOAD, 1), "old".getBytes(StandardCharsets.UTF_8),
                PartContentType.of(null), Map.of());
        swift.putManifest(BUCKET, "k", List.of(SEGMENTS + "/" + SegmentsLayout.legacyPart(OLD_UPLOAD, 1)),
                completedAtK(OLD_UPLOAD));
    }

    /** The reserved metadata a Complete of {@code upload} leaves on its manifest at {@code k}. */
    private static Map<String, String> completedAtK(UploadId upload) {
        return Map.of(ReservedMetadata.UPLOAD_ID, upload.value(), ReservedMetadata.ETAG,
                "0123456789abcdef0123456789abcdef-1", ReservedMetadata.OBJECT, ReservedMetadata.binding(BUCKET, "k"));
    }

    private S3Call call(String method, String body) {
        Map<String, List<String>> fields = new LinkedHashMap<>();
        fields.put("Host", List.of("127.0.0.1"));
        byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
        fields.put("Content-Length", List.of(Integer.toString(bytes.length)));
        RequestHead head = new RequestHead(method, "/" + BUCKET + "/k", "uploadId=" + UPLOAD.value(), fields);
        RequestBodySource source = alsoCompute -> RequestBody.open(new ByteArrayInputStream(bytes), head, null, null,
                alsoCompute);
        return new S3Call(new S3RequestParser().parse(head),
                new S3Identity("test:tester", "test:tester", "AUTH_test", "AUTH_test"), swift.account(), source,
                Clock.systemUTC(), "tx1");
    }

    private String complete(CompletionHandler completion) throws Exception {
        String body = "<CompleteMultipartUpload>"
                + "<Part><PartNumber>1</PartNumber><ETag>\"" + FakeSwift.md5(PART_1) + "\"</ETag></Part>"
                + "<Part><PartNumber>2</PartNumber><ETag>\"" + FakeSwift.md5(PART_2) + "\"</ETag></Part>"
                + "</CompleteMultipartUpload>";
        S3Response response = completion.completeMultipartUpload(call("POST", body));
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (S3Body answer = response.body()) {
            answer.writeTo(out);
        }
        return out.toString(StandardCharsets.UTF_8);
    }

    /** What the upload keeps in the segments container, abort traces aside ({@link #traces}). */
    private List<String> leftOf(UploadId upload) {
        return swift.names(SEGMENTS).stream().filter(name -> name.contains(upload.value()))
                .filter(name -> !name.startsWith(SegmentsLayout.ABORTS)).toList();
    }

    /**
     * A Complete wrote its manifest after an abort's look at the key, then died (or could not look at the marker):
     * the abort deleted the parts, left its trace and deleted the marker, and nobody rolled the manifest back. A
     * retried Complete must not answer for that object, whose parts are gone, and the manifest goes.
     */
    @Test
    void aRetriedCompleteDoesNotAnswerForAManifestWhosePartsAnAbortDeleted() throws Exception {
        swift.putManifest(BUCKET, "k", List.of(SEGMENTS + "/" + SegmentsLayout.legacyPart(UPLOAD, 1),
                SEGMENTS + "/" + SegmentsLayout.legacyPart(UPLOAD, 2)), completedAtK(UPLOAD));
        swift.delete(SEGMENTS, SegmentsLayout.legacyPart(UPLOAD, 1));
        swift.delete(SEGMENTS, SegmentsLayout.legacyPart(UPLOAD, 2));
        leaveAbortTrace(swift);
        swift.delete(SEGMENTS, SegmentsLayout.marker("k", UPLOAD));
        S3Exception error = assertThrows(S3Exception.class, () -> complete(handler));
        assertEquals(S3ErrorCode.NO_SUCH_UPLOAD, error.code());
        assertNull(swift.get(BUCKET, "k"), "no object at the key names the parts the abort deleted");
    }

    @Test
    void aCompleteAloneWritesTheManifestAndLeavesOnlyItsParts() throws Exception {
        oldMultipartObject();
        String answer = complete(handler);
        assertTrue(answer.contains("<CompleteMultipartUploadResult"), answer);
        assertEquals(List.of(SegmentsLayout.legacyPart(UPLOAD, 1), SegmentsLayout.legacyPart(UPLOAD, 2)), leftOf(UPLOAD));
        assertEquals(List.of(), leftOf(OLD_UPLOAD), "the replaced object's part goes");
        assertEquals(UPLOAD.value(), swift.get(BUCKET, "k").meta().get(ReservedMetadata.UPLOAD_ID.toLowerCase()));
    }

    @Test
    void aCompleteWhoseMarkerVanishedBehindItsManifestRollsBack() throws Exception {
        oldMultipartObject();
        // Another gateway's Abort deletes the marker (its trace first) while this Complete writes its manifest.
        swift.after("PUT /" + BUCKET + "/k", s -> {
            leaveAbortTrace(s);
            s.delete(SEGMENTS, SegmentsLayout.marker("k", UPLOAD));
        });
        String answer = complete(handler);
        assertTrue(answer.contains("<Code>NoSuchUpload</Code>"), answer);
        assertNull(swift.get(BUCKET, "k"), "the manifest that named the parts is gone with them");
        assertEquals(List.of(), leftOf(UPLOAD), "no orphan: the Abort may have left the parts to the Complete");
        assertEquals(List.of(), leftOf(OLD_UPLOAD), "the replaced object was gone already: so are its parts");
    }

    @Test
    void aCompleteWhoseManifestWasRefusedAfterAnAbortKeepsTheOldObject() throws Exception {
        oldMultipartObject();
        // Another gateway's Abort runs whole between this Complete's look at the key and its manifest.
        swift.after("HEAD /" + BUCKET + "/k", s -> {
            leaveAbortTrace(s);
            s.delete(SEGMENTS, SegmentsLayout.marker("k", UPLOAD));
            s.delete(SEGMENTS, SegmentsLayout.legacyPart(UPLOAD, 1));
            s.delete(SEGMENTS, SegmentsLayout.legacyPart(UPLOAD, 2));
        });
        String answer = complete(handler);
        assertTrue(answer.contains("<Code>NoSuchUpload</Code>"), answer);
        assertEquals(OLD_UPLOAD.value(), swift.get(BUCKET, "k").meta().get(ReservedMetadata.UPLOAD_ID.toLowerCase()));
        assertEquals(List.of(SegmentsLayout.legacyPart(OLD_UPLOAD, 1)), leftOf(OLD_UPLOAD), "the old object is whole");
        assertEquals(List.of(), leftOf(UPLOAD));
    }

    /** What another gateway's abort writes before it deletes the marker, once it deletes the parts. */
    private static void leaveAbortTrace(FakeSwift s) {
        s.put(SEGMENTS, SegmentsLayout.abortTrace(UPLOAD), new byte[0], SegmentsLayout.ABORT_TRACE_CONTENT_TYPE,
                Map.of());
    }

    /**
     * What another gateway's Complete of the same upload (past the claim: Swift has no compare-and-set) does when it
     * finishes first: its manifest at the key, then its clean-up (marker marked finished, the attempts it did not
     * choose deleted, the marker deleted).
     */
    private static void anotherCompleteFinishes(FakeSwift s, List<String> chosen) {
        s.putManifest(BUCKET, "k", chosen.stream().map(name -> SEGMENTS + "/" + name).toList(), completedAtK(UPLOAD));
        s.names(SEGMENTS).stream().filter(name -> name.startsWith(SegmentsLayout.partsPrefix(UPLOAD)))
                .filter(name -> !chosen.contains(name)).forEach(name -> s.delete(SEGMENTS, name));
        s.delete(SEGMENTS, SegmentsLayout.marker("k", UPLOAD));
    }

    /**
     * Another gateway's Abort (past the claim) deletes the marker and the parts right after this Complete's manifest
     * landed, and Swift fails this Complete's look at the marker once: the answer must not leave the key naming the
     * deleted parts, nor may a retry of the Complete answer 200 for it.
     */
    @Test
    void aCompleteWhoseLookAtTheMarkerFailsOnceAfterAnAbortLeavesNoObjectNamingDeletedParts() throws Exception {
        String marker = "HEAD /" + SEGMENTS + "/" + SegmentsLayout.marker("k", UPLOAD);
        swift.after("PUT /" + BUCKET + "/k", s -> {
            leaveAbortTrace(s);
            s.delete(SEGMENTS, SegmentsLayout.marker("k", UPLOAD));
            s.delete(SEGMENTS, SegmentsLayout.legacyPart(UPLOAD, 1));
            s.delete(SEGMENTS, SegmentsLayout.legacyPart(UPLOAD, 2));
            s.failing(marker::equals, 503, 1);
        });
        String answer = complete(handler);
        assertTrue(answer.contains("<Error>"), answer);
        String retried;
        try {
            retried = complete(handler);
        } catch (S3Exception refused) {
            retried = refused.code().name();
        }
        assertEquals(S3ErrorCode.NO_SUCH_UPLOAD.name(), retried, "a retry finds the upload aborted");
        assertNull(swift.get(BUCKET, "k"), "no object at the key names the parts the Abort deleted");
    }

    @Test
    void aCompleteThatFindsAnotherCompleteFinishedKeepsTheObject() throws Exception {
        assertACompleteThatFindsAnotherCompleteFinishedKeepsTheObject();
    }

    /**
     * Two Completes of one upload on two gateways: the other finishes between this one's manifest and its look; this
     * one keeps the other's object and answers as a retry would.
     */
    private void assertACompleteThatFindsAnotherCompleteFinishedKeepsTheObject() throws Exception {
        List<String> parts = List.of(SegmentsLayout.legacyPart(UPLOAD, 1), SegmentsLayout.legacyPart(UPLOAD, 2));
        swift.after("PUT /" + BUCKET + "/k", s -> anotherCompleteFinishes(s, parts));
        String answer = complete(handler);
        assertTrue(answer.contains("<CompleteMultipartUploadResult"), "answered as a retry would: " + answer);
        assertEquals(parts, leftOf(UPLOAD), "the object's parts stay");
        assertTheKeyReadsBothParts();
    }

    @Test
    void aCompleteWhoseManifestFailsBecauseAnotherCompleteFinishedKeepsTheOtherObject() throws Exception {
        // The other Complete chose a newer attempt of part 2 (same bytes) and deleted the one this Complete names,
        // so this Complete's manifest is refused.
        String newer = SegmentsLayout.part(UPLOAD, 2,
                PartAttempt.begunAt(Instant.parse("2026-11-21T11:05:00Z")));
        List<String> chosen = List.of(SegmentsLayout.legacyPart(UPLOAD, 1), newer);
        swift.after("HEAD /" + BUCKET + "/k", s -> {
            s.put(SEGMENTS, newer, PART_2, PartContentType.of(null), Map.of());
            anotherCompleteFinishes(s, chosen);
        });
        String answer = complete(handler);
        assertTrue(answer.contains("<CompleteMultipartUploadResult"), "answered as a retry would: " + answer);
        assertEquals(chosen, leftOf(UPLOAD), "the other object's parts stay");
        assertTheKeyReadsBothParts();
    }

    /**
     * Another gateway's abort (past the claim) races this Complete: it closes the marker and looks at the key just
     * before this Complete's manifest lands, and deletes the parts just after; Swift's listings lag behind its writes
     * (a busy container server), so its trace is there to a HEAD only. The Complete must not keep a manifest naming
     * the deleted parts, nor answer 200 for it.
     */
    @Test
    void aCompleteRacingAnAbortWhoseTraceNoListingShowsYetLeavesNoObjectNamingDeletedParts() throws Exception {
        swift.store().lagListings(name -> name.startsWith(SegmentsLayout.ABORTS));
        CompletableFuture<Boolean> abort = new CompletableFuture<>();
        // This Complete's second look at the marker (after its claim, "is it still open?"): the abort begins.
        String markerHead = "HEAD /" + SEGMENTS + "/" + SegmentsLayout.marker("k", UPLOAD);
        AtomicInteger markerLooks = new AtomicInteger();
        swift.afterFirst(r -> r.equals(markerHead) && markerLooks.incrementAndGet() == 2, s -> {
            CountDownLatch abortLooked = new CountDownLatch(1);
            CountDownLatch manifestLanded = new CountDownLatch(1);
            s.after("HEAD /" + BUCKET + "/k", x -> {
                abortLooked.countDown();
                await(manifestLanded);
            });
            abortElsewhere(abort);
            await(abortLooked);
            s.after("PUT /" + BUCKET + "/k", x -> {
                manifestLanded.countDown();
                abort.orTimeout(30, TimeUnit.SECONDS).join();
            });
        });
        String answer = complete(handler);
        assertTrue(abort.get(30, TimeUnit.SECONDS), "the abort saw no manifest and deleted the parts");
        assertTrue(answer.contains("<Code>NoSuchUpload</Code>"), answer);
        assertNull(swift.get(BUCKET, "k"), "no object at the key names the parts the abort deleted");
        assertEquals(List.of(), leftOf(UPLOAD), "nothing of the upload is left but the abort's trace");
        assertEquals(List.of(SegmentsLayout.abortTrace(UPLOAD)), traces(swift));
    }

    /**
     * Three finishers past the claim: another gateway's Complete finished (answered, cleaned up, marker deleted), an
     * abort comes after it and this Complete looks while that abort is between its first write and its look at the
     * key. This Complete must keep the object the other answered for.
     */
    @Test
    void aCompleteLookingWhileALateAbortFindsTheObjectKeepsTheObjectAnotherCompleteAnsweredFor() throws Exception {
        List<String> parts = List.of(SegmentsLayout.legacyPart(UPLOAD, 1), SegmentsLayout.legacyPart(UPLOAD, 2));
        CompletableFuture<Boolean> abort = new CompletableFuture<>();
        swift.after("PUT /" + BUCKET + "/k", s -> {
            anotherCompleteFinishes(s, parts);
            CountDownLatch abortLooked = new CountDownLatch(1);
            CountDownLatch completeLooked = new CountDownLatch(1);
            // This Complete's look for an abort's trace: a listing (the previous release) or a HEAD of its name.
            s.afterFirst(r -> r.equals("GET /" + SEGMENTS)
                    || r.equals("HEAD /" + SEGMENTS + "/" + SegmentsLayout.abortTrace(UPLOAD)),
                    x -> completeLooked.countDown());
            s.after("HEAD /" + BUCKET + "/k", x -> {
                abortLooked.countDown();
                await(completeLooked);
            });
            abortElsewhere(abort);
            await(abortLooked);
        });
        String answer = complete(handler);
        assertTrue(answer.contains("<CompleteMultipartUploadResult"), "answered as a retry would: " + answer);
        assertTrue(!abort.get(30, TimeUnit.SECONDS), "the abort found the object and deleted nothing");
        assertEquals(parts, leftOf(UPLOAD), "the object's parts stay");
        assertTheKeyReadsBothParts();
    }

    /**
     * A trace the previous release left beside a marker still open (its abort's marker DELETE and its withdrawal
     * both failed), then two Completes of the upload past the claim: the second must keep the first's object.
     */
    @Test
    void aTraceOfThePreviousReleaseDoesNotRollBackACompleteThatFindsAnotherCompleteFinished() throws Exception {
        swift.put(SEGMENTS, SegmentsLayout.abortTrace(UPLOAD, "0123456789abcdef0123456789abcdef"), new byte[0],
                SegmentsLayout.ABORT_TRACE_CONTENT_TYPE, Map.of());
        assertACompleteThatFindsAnotherCompleteFinishedKeepsTheObject();
    }

    /** Another gateway's abort of UPLOAD (past the claim), on a thread of its own; {@code done} gets its result. */
    private void abortElsewhere(CompletableFuture<Boolean> done) {
        new Thread(() -> {
            try {
                done.complete(UploadAbort.abortOpen(swift.account(), new UploadState(swift.account(), BUCKET),
                        BUCKET, "k", UPLOAD));
            } catch (Exception | AssertionError e) {
                done.completeExceptionally(e);
            }
        }).start();
    }

    private static void await(CountDownLatch latch) {
        try {
            assertTrue(latch.await(30, TimeUnit.SECONDS), "the other finisher never got there");
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError(e);
        }
    }

    @Test
    void anAbortMarksTheMarkerAbortedThenLeavesItsTraceBeforeTheMarkerGoesAndKeepsIt() {
        String marker = SegmentsLayout.marker("k", UPLOAD);
        List<String> tracesWhenTheMarkerWent = new ArrayList<>();
        swift.after("DELETE /" + SEGMENTS + "/" + marker, s -> tracesWhenTheMarkerWent.addAll(traces(s)));
        assertEquals(204, handler.abortMultipartUpload(call("DELETE", "")).status());
        assertEquals(List.of(SegmentsLayout.abortTrace(UPLOAD)), tracesWhenTheMarkerWent,
                "the trace, at its one name, was there when the marker went");
        assertEquals(tracesWhenTheMarkerWent, traces(swift), "kept for a Complete that wrote its manifest since");
        List<String> abortSteps = swift.requests().stream().filter(r -> r.contains(marker) || r.endsWith("/k")
                || r.endsWith(SegmentsLayout.abortTrace(UPLOAD))).filter(r -> !r.startsWith("HEAD /" + SEGMENTS))
                .toList();
        assertEquals(List.of("POST /" + SEGMENTS + "/" + marker, "HEAD /" + BUCKET + "/k",
                "PUT /" + SEGMENTS + "/" + SegmentsLayout.abortTrace(UPLOAD), "DELETE /" + SEGMENTS + "/" + marker),
                abortSteps, "marked aborted, the key looked at, the trace, then the marker");
    }

    /** The abort traces of UPLOAD, the previous release's included. */
    private static List<String> traces(FakeSwift s) {
        return s.names(SEGMENTS).stream().filter(name -> name.startsWith(SegmentsLayout.abortTrace(UPLOAD)))
                .toList();
    }

    /** The object at the key, read through its manifest as a client would: both parts, whole. */
    private void assertTheKeyReadsBothParts() throws Exception {
        try (var object = swift.account().objects().get(BUCKET, "k", SwiftHeaders.empty())) {
            assertArrayEquals(bothParts(), object.body().readAllBytes());
        }
    }

    private static byte[] bothParts() {
        byte[] whole = new byte[PART_1.length + PART_2.length];
        System.arraycopy(PART_1, 0, whole, 0, PART_1.length);
        System.arraycopy(PART_2, 0, whole, PART_1.length, PART_2.length);
        return whole;
    }

    @Test
    void aStepsDeleteVerdictAbortsAsAnAbortDoesTraceFirst() throws Exception {
        io.s3multi.s3.processing.ProcessingSteps rejecting = new io.s3multi.s3.processing.ProcessingSteps() {
            @Override
            public boolean isEmpty() {
                return false;
            }

            @Override
            public io.s3multi.s3.processing.ProcessingVerdict process(io.s3multi.s3.processing.ProcessedUpload upload) {
                return new io.s3multi.s3.processing.ProcessingVerdict(
                        io.s3multi.s3.processing.ProcessingVerdict.Decision.REJECT_DELETE, "test", "infected");
            }

            @Override
            public io.s3multi.s3.processing.ProcessingStatus status(io.s3multi.swift.SwiftAccount account,
                    String bucket, UploadId uploadId) {
                throw new UnsupportedOperationException();
            }
        };
        MultipartSettings defaults = MultipartSettings.defaults();
        CompletionHandler processing = new CompletionHandler(new MultipartSettings(0, defaults.maxPartNumber(),
                defaults.maxPartsListing(), defaults.maxUploadsListing(), Duration.ofMillis(50),
                Duration.ofSeconds(60)), () -> 1000, rejecting);
        List<String> tracesWhenTheMarkerWent = new ArrayList<>();
        swift.after("DELETE /" + SEGMENTS + "/" + SegmentsLayout.marker("k", UPLOAD),
                s -> tracesWhenTheMarkerWent.addAll(traces(s)));
        String answer = complete(processing);
        assertTrue(answer.contains("<Code>AccessDenied</Code>"), answer);
        assertEquals(1, tracesWhenTheMarkerWent.size(), "the trace was there when the marker went");
        assertEquals(List.of(), leftOf(UPLOAD));
        assertNull(swift.get(BUCKET, "k"));
    }

    @Test
    void anAbortThatFindsTheCompletesManifestLeavesTheParts() {
        // Another gateway's Complete writes its manifest just after this Abort marked the marker aborted.
        swift.after("POST /" + SEGMENTS + "/" + SegmentsLayout.marker("k", UPLOAD),
                s -> s.putManifest(BUCKET, "k", List.of(SEGMENTS + "/" + SegmentsLayout.legacyPart(UPLOAD, 1)),
                        completedAtK(UPLOAD)));
        S3Exception error = assertThrows(S3Exception.class,
                () -> handler.abortMultipartUpload(call("DELETE", "")));
        assertEquals(S3ErrorCode.NO_SUCH_UPLOAD, error.code());
        assertEquals(List.of(SegmentsLayout.legacyPart(UPLOAD, 1), SegmentsLayout.legacyPart(UPLOAD, 2),
                SegmentsLayout.marker("k", UPLOAD)), leftOf(UPLOAD),
                "the parts (and the marker) belong to the Complete: kept for its object or deleted by its roll-back");
        assertEquals(List.of(), traces(swift), "it deleted nothing: no trace, the Complete may keep its object");
        assertEquals("application/x-s3multi-upload;finished=completed",
                swift.get(SEGMENTS, SegmentsLayout.marker("k", UPLOAD)).contentType(),
                "marked finished again, as the Complete's clean-up marks it, which deletes it");
    }

    /** The marker as an abort leaves it when it died after marking it (Swift failed it, or its gateway died). */
    private void markerMarkedAborted(FakeSwift s) {
        s.put(SEGMENTS, SegmentsLayout.marker("k", UPLOAD), new byte[0],
                "application/x-s3multi-upload;finished=aborted", Map.of());
    }

    @Test
    void anAbortOfAnUploadWhoseAbortDiedAfterMarkingItAbortsItToTheEnd() {
        markerMarkedAborted(swift);
        assertEquals(204, handler.abortMultipartUpload(call("DELETE", "")).status());
        assertEquals(List.of(), leftOf(UPLOAD));
        assertEquals(List.of(SegmentsLayout.abortTrace(UPLOAD)), traces(swift));
    }

    @Test
    void aCompleteThatFindsTheMarkerMarkedAbortedBehindItsManifestRollsBackTraceFirst() throws Exception {
        swift.after("PUT /" + BUCKET + "/k", this::markerMarkedAborted);
        List<String> whenTheManifestWent = new ArrayList<>();
        swift.after("DELETE /" + BUCKET + "/k", s -> whenTheManifestWent.addAll(traces(s)));
        String answer = complete(handler);
        assertTrue(answer.contains("<Code>NoSuchUpload</Code>"), answer);
        assertEquals(List.of(SegmentsLayout.abortTrace(UPLOAD)), whenTheManifestWent,
                "its own trace first: a Complete that finds the marker finished or gone from now on rolls back too");
        assertNull(swift.get(BUCKET, "k"));
        assertEquals(List.of(), leftOf(UPLOAD), "parts and marker gone");
    }

    @Test
    void anAbortAloneDeletesEverything() {
        assertEquals(204, handler.abortMultipartUpload(call("DELETE", "")).status());
        assertEquals(List.of(), leftOf(UPLOAD));
        assertNull(swift.get(BUCKET, "k"));
    }

    @Test
    void aStaleClaimIsTakenOverAndAFreshOneWaitedFor() throws Exception {
        swift.put(SEGMENTS, SegmentsLayout.claim(UPLOAD), new byte[0], SegmentsLayout.CLAIM_CONTENT_TYPE,
                Map.of(ReservedMetadata.CLAIM_REFRESHED, Long.toString(Instant.now().toEpochMilli()),
                        ReservedMetadata.CLAIM_TOKEN, "x"));
        long started = System.nanoTime();
        String answer = complete(handler(Duration.ofMillis(600)));
        long waited = Duration.ofNanos(System.nanoTime() - started).toMillis();
        assertTrue(answer.contains("<CompleteMultipartUploadResult"), answer);
        assertTrue(waited >= 500, "waited for the claim to go stale: " + waited + " ms");
        assertEquals(List.of(SegmentsLayout.legacyPart(UPLOAD, 1), SegmentsLayout.legacyPart(UPLOAD, 2)), leftOf(UPLOAD),
                "the claim is gone too");
    }

    @Test
    void aCompleteWaitingForAClaimHeldElsewhereLooksAgainWithBackoff() throws Exception {
        // A claim refreshed, just as this Complete first tries to claim, by a gateway that then died: stale after
        // the (here 4 s) timeout.
        swift.put(SEGMENTS, SegmentsLayout.claim(UPLOAD), new byte[0], SegmentsLayout.CLAIM_CONTENT_TYPE,
                Map.of(ReservedMetadata.CLAIM_REFRESHED, Long.toString(Instant.now().toEpochMilli()),
                        ReservedMetadata.CLAIM_TOKEN, "x"));
        swift.after("PUT /" + SEGMENTS + "/" + SegmentsLayout.claim(UPLOAD), s -> s.put(SEGMENTS,
                SegmentsLayout.claim(UPLOAD), new byte[0], SegmentsLayout.CLAIM_CONTENT_TYPE, Map.of(ReservedMetadata.CLAIM_REFRESHED,
                        Long.toString(Instant.now().toEpochMilli()), ReservedMetadata.CLAIM_TOKEN, "x")));
        String answer = complete(handler(Duration.ofSeconds(4)));
        assertTrue(answer.contains("<CompleteMultipartUploadResult"), answer);
        List<Long> tries = swift.sent().stream()
                .filter(sent -> sent.request().equals("PUT /" + SEGMENTS + "/" + SegmentsLayout.claim(UPLOAD)))
                .map(FakeSwift.Sent::nanoTime).toList();
        long longestPause = 0;
        for (int i = 1; i < tries.size(); i++) {
            longestPause = Math.max(longestPause, Duration.ofNanos(tries.get(i) - tries.get(i - 1)).toMillis());
        }
        // 0.1 s, then twice as long each time up to the refresh interval (a quarter of 4 s), not every 0.25 s.
        assertTrue(longestPause >= 900, "looked at the claim " + tries.size() + " times, at most "
                + longestPause + " ms apart");
    }

    @Test
    void aClaimWithoutARefreshTimeCountsFromLastModified() throws Exception {
        // Last-Modified of FakeSwift is 2026-11-21T12:00Z; with a 60 s timeout a claim that old is stale.
        swift.put(SEGMENTS, SegmentsLayout.claim(UPLOAD), new byte[0], SegmentsLayout.CLAIM_CONTENT_TYPE, Map.of());
        String answer = complete(handler);
        assertTrue(answer.contains("<CompleteMultipartUploadResult"), answer);
    }

    @Test
    void aSecondCompleteInTheSameGatewayWaitsAndGivesTheSameAnswer() throws Exception {
        CompletableFuture<String> second = new CompletableFuture<>();
        swift.after("PUT /" + BUCKET + "/k", s -> new Thread(() -> {
            try {
                second.complete(complete(handler));
            } catch (Exception | AssertionError e) {
                second.completeExceptionally(e);
            }
        }).start());
        String first = complete(handler);
        String etag = first.substring(first.indexOf("<ETag>"), first.indexOf("</ETag>"));
        String secondAnswer = second.get(30, TimeUnit.SECONDS);
        assertTrue(secondAnswer.contains(etag), secondAnswer);
        assertEquals(1, swift.requests().stream().filter(r -> r.equals("PUT /" + BUCKET + "/k")).count(),
                "one manifest: the second Complete waited in this gateway instead of writing its own");
    }

    @Test
    void handlersSharingTheGatewaysLocksOrderACompleteAndAnAbortWithoutTheClaim() throws Exception {
        // The s3multi stage's handler and tus's, as one gateway builds them: one FinishLocks.
        FinishLocks gatewayLocks = new FinishLocks(Duration.ofSeconds(60));
        CompletionHandler s3multi = sharing(gatewayLocks);
        CompletionHandler tus = sharing(gatewayLocks);
        String claim = "/" + SEGMENTS + "/" + SegmentsLayout.claim(UPLOAD);
        CountDownLatch abortLooked = new CountDownLatch(1);
        CompletableFuture<Integer> abort = new CompletableFuture<>();
        // While the Complete writes its manifest, tus terminates the upload (an Abort) in the same gateway.
        swift.after("PUT /" + BUCKET + "/k", s -> {
            // The Abort's first request (the Complete waits here): its look at the marker, just before the lock.
            s.after("HEAD /" + SEGMENTS + "/" + SegmentsLayout.marker("k", UPLOAD), x -> abortLooked.countDown());
            new Thread(() -> {
                try {
                    abort.complete(tus.abortMultipartUpload(call("DELETE", "")).status());
                } catch (RuntimeException e) {
                    abort.completeExceptionally(e);
                }
            }).start();
            try {
                assertTrue(abortLooked.await(10, TimeUnit.SECONDS));
                Thread.sleep(300);   // time to reach the lock
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        });
        assertTrue(complete(s3multi).contains("<CompleteMultipartUploadResult"));
        S3Exception aborted = assertThrows(java.util.concurrent.ExecutionException.class,
                () -> abort.get(30, TimeUnit.SECONDS)).getCause() instanceof S3Exception e ? e : null;
        assertNotNull(aborted, "the Abort found the upload completed");
        assertEquals(S3ErrorCode.NO_SUCH_UPLOAD, aborted.code());
        List<String> claimRequests = swift.requests().stream().filter(r -> r.endsWith(claim))
                .map(r -> r.substring(0, r.indexOf(' '))).filter(m -> !m.equals("HEAD") && !m.equals("POST")).toList();
        assertEquals(List.of("PUT", "DELETE", "PUT", "DELETE"), claimRequests,
                "the Abort waited in this gateway and claimed only after the Complete released its claim");
        assertEquals(List.of(SegmentsLayout.legacyPart(UPLOAD, 1), SegmentsLayout.legacyPart(UPLOAD, 2)), leftOf(UPLOAD));
    }

    private static CompletionHandler sharing(FinishLocks locks) {
        MultipartSettings defaults = MultipartSettings.defaults();
        return new CompletionHandler(new MultipartSettings(0, defaults.maxPartNumber(), defaults.maxPartsListing(),
                defaults.maxUploadsListing(), Duration.ofMillis(50), Duration.ofSeconds(60)), () -> 1000,
                io.s3multi.s3.processing.ProcessingSteps.NONE, locks);
    }

    @Test
    void aClaimIsRefreshedWhileHeldAndReleasedAfter() throws Exception {
        UploadState state = new UploadState(swift.account(), BUCKET);
        Optional<Claim> claim = Claim.tryAcquire(swift.account(), state, UPLOAD, Claim.Purpose.COMPLETING,
                CLAIM_TIMEOUT, Clock.systemUTC());
        assertTrue(claim.isPresent());
        String first = swift.get(SEGMENTS, SegmentsLayout.claim(UPLOAD)).meta()
                .get(ReservedMetadata.CLAIM_REFRESHED.toLowerCase());
        assertTrue(Claim.tryAcquire(swift.account(), state, UPLOAD, Claim.Purpose.ABORTING, CLAIM_TIMEOUT,
                Clock.systemUTC()).isEmpty(), "held and fresh");
        CountDownLatch refreshed = new CountDownLatch(1);
        swift.after("POST /" + SEGMENTS + "/" + SegmentsLayout.claim(UPLOAD), s -> refreshed.countDown());
        assertTrue(refreshed.await(10, TimeUnit.SECONDS), "refreshed (every 500 ms)");
        String later = swift.get(SEGMENTS, SegmentsLayout.claim(UPLOAD)).meta()
                .get(ReservedMetadata.CLAIM_REFRESHED.toLowerCase());
        assertTrue(Long.parseLong(later) > Long.parseLong(first), first + " then " + later);
        assertTrue(Claim.tryAcquire(swift.account(), state, UPLOAD, Claim.Purpose.ABORTING, CLAIM_TIMEOUT,
                Clock.systemUTC()).isEmpty(), "refreshed, so still not stale");
        claim.get().release();
        assertNull(swift.get(SEGMENTS, SegmentsLayout.claim(UPLOAD)));
    }

    @Test
    void aHolderWhoseClaimWasTakenOverLeavesTheNewClaimAlone() throws Exception {
        UploadState state = new UploadState(swift.account(), BUCKET);
        Claim first = Claim.tryAcquire(swift.account(), state, UPLOAD, Claim.Purpose.COMPLETING,
                CLAIM_TIMEOUT, Clock.systemUTC()).orElseThrow();
        // Its clock says the claim is old: the second takes it over.
        Clock later = Clock.offset(Clock.systemUTC(), Duration.ofMinutes(5));
        Claim second = Claim.tryAcquire(swift.account(), state, UPLOAD, Claim.Purpose.ABORTING,
                CLAIM_TIMEOUT, later).orElseThrow();
        awaitLost(first);   // its refresh (every 500 ms) sees another token
        first.release();
        SwiftStore.StoredObject claim = swift.get(SEGMENTS, SegmentsLayout.claim(UPLOAD));
        assertNotNull(claim, "the second's claim survives the first's release");
        assertEquals("ABORTING", claim.meta().get(ReservedMetadata.CLAIM_STATE.toLowerCase()));
        second.release();
        assertNull(swift.get(SEGMENTS, SegmentsLayout.claim(UPLOAD)));
    }

    /** Waits (at most 10 s) until {@code claim}'s refresher has seen another holder's token and recorded the loss. */
    private static void awaitLost(Claim claim) {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
        while (!claim.isLost()) {
            assertTrue(System.nanoTime() < deadline, "the first holder never noticed the takeover");
            Thread.onSpinWait();
        }
    }

    @Test
    void aRetriedCompleteWhoseManifestFailsKeepsTheSubManifestsOfTheObjectAlreadyMade() throws Exception {
        // A gateway died after writing the manifest of UPLOAD (nested: 2 segments per manifest) at the key.
        String firstSubManifest = SegmentsLayout.subManifest(UPLOAD, 1, 0);
        String secondSubManifest = SegmentsLayout.subManifest(UPLOAD, 1, 1);
        swift.putManifest(SEGMENTS, firstSubManifest, List.of(SEGMENTS + "/" + SegmentsLayout.legacyPart(UPLOAD, 1)),
                Map.of());
        swift.putManifest(BUCKET, "k", List.of(SEGMENTS + "/" + firstSubManifest), completedAtK(UPLOAD));
        // The retry's own manifest fails (here: a sub-manifest vanishes before the object's manifest is written).
        swift.after("PUT /" + SEGMENTS + "/" + secondSubManifest, s -> s.delete(SEGMENTS, secondSubManifest));
        MultipartSettings defaults = MultipartSettings.defaults();
        CompletionHandler nesting = new CompletionHandler(new MultipartSettings(0, defaults.maxPartNumber(),
                defaults.maxPartsListing(), defaults.maxUploadsListing(), Duration.ofMillis(50),
                Duration.ofSeconds(60)), () -> 2);
        swift.put(SEGMENTS, SegmentsLayout.legacyPart(UPLOAD, 3), PART_2, PartContentType.of(null), Map.of());
        String body = "<CompleteMultipartUpload>"
                + "<Part><PartNumber>1</PartNumber><ETag>" + FakeSwift.md5(PART_1) + "</ETag></Part>"
                + "<Part><PartNumber>2</PartNumber><ETag>" + FakeSwift.md5(PART_2) + "</ETag></Part>"
                + "<Part><PartNumber>3</PartNumber><ETag>" + FakeSwift.md5(PART_2) + "</ETag></Part>"
                + "</CompleteMultipartUpload>";
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (S3Body answer = nesting.completeMultipartUpload(call("POST", body)).body()) {
            answer.writeTo(out);
        }
        assertTrue(out.toString(StandardCharsets.UTF_8).contains("<Error>"), out.toString(StandardCharsets.UTF_8));
        assertNotNull(swift.get(SEGMENTS, firstSubManifest), "the object at the key still reads through it");
        assertNotNull(swift.get(SEGMENTS, SegmentsLayout.marker("k", UPLOAD)), "the upload stays open for a retry");
    }

    @Test
    void theFakeSwiftReadsAManifestAsItsSegments() throws Exception {
        complete(handler);
        assertTheKeyReadsBothParts();
    }
}
