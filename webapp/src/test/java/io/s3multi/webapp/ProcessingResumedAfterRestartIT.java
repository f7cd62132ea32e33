package io.s3multi.webapp;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.s3multi.swift.SwiftAccount;
import io.s3multi.swift.SwiftBackend;
import io.s3multi.swift.SwiftClientConfig;
import io.s3multi.swift.SwiftHeaders;
import io.s3multi.webapp.s3.PatternStream;
import io.s3multi.webapp.s3.S3TestGateway;
import io.s3multi.webapp.s3.processing.PrivateClamd;
import io.s3multi.webapp.s3.processing.ProcessingStepsIT;
import io.s3multi.webapp.s3.processing.StagedUpload;
import io.s3multi.webapp.s3.processing.TestWebhook;
import io.s3multi.webapp.s3.tus.TusHttp;
import io.s3multi.webapp.s3.tus.TusProcessingIT;
import java.io.OutputStream;
import java.net.URI;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.s3.S3Client;

/**
 * A gateway process killed (SIGKILL) while an upload's processing steps run (clamav passed, the webhook is
 * answering): a new gateway process resumes the processing from the state in Swift, on the client's retried
 * Complete (S3), or when the client polls the status URL of a tus upload completed with
 * {@code Prefer: respond-async} (once the dead gateway's claim is stale). clamd is stopped before the restart, so
 * the object can only be published if the passed scan is not run again; the webhook is asked once more.
 */
class ProcessingResumedAfterRestartIT {

    private static final int PART = 1024 * 1024;
    private static final ObjectMapper JSON = new ObjectMapper();

    private final List<AutoCloseable> closeables = new ArrayList<>();
    private final String bucket = S3TestGateway.uniqueBucket();
    private SwiftBackend swiftBackend;

    @AfterEach
    void stop() throws Exception {
        for (AutoCloseable closeable : closeables) {
            closeable.close();
        }
        if (swiftBackend != null) {
            S3TestGateway.deleteBucketEverywhere(swiftBackend, swift(), bucket);
            swiftBackend.close();
        }
    }

    @Test
    void processingInterruptedByACrashResumesOnTheRetryAtARestartedGateway() throws Exception {
        swiftBackend = SwiftBackend.start(SwiftClientConfig.defaults(URI.create(S3TestGateway.SWIFT_URL)));
        PrivateClamd clamd = closing(PrivateClamd.start());
        TestWebhook webhook = closing(TestWebhook.start());
        Path conf = configuration(ProcessingStepsIT.configuration(clamd, webhook, "delete"));
        webhook.holdRequests();

        GatewayProcess first = closing(GatewayProcess.start(conf, "256m"));
        S3Client firstClient = closing(first.s3());
        firstClient.createBucket(b -> b.bucket(bucket));
        StagedUpload upload = StagedUpload.of(firstClient, bucket, "resumed.bin",
                new PatternStream(PART, 1).readAllBytes(), new PatternStream(1000, 2).readAllBytes());
        CompletableFuture<Void> firstComplete = CompletableFuture.runAsync(() -> upload.complete(firstClient));
        assertTrue(webhook.awaitFirstRequest(120), "processing reached the webhook");
        JsonNode state = processingState(upload.id());
        assertEquals("PROCESSING", state.path("state").asText(), state::toString);
        assertEquals("webhook", state.path("step").asText(), state::toString);
        assertEquals("[\"clamav\"]", state.path("passed").toString());

        first.kill();
        assertThrows(ExecutionException.class, () -> firstComplete.get(120, TimeUnit.SECONDS));
        clamd.close();
        webhook.script(TestWebhook.Answer.action("continue"));
        webhook.release();

        S3Client secondClient = closing(closing(GatewayProcess.start(conf, "256m")).s3());
        upload.complete(secondClient);

        assertArrayEquals(upload.bytes(), secondClient.getObjectAsBytes(b -> b.bucket(bucket).key("resumed.bin"))
                .asByteArray());
        assertEquals(1, webhook.received().size(), "the webhook is asked again, once");
        List<String> left = S3TestGateway.objectNames(swift(), bucket + "_segments");
        assertEquals(2, left.size(), left::toString);
        assertTrue(left.stream().allMatch(name -> name.startsWith("parts/")), "no marker, no state: " + left);
    }

    /** {@code base} for a gateway process, with the steps {@code clamav webhook} and a 4 s claim timeout. */
    @Test
    void aRespondAsyncCompletionCutByACrashIsFinishedByAnotherGatewayPolledAtTheStatusUrl() throws Exception {
        swiftBackend = SwiftBackend.start(SwiftClientConfig.defaults(URI.create(S3TestGateway.SWIFT_URL)));
        PrivateClamd clamd = closing(PrivateClamd.start());
        TestWebhook webhook = closing(TestWebhook.start());
        Path conf = configuration(TusProcessingIT.withTus(clamd, webhook));
        webhook.holdRequests();

        GatewayProcess first = closing(GatewayProcess.start(conf, "256m"));
        closing(first.s3()).createBucket(b -> b.bucket(bucket));
        TusHttp firstTus = new TusHttp(first.uri(""));
        byte[] bytes = new PatternStream(PART + 1000, 21).readAllBytes();
        String url = firstTus.create(bucket, bytes.length, TusProcessingIT.metadata("resumed.bin"));
        HttpResponse<String> patched = firstTus.patch(url, 0, bytes, Map.of("Prefer", "respond-async"));
        assertEquals(202, patched.statusCode(), patched.body());
        assertTrue(webhook.awaitFirstRequest(120), "processing reached the webhook");
        assertEquals("processing; step=webhook", TusHttp.header(firstTus.head(url), "Upload-Processing"));

        first.kill();
        clamd.close();
        webhook.script(TestWebhook.Answer.action("continue"));
        webhook.release();

        GatewayProcess second = closing(GatewayProcess.start(conf, "256m"));
        String moved = second.uri(URI.create(url).getRawPath()).toString();
        assertEquals("published", TusProcessingIT.awaitProcessing(new TusHttp(second.uri("")), moved, "published"));

        S3Client secondClient = closing(second.s3());
        assertArrayEquals(bytes, secondClient.getObjectAsBytes(b -> b.bucket(bucket).key("resumed.bin"))
                .asByteArray());
        assertEquals(1, webhook.received().size(), "the webhook is asked again, once; clamd not again");
        List<String> left = TusProcessingIT.afterCleanUp(swift(), bucket);
        assertEquals(2, left.size(), left::toString);
        assertTrue(left.stream().allMatch(name -> name.startsWith("parts/")), "no marker, no state: " + left);
    }

    private Path configuration(Properties properties) throws Exception {
        properties.remove("server.port");
        properties.setProperty("filter.s3multi.processing_steps", "clamav webhook");
        properties.setProperty("filter.s3multi.claim_timeout", "4");
        Path conf = Files.createTempFile(Path.of("target"), "processing-restart-", ".properties");
        try (OutputStream out = Files.newOutputStream(conf)) {
            properties.store(out, "ProcessingResumedAfterRestartIT");
        }
        return conf;
    }

    /** Closed after the test, the last registered first. */
    private <T extends AutoCloseable> T closing(T closeable) {
        closeables.add(0, closeable);
        return closeable;
    }

    private SwiftAccount swift() {
        return swiftBackend.tempAuthAccount(S3TestGateway.TESTER, S3TestGateway.TESTER_KEY);
    }

    private JsonNode processingState(String uploadId) throws Exception {
        try (var response = swift().objects().get(bucket + "_segments", "processing/" + uploadId,
                SwiftHeaders.empty())) {
            return JSON.readTree(response.body());
        }
    }
}
