package io.s3multi.webapp.s3.processing;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.s3multi.swift.SwiftHeaders;
import io.s3multi.webapp.s3.PatternStream;
import io.s3multi.webapp.s3.S3TestGateway;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Properties;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.model.S3Exception;

/**
 * Processing steps before publishing, for S3 CompleteMultipartUpload, against the dev Swift, a real clamd
 * ({@code dev/clamd}, the EICAR test signature) and a webhook served by the test: steps
 * {@code checksum clamav webhook}, rejected uploads deleted. An object appears at its key only once every step
 * passed; what Swift holds afterwards is listed.
 */
public class ProcessingStepsIT extends ProcessingGatewayTest {

    private static final int PART = 1024 * 1024;
    private static final ObjectMapper JSON = new ObjectMapper();

    @Override
    protected Properties configuration(PrivateClamd privateClamd, TestWebhook testWebhook) {
        return configuration(privateClamd, testWebhook, "delete");
    }

    /** The test gateway's configuration with the three steps, a fast webhook backoff and 1 MiB parts. */
    public static Properties configuration(PrivateClamd clamd, TestWebhook webhook, String rejected) {
        Properties properties = S3TestGateway.configuration();
        properties.setProperty("filter.s3multi.min_part_size", Integer.toString(PART));
        properties.setProperty("filter.s3multi.processing_steps", "checksum clamav webhook");
        properties.setProperty("filter.s3multi.processing_clamd_address", clamd.address());
        properties.setProperty("filter.s3multi.processing_webhook_url", webhook.url());
        properties.setProperty("filter.s3multi.processing_webhook_backoff", "0.2");
        properties.setProperty("filter.s3multi.processing_webhook_attempts", "4");
        properties.setProperty("filter.s3multi.processing_rejected", rejected);
        return properties;
    }

    /** The EICAR test file, put together here so that the source itself is no test file. */
    public static byte[] eicar() {
        return ("X5O!P%@AP[4\\PZX54(P^)7CC)7}$" + "EICAR-STANDARD-ANTIVIRUS-TEST-FILE!$H+H*")
                .getBytes(StandardCharsets.US_ASCII);
    }

    @Test
    void anEicarFileUploadedByMultipartIsRefusedByClamdNeverPublishedAndDeleted() throws Exception {
        webhook.script();
        StagedUpload upload = StagedUpload.of(s3(), bucket, "infected.bin", pattern(PART, 1), eicar());

        S3Exception refused = assertThrows(S3Exception.class, () -> upload.complete(s3()));

        assertEquals("AccessDenied", refused.awsErrorDetails().errorCode());
        assertTrue(refused.getMessage().contains("S3multi.Test.EICAR"), refused.getMessage());
        assertEquals(404, assertThrows(S3Exception.class,
                () -> s3().headObject(b -> b.bucket(bucket).key("infected.bin"))).statusCode());
        assertEquals(List.of(), S3TestGateway.objectNames(gateway.swift(), bucket), "nothing at the key");
        assertEquals(List.of("processing/" + upload.id()), S3TestGateway.segmentsBesidesAbortTraces(gateway.swift(),
                bucket), "parts and marker deleted");
        assertTrue(segmentNames().contains("aborts/" + upload.id()),
                "the delete verdict is an abort: it leaves its trace");
        JsonNode state = processingState(upload.id());
        assertEquals("REJECTED", state.path("state").asText());
        assertEquals("clamav", state.path("step").asText());
        assertEquals(List.of(), webhook.received(), "the webhook comes after clamav");
    }

    @Test
    void aCleanFileIsPublishedAfterEveryStep() throws Exception {
        webhook.script(TestWebhook.Answer.action("continue"));
        StagedUpload upload = StagedUpload.of(s3(), bucket, "clean.bin", pattern(PART, 2), pattern(1000, 3));

        upload.complete(s3());

        assertArrayEquals(upload.bytes(), s3().getObjectAsBytes(b -> b.bucket(bucket).key("clean.bin"))
                .asByteArray());
        List<String> left = segmentNames();
        assertEquals(2, left.size(), left::toString);
        assertTrue(left.stream().allMatch(name -> name.startsWith("parts/")), "no marker, no state: " + left);
        JsonNode asked = webhook.received().get(0);
        assertEquals(1, webhook.received().size());
        assertEquals(bucket, asked.path("bucket").asText());
        assertEquals("clean.bin", asked.path("key").asText());
        assertEquals(upload.id(), asked.path("uploadId").asText());
        assertEquals(PART + 1000, asked.path("size").asLong());
    }

    @Test
    void aFailingWebhookIsRetriedUntilItAnswers() throws Exception {
        webhook.script(new TestWebhook.Answer(500, "{}"), new TestWebhook.Answer(200, null),
                new TestWebhook.Answer(503, ""), TestWebhook.Answer.action("continue"));
        StagedUpload upload = StagedUpload.of(s3(), bucket, "retried.bin", pattern(PART, 4), pattern(10, 5));

        upload.complete(s3());

        assertArrayEquals(upload.bytes(), s3().getObjectAsBytes(b -> b.bucket(bucket).key("retried.bin"))
                .asByteArray());
        List<Integer> attempts = webhook.received().stream().map(sent -> sent.path("attempt").asInt()).toList();
        assertEquals(List.of(1, 2, 3, 4), attempts);
    }

    @Test
    void aWebhookThatAbortsKeepsTheUploadUnpublished() throws Exception {
        webhook.script(TestWebhook.Answer.action("abort"));
        StagedUpload upload = StagedUpload.of(s3(), bucket, "held.bin", pattern(PART, 6), pattern(10, 7));

        S3Exception refused = assertThrows(S3Exception.class, () -> upload.complete(s3()));

        assertEquals("AccessDenied", refused.awsErrorDetails().errorCode());
        assertTrue(refused.getMessage().contains("the test's webhook said abort"), refused.getMessage());
        assertEquals(List.of(), S3TestGateway.objectNames(gateway.swift(), bucket), "nothing at the key");
        assertEquals(List.of(upload.id()), s3().listMultipartUploads(b -> b.bucket(bucket)).uploads().stream()
                .map(listed -> listed.uploadId()).toList(), "the upload is kept");
        assertEquals(2, segmentNames().stream().filter(name -> name.startsWith("parts/")).count());

        s3().abortMultipartUpload(b -> b.bucket(bucket).key("held.bin").uploadId(upload.id()));
        assertEquals(List.of(), S3TestGateway.segmentsBesidesAbortTraces(gateway.swift(), bucket),
                "abort removes the parts, the marker and the state (its trace stays)");
    }

    private S3Client s3() {
        return gateway.s3();
    }

    private List<String> segmentNames() throws Exception {
        return S3TestGateway.objectNames(gateway.swift(), bucket + "_segments");
    }

    private JsonNode processingState(String uploadId) throws Exception {
        try (var state = gateway.swift().objects().get(bucket + "_segments", "processing/" + uploadId,
                SwiftHeaders.empty())) {
            return JSON.readTree(state.body());
        }
    }

    private static byte[] pattern(int size, long seed) throws IOException {
        return new PatternStream(size, seed).readAllBytes();
    }
}
