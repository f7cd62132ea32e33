package io.s3multi.s3.multipart;

import io.s3multi.s3.contract.PartContentType;
import io.s3multi.s3.contract.ReservedMetadata;
import io.s3multi.s3.contract.SegmentsLayout;
import io.s3multi.s3.contract.UploadId;
import io.s3multi.s3.testing.FakeSwift;
import io.s3multi.s3.testing.FakeSwift.Answer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * The look a young upload's Complete takes at its key once no gateway can trust its bucket as segment-free any
 * more: the upload's segments go only when an unversioned key shows another object; the upload's own object,
 * nothing at the key, versioning, or a look that fails keeps them.
 */
class SkippedLookCheckTest {

    private static final String BUCKET = "bkt";
    private static final String SEGMENTS = "bkt_segments";
    private static final UploadId UPLOAD = UploadId.newId(Instant.parse("2026-12-07T18:00:00Z"));
    private static final List<String> PARTS =
            List.of(SegmentsLayout.legacyPart(UPLOAD, 1), SegmentsLayout.legacyPart(UPLOAD, 2));

    private FakeSwift swift;

    @BeforeEach
    void start() {
        swift = new FakeSwift();
        swift.createContainer(BUCKET);
        for (String part : PARTS) {
            swift.put(SEGMENTS, part, "part".getBytes(StandardCharsets.UTF_8), PartContentType.of(null), Map.of());
        }
    }

    @AfterEach
    void stop() {
        swift.close();
    }

    /** Schedules the check for much later and runs it now: what is left in the segments container. */
    private List<String> checked() {
        SkippedLookCheck.schedule(swift.account(), BUCKET, "k", UPLOAD, Instant.now().plus(Duration.ofHours(1)),
                Clock.systemUTC());
        SkippedLookCheck.runPendingForTests();
        return swift.names(SEGMENTS);
    }

    private void putPlainObject() {
        swift.put(BUCKET, "k", "small".getBytes(StandardCharsets.UTF_8), "text/plain", Map.of());
    }

    /** A plain object at the key, written {@code seconds} after the upload began (Swift's {@code X-Timestamp}). */
    private void plainObjectWritten(long seconds) {
        putPlainObject();
        swift.on("HEAD", "/bkt/k", Answer.of(200, "Content-Length", "5", "X-Timestamp",
                (UPLOAD.initiated().getEpochSecond() + seconds) + ".00000"));
    }

    @Test
    void theUploadsOwnObjectAtTheKeyKeepsItsSegmentsAndTheNewestReplicaIsAsked() {
        swift.putManifest(BUCKET, "k", PARTS.stream().map(part -> SEGMENTS + "/" + part).toList(), Map.of(
                ReservedMetadata.UPLOAD_ID, UPLOAD.value(), ReservedMetadata.OBJECT,
                ReservedMetadata.binding(BUCKET, "k")));
        assertEquals(PARTS, checked());
        FakeSwift.Call look = swift.calls().stream().filter(call -> call.method().equals("HEAD")).findFirst()
                .orElseThrow();
        assertEquals("true", look.header("X-Newest"), look.toString());
    }

    @Test
    void anotherObjectWrittenSinceAtAnUnversionedKeyTakesTheSegments() {
        plainObjectWritten(3);
        assertEquals(List.of(), checked());
    }

    /** A replica that missed the manifest shows what the key held before the upload began. */
    @Test
    void anObjectOlderThanTheUploadKeepsTheSegments() {
        plainObjectWritten(-10);
        assertEquals(PARTS, checked());
        putPlainObject();
        swift.on("HEAD", "/bkt/k", Answer.of(200, "Content-Length", "5"));
        assertEquals(PARTS, checked());
    }

    @Test
    void nothingAtTheKeyKeepsTheSegmentsForTheSweeper() {
        assertEquals(PARTS, checked());
    }

    @Test
    void withVersioningTheSegmentsStayForTheSweeper() {
        putPlainObject();
        swift.on("HEAD", "/bkt/k", Answer.of(200, "X-Object-Version-Id", "1796608640.37813", "X-Timestamp",
                (UPLOAD.initiated().getEpochSecond() + 3) + ".00000"));
        assertEquals(PARTS, checked());
        swift.on("HEAD", "/bkt/k", Answer.of(404, "X-Object-Version-Id", "null"));
        assertEquals(PARTS, checked());
    }

    @Test
    void aLookThatFailsKeepsTheSegments() {
        putPlainObject();
        swift.on("HEAD", "/bkt/k", Answer.of(500));
        assertEquals(PARTS, checked());
    }
}
