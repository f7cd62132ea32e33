package io.s3multi.s3.multipart;

import io.s3multi.s3.auth.RequestBody;
import io.s3multi.s3.contract.PartAttempt;
import io.s3multi.s3.contract.PartContentType;
import io.s3multi.s3.contract.SegmentsLayout;
import io.s3multi.s3.contract.UploadId;
import io.s3multi.s3.contract.UploadInfo;
import io.s3multi.s3.error.S3ErrorCode;
import io.s3multi.s3.error.S3Exception;
import io.s3multi.s3.http.RequestHead;
import io.s3multi.s3.operation.RequestBodySource;
import io.s3multi.s3.operation.S3Body;
import io.s3multi.s3.operation.S3Call;
import io.s3multi.s3.operation.S3Identity;
import io.s3multi.s3.request.S3RequestParser;
import io.s3multi.s3.testing.FakeSwift;
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
import java.util.concurrent.atomic.AtomicReference;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Part attempts racing their own retry and the Complete, against an in-memory Swift: the interleavings of a slow
 * first UploadPart whose segment PUT ends while (or after) the SDK's retry succeeded and the upload was completed.
 * Whatever the order, the object stays whole and {@code <bucket>_segments} ends up holding exactly the segments its
 * manifest names.
 */
class PartAttemptRaceTest {

    private static final String BUCKET = "bkt";
    private static final String SEGMENTS = "bkt_segments";
    private static final UploadId UPLOAD = UploadId.newId(Instant.parse("2026-11-21T11:00:00Z"));
    private static final byte[] PART_1 = "first part, ".getBytes(StandardCharsets.UTF_8);
    private static final byte[] PART_2 = "second part".getBytes(StandardCharsets.UTF_8);
    private static final String PART_1_PUT = "PUT /" + SEGMENTS + "/" + SegmentsLayout.partsPrefix(UPLOAD) + "00001";

    private FakeSwift swift;
    private final PartHandler parts = new PartHandler(settings());
    private final CompletionHandler completion = new CompletionHandler(settings(), () -> 1000);

    private static MultipartSettings settings() {
        MultipartSettings defaults = MultipartSettings.defaults();
        return new MultipartSettings(0, defaults.maxPartNumber(), defaults.maxPartsListing(),
                defaults.maxUploadsListing(), Duration.ofMillis(50), defaults.claimTimeout());
    }

    @BeforeEach
    void start() throws Exception {
        swift = new FakeSwift().createContainer(BUCKET);
        swift.put(SEGMENTS, SegmentsLayout.marker("k", UPLOAD), new byte[0], "application/x-s3multi-upload",
                Map.of());
    }

    @AfterEach
    void stop() {
        swift.close();
    }

    private S3Call call(String method, String query, byte[] body, Clock clock) {
        Map<String, List<String>> fields = new LinkedHashMap<>();
        fields.put("Host", List.of("127.0.0.1"));
        fields.put("Content-Length", List.of(Integer.toString(body.length)));
        RequestHead head = new RequestHead(method, "/" + BUCKET + "/k", query, fields);
        RequestBodySource source = alsoCompute -> RequestBody.open(new ByteArrayInputStream(body), head, null, null,
                alsoCompute);
        return new S3Call(new S3RequestParser().parse(head),
                new S3Identity("test:tester", "test:tester", "AUTH_test", "AUTH_test"), swift.account(), source,
                clock, "tx1");
    }

    private String uploadPart(int number, byte[] body, Clock clock) {
        return parts.uploadPart(call("PUT", "partNumber=" + number + "&uploadId=" + UPLOAD.value(), body, clock))
                .headers().get("ETag").get(0);
    }

    private String complete(String eTag1, String eTag2) throws Exception {
        String body = "<CompleteMultipartUpload>"
                + "<Part><PartNumber>1</PartNumber><ETag>" + eTag1 + "</ETag></Part>"
                + "<Part><PartNumber>2</PartNumber><ETag>" + eTag2 + "</ETag></Part>"
                + "</CompleteMultipartUpload>";
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (S3Body answer = completion.completeMultipartUpload(call("POST", "uploadId=" + UPLOAD.value(),
                body.getBytes(StandardCharsets.UTF_8), Clock.systemUTC())).body()) {
            answer.writeTo(out);
        }
        return out.toString(StandardCharsets.UTF_8);
    }

    /**
     * Once the first attempt of part 1 is stored, before it is answered (and checks its upload), the SDK's retry of
     * part 1 succeeds and the client completes the upload with the retry's ETag; the Complete's answer is set.
     */
    private AtomicReference<String> retryAndCompleteOnceTheFirstAttemptIsStored(String eTag2) {
        AtomicReference<String> completed = new AtomicReference<>();
        swift.afterFirst(request -> request.startsWith(PART_1_PUT), s -> {
            try {
                String retried = uploadPart(1, PART_1, Clock.systemUTC());
                completed.set(complete(retried, eTag2));
            } catch (Exception e) {
                throw new IllegalStateException(e);
            }
        });
        return completed;
    }

    /** The segment names the manifest at bkt/k lists, in order. */
    private List<String> namedByManifest() throws Exception {
        List<String> named = new ArrayList<>();
        swift.account().largeObjects().getManifest(BUCKET, "k")
                .forEach(entry -> named.add(entry.path().object()));
        return named;
    }

    private void assertWholeAndExactlyTheNamedSegmentsLeft() throws Exception {
        try (var object = swift.account().objects().get(BUCKET, "k", SwiftHeaders.empty())) {
            byte[] whole = new byte[PART_1.length + PART_2.length];
            System.arraycopy(PART_1, 0, whole, 0, PART_1.length);
            System.arraycopy(PART_2, 0, whole, PART_1.length, PART_2.length);
            assertArrayEquals(whole, object.body().readAllBytes());
        }
        List<String> left = swift.names(SEGMENTS).stream().filter(name -> name.startsWith("parts/")).toList();
        assertEquals(namedByManifest(), left, "exactly the segments the manifest names");
        assertEquals(List.of(), swift.names(SEGMENTS).stream().filter(name -> !name.startsWith("parts/")).toList(),
                "no marker, no claim");
    }

    @Test
    void aFirstAttemptLandingAfterItsRetryAndTheCompleteRemovesOnlyItself() throws Exception {
        String eTag2 = uploadPart(2, PART_2, Clock.systemUTC());
        AtomicReference<String> completed = retryAndCompleteOnceTheFirstAttemptIsStored(eTag2);
        S3Exception late = assertThrows(S3Exception.class, () -> uploadPart(1, PART_1, Clock.systemUTC()));
        assertEquals(S3ErrorCode.NO_SUCH_UPLOAD, late.code());
        assertTrue(completed.get().contains("<CompleteMultipartUploadResult"), completed.get());
        assertWholeAndExactlyTheNamedSegmentsLeft();
    }

    @Test
    void aLateAttemptThatTheCompleteChoseIsKept() throws Exception {
        String eTag2 = uploadPart(2, PART_2, Clock.systemUTC());
        // The first attempt's gateway has a clock ahead: of two attempts with the same bytes Complete chooses it,
        // and only then does it find the upload finished.
        Clock ahead = Clock.offset(Clock.systemUTC(), Duration.ofMinutes(1));
        AtomicReference<String> completed = retryAndCompleteOnceTheFirstAttemptIsStored(eTag2);
        assertThrows(S3Exception.class, () -> uploadPart(1, PART_1, ahead));
        assertTrue(completed.get().contains("<CompleteMultipartUploadResult"), completed.get());
        assertTrue(namedByManifest().get(0).compareTo(SegmentsLayout.part(UPLOAD, 1,
                PartAttempt.begunAt(Instant.now().plusSeconds(30)))) > 0, "the late attempt was chosen");
        assertWholeAndExactlyTheNamedSegmentsLeft();
    }

    @Test
    void aLegacyPartAndANewAttemptOfItCompleteWithTheOneNamed() throws Exception {
        // Part 1 uploaded by a gateway of the previous layout; the client uploads it again after the upgrade.
        swift.put(SEGMENTS, SegmentsLayout.legacyPart(UPLOAD, 1), PART_2, PartContentType.of(null), Map.of());
        String eTag1 = uploadPart(1, PART_1, Clock.systemUTC());
        String eTag2 = uploadPart(2, PART_2, Clock.systemUTC());
        assertTrue(complete(eTag1, eTag2).contains("<CompleteMultipartUploadResult"));
        assertWholeAndExactlyTheNamedSegmentsLeft();
    }

    @Test
    void aCompleteWhoseCleanUpSwiftRefusesLeavesAFinishedMarkerNotAnUploadInProgress() throws Exception {
        String eTag1 = uploadPart(1, PART_1, Clock.systemUTC());
        String eTag2 = uploadPart(2, PART_2, Clock.systemUTC());
        uploadPart(2, "an attempt the client does not name".getBytes(StandardCharsets.UTF_8), Clock.systemUTC());
        // Swift answers 503 to every DELETE of the marker and every bulk delete, however often it is asked.
        swift.failing(request -> request.startsWith("DELETE /" + SEGMENTS + "/uploads/"), 503, Integer.MAX_VALUE)
                .failing(request -> request.equals("POST "), 503, Integer.MAX_VALUE);
        assertTrue(complete(eTag1, eTag2).contains("<CompleteMultipartUploadResult"));

        UploadsPage listed = UploadsPage.read(new UploadsPage.Request(null, null, null, null, 1000),
                query -> swift.account().containers().listObjects(SEGMENTS, query).entries());
        assertEquals(List.of(), listed.entries(), "a completed upload is not in progress");
        String marker = SegmentsLayout.marker("k", UPLOAD);
        assertTrue(UploadInfo.isFinishedMarker(swift.get(SEGMENTS, marker).contentType()),
                "the marker is left marked finished, for the sweeper: " + swift.get(SEGMENTS, marker).contentType());
        S3Exception abort = assertThrows(S3Exception.class,
                () -> completion.abortMultipartUpload(call("DELETE", "uploadId=" + UPLOAD.value(), new byte[0],
                        Clock.systemUTC())));
        assertEquals(S3ErrorCode.NO_SUCH_UPLOAD, abort.code());
        assertThrows(S3Exception.class, () -> uploadPart(3, PART_1, Clock.systemUTC()));
        assertEquals(3, swift.names(SEGMENTS).stream().filter(name -> name.startsWith("parts/")).count(),
                "the unnamed attempt stays for the sweeper: " + swift.names(SEGMENTS));
    }

    @Test
    void aCompleteRetriesItsCleanUpThroughABriefStormOf503s() throws Exception {
        String eTag1 = uploadPart(1, PART_1, Clock.systemUTC());
        String eTag2 = uploadPart(2, PART_2, Clock.systemUTC());
        uploadPart(1, "an attempt the client does not name".getBytes(StandardCharsets.UTF_8), Clock.systemUTC());
        swift.failing(request -> request.startsWith("DELETE /" + SEGMENTS + "/uploads/"), 503, 2)
                .failing(request -> request.equals("POST "), 503, 2);
        assertTrue(complete(eTag1, eTag2).contains("<CompleteMultipartUploadResult"));
        assertWholeAndExactlyTheNamedSegmentsLeft();
    }
}
