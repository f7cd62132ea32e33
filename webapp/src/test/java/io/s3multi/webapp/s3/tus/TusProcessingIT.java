package io.s3multi.webapp.s3.tus;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.s3multi.s3.background.BucketWork;
import io.s3multi.s3.background.Checkpoint;
import io.s3multi.s3.background.Pacer;
import io.s3multi.s3.multipart.MultipartSettings;
import io.s3multi.s3.sweep.OrphanSweeper;
import io.s3multi.swift.SwiftAccount;
import io.s3multi.webapp.s3.PatternStream;
import io.s3multi.webapp.s3.S3TestGateway;
import io.s3multi.webapp.s3.processing.PrivateClamd;
import io.s3multi.webapp.s3.processing.ProcessingGatewayTest;
import io.s3multi.webapp.s3.processing.ProcessingStepsIT;
import io.s3multi.webapp.s3.processing.TestWebhook;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.core.sync.RequestBody;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.model.S3Exception;

/**
 * Processing steps for tus uploads (issue #18 item 4), against the dev Swift, a real clamd ({@code dev/clamd}, the
 * EICAR test signature) and a webhook served by the test: {@code Prefer: respond-async} answers 202 and the upload's
 * URL (HEAD, {@code Upload-Processing}) reports processing, then published or rejected; an EICAR file is refused and
 * deleted (the configured disposition); the sweeper removes expired tus uploads and stale processing states.
 */
public class TusProcessingIT extends ProcessingGatewayTest {

    private static final int PART = 1024 * 1024;
    private static final Duration EXPIRATION = Duration.ofMinutes(10);

    private TusHttp tus;

    @Override
    protected Properties configuration(PrivateClamd privateClamd, TestWebhook testWebhook) {
        Properties properties = withTus(privateClamd, testWebhook);
        properties.setProperty("filter.tus.expiration", Long.toString(EXPIRATION.toSeconds()));
        return properties;
    }

    @BeforeEach
    void tusClient() {
        tus = new TusHttp(gateway.endpoint());
    }

    /**
     * A gateway with tus in its pipeline and the steps {@code checksum clamav webhook} (see
     * {@link ProcessingStepsIT#configuration}), rejected uploads deleted.
     */
    public static Properties withTus(PrivateClamd clamd, TestWebhook webhook) {
        Properties properties = ProcessingStepsIT.configuration(clamd, webhook, "delete");
        Properties withTus = TusHttp.configuration();
        for (String name : withTus.stringPropertyNames()) {
            if (name.equals("pipeline") || name.startsWith("filter.tus.")) {
                properties.setProperty(name, withTus.getProperty(name));
            }
        }
        return properties;
    }

    @Test
    void respondAsyncAnswers202AndTheStatusUrlReportsProcessingThenPublished() throws Exception {
        webhook.script(TestWebhook.Answer.action("continue"));
        webhook.holdRequests();
        byte[] bytes = pattern(PART + 1000, 11);
        String url = tus.create(bucket, bytes.length, metadata("async.bin"));

        HttpResponse<String> patched = tus.patch(url, 0, bytes, Map.of("Prefer", "respond-async"));

        assertEquals(202, patched.statusCode(), patched.body());
        assertEquals(url, TusHttp.header(patched, "Location"), "the status URL is the upload's");
        assertEquals("respond-async", TusHttp.header(patched, "Preference-Applied"));
        assertEquals(Integer.toString(bytes.length), TusHttp.header(patched, "Upload-Offset"));
        assertEquals("processing", TusHttp.header(patched, "Upload-Processing"));
        // The webhook holds its answer: the status URL shows the step at work, and nothing is at the key.
        assertEquals("processing; step=webhook", awaitProcessing(url, "processing; step=webhook"));
        assertEquals(404, assertThrows(S3Exception.class,
                () -> s3().headObject(b -> b.bucket(bucket).key("async.bin"))).statusCode());

        webhook.release();
        assertEquals("published", awaitProcessing(url, "published"));
        assertArrayEquals(bytes, s3().getObjectAsBytes(b -> b.bucket(bucket).key("async.bin")).asByteArray());
        List<String> left = afterCleanUp(gateway.swift(), bucket);
        assertEquals(2, left.size(), left::toString);
        assertTrue(left.stream().allMatch(name -> name.startsWith("parts/")), "no marker, no state: " + left);
    }

    @Test
    void aWebhookAbortUnderRespondAsyncIsReportedRejectedAndNeverPublished() throws Exception {
        webhook.script(TestWebhook.Answer.action("abort"));
        byte[] bytes = pattern(2000, 12);
        String url = tus.create(bucket, bytes.length, metadata("held.bin"));

        HttpResponse<String> patched = tus.patch(url, 0, bytes, Map.of("Prefer", "respond-async"));

        assertEquals(202, patched.statusCode(), patched.body());
        String status = awaitProcessing(url, "rejected");
        assertEquals("rejected; step=webhook; reason=\"the test's webhook said abort\"", status);
        assertNeverVisible("held.bin");
        List<String> left = segmentNames();
        assertEquals(List.of("parts/", "processing/", "uploads/"), left.stream()
                .map(name -> name.substring(0, name.indexOf('/') + 1)).distinct().sorted().toList(),
                "the webhook's abort keeps the upload and its state: " + left);
    }

    @Test
    void anEicarFileUploadedByTusIsRefusedByClamdNeverVisibleAndDeletedWhileACleanOneIsPublished()
            throws Exception {
        webhook.script();
        byte[] eicar = ProcessingStepsIT.eicar();
        String infected = tus.create(bucket, eicar.length, metadata("infected.txt"));

        HttpResponse<String> refused = tus.patch(infected, 0, eicar, Map.of());

        assertEquals(403, refused.statusCode(), refused.body());
        HttpResponse<String> status = tus.head(infected);
        assertEquals(410, status.statusCode(), "rejected and deleted");
        String processing = TusHttp.header(status, "Upload-Processing");
        assertTrue(processing.startsWith("rejected; step=clamav; reason=\"clamd found S3multi.Test.EICAR"),
                processing);
        assertNeverVisible("infected.txt");
        assertEquals(List.of("processing/" + uploadId(infected)), S3TestGateway.segmentsBesidesAbortTraces(gateway.swift(), bucket),
                "processing_rejected = delete: parts and marker deleted, the verdict kept");
        assertTrue(segmentNames().contains("aborts/" + uploadId(infected)),
                "the delete is an abort: it leaves its trace");
        assertEquals(List.of(), webhook.received(), "the webhook comes after clamav");

        byte[] clean = pattern(PART + 10, 13);
        String published = tus.create(bucket, clean.length, metadata("clean.bin"));
        assertEquals(204, tus.patch(published, 0, clean, Map.of()).statusCode());
        assertArrayEquals(clean, s3().getObjectAsBytes(b -> b.bucket(bucket).key("clean.bin")).asByteArray());
        assertEquals("published", TusHttp.header(tus.head(published), "Upload-Processing"));
    }

    @Test
    void aCreationWithUploadThatCompletesUnderRespondAsyncAnswers202() throws Exception {
        webhook.script(TestWebhook.Answer.action("continue"));
        byte[] bytes = pattern(3000, 14);
        Map<String, String> headers = TusHttp.headers("Tus-Resumable", TusHttp.VERSION,
                "Upload-Length", Integer.toString(bytes.length), "Content-Type", "application/offset+octet-stream",
                "Prefer", "respond-async");
        headers.putAll(metadata("created.bin"));

        HttpResponse<String> created = tus.createSigned(bucket, headers, bytes);

        assertEquals(202, created.statusCode(), created.body());
        String url = TusHttp.header(created, "Location");
        assertEquals(Integer.toString(bytes.length), TusHttp.header(created, "Upload-Offset"));
        assertEquals("published", awaitProcessing(url, "published"));
        assertArrayEquals(bytes, s3().getObjectAsBytes(b -> b.bucket(bucket).key("created.bin")).asByteArray());
    }

    @Test
    void theSweeperRemovesExpiredTusUploadsAndStaleProcessingStates() throws Exception {
        webhook.script(TestWebhook.Answer.action("abort"));
        String unfinished = tus.create(bucket, 10, metadata("unfinished.bin"));
        assertEquals(204, tus.patch(unfinished, 0, "abcd".getBytes(StandardCharsets.US_ASCII), Map.of())
                .statusCode());
        String kept = tus.create(bucket, 4, metadata("kept.bin"));
        assertEquals(403, tus.patch(kept, 0, "efgh".getBytes(StandardCharsets.US_ASCII), Map.of()).statusCode(),
                "the webhook aborts: rejected, kept");
        byte[] eicar = ProcessingStepsIT.eicar();
        String deleted = tus.create(bucket, eicar.length, metadata("deleted.txt"));
        assertEquals(403, tus.patch(deleted, 0, eicar, Map.of()).statusCode(), "clamd: rejected, deleted");
        // An S3 multipart upload in progress never expires: the sweeper leaves it.
        String s3Upload = s3().createMultipartUpload(b -> b.bucket(bucket).key("s3.bin")).uploadId();
        s3().uploadPart(b -> b.bucket(bucket).key("s3.bin").uploadId(s3Upload).partNumber(1),
                RequestBody.fromString("part"));
        List<String> before = segmentNames();
        assertEquals(3, before.stream().filter(name -> name.startsWith("uploads/")).count(), before::toString);
        assertEquals(2, before.stream().filter(name -> name.startsWith("processing/")).count(), before::toString);

        List<String> log = sweep(Clock.fixed(Instant.now().plus(EXPIRATION).plusSeconds(60), ZoneOffset.UTC));

        List<String> left = S3TestGateway.segmentsBesidesAbortTraces(gateway.swift(), bucket);
        assertEquals(2, left.size(), "only the S3 upload is left: " + left + "\nsweep: " + log);
        List<String> traces = segmentNames().stream().filter(name -> name.startsWith("aborts/")).toList();
        assertEquals(List.of(uploadId(unfinished), uploadId(kept)).stream().sorted().toList(), traces.stream()
                .map(name -> name.split("/")[1]).sorted().toList(), "the sweeper's aborts leave their traces");
        assertTrue(left.stream().allMatch(name -> name.contains(s3Upload)), left::toString);
        assertEquals(2, log.stream().filter(line -> line.startsWith("expire ")).count(), log::toString);
        assertEquals(404, tus.head(unfinished).statusCode());
        assertEquals(404, tus.head(deleted).statusCode(), "its processing state is gone too");
        assertEquals(List.of(s3Upload), s3().listMultipartUploads(b -> b.bucket(bucket)).uploads().stream()
                .map(upload -> upload.uploadId()).toList());
    }

    /** HEADs the upload's URL until its {@code Upload-Processing} starts with {@code expected} (at most 60 s). */
    public static String awaitProcessing(TusHttp client, String url, String expected) throws InterruptedException {
        long deadline = System.nanoTime() + Duration.ofSeconds(60).toNanos();
        String seen = null;
        while (System.nanoTime() < deadline) {
            seen = TusHttp.header(client.head(url), "Upload-Processing");
            if (seen != null && seen.startsWith(expected)) {
                return seen;
            }
            Thread.sleep(100);   // polling the status URL, as a client does
        }
        throw new AssertionError("Upload-Processing did not become " + expected + " within 60 s; last: " + seen);
    }

    /**
     * The names in {@code <bucket>_segments} once the clean-up that follows publishing is done (at most 30 s):
     * {@code published} means the object is at its key; the marker and the processing state are deleted after that.
     */
    public static List<String> afterCleanUp(SwiftAccount swift, String bucket) throws Exception {
        long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
        List<String> names = S3TestGateway.objectNames(swift, bucket + "_segments");
        while (!names.stream().allMatch(name -> name.startsWith("parts/")) && System.nanoTime() < deadline) {
            Thread.sleep(100);   // the clean-up runs on in the background after the status said published
            names = S3TestGateway.objectNames(swift, bucket + "_segments");
        }
        return names;
    }

    private String awaitProcessing(String url, String expected) throws InterruptedException {
        return awaitProcessing(tus, url, expected);
    }

    private void assertNeverVisible(String key) throws Exception {
        assertEquals(404, assertThrows(S3Exception.class,
                () -> s3().headObject(b -> b.bucket(bucket).key(key))).statusCode());
        assertEquals(List.of(), s3().listObjectsV2(b -> b.bucket(bucket)).contents());
        assertEquals(List.of(), S3TestGateway.objectNames(gateway.swift(), bucket), "nothing at the key");
    }

    private List<String> sweep(Clock clock) throws Exception {
        List<String> log = Collections.synchronizedList(new ArrayList<>());
        new OrphanSweeper(Duration.ofMinutes(1), MultipartSettings.DEFAULT_CLAIM_TIMEOUT).run(new BucketWork(bucket, gateway.swift(), Pacer.UNPACED,
                Checkpoint.NONE, () -> true, clock, false, (container, object, action, reason, performed) ->
                        log.add(action + " " + object + " (" + reason + ", performed " + performed + ")")));
        return log;
    }

    /** The upload id a tus URL names (its last segment starts with it). */
    static String uploadId(String url) {
        String last = url.substring(url.lastIndexOf('/') + 1);
        return last.substring(0, last.indexOf('.'));
    }

    public static Map<String, String> metadata(String filename) {
        return TusHttp.headers("Upload-Metadata", "filename "
                + Base64.getEncoder().encodeToString(filename.getBytes(StandardCharsets.UTF_8)));
    }

    private S3Client s3() {
        return gateway.s3();
    }

    private List<String> segmentNames() throws Exception {
        return S3TestGateway.objectNames(gateway.swift(), bucket + "_segments");
    }

    private static byte[] pattern(int size, long seed) throws Exception {
        return new PatternStream(size, seed).readAllBytes();
    }
}
