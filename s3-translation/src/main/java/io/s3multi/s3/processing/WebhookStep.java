package io.s3multi.s3.processing;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.Locale;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Asks an HTTP service whether to publish. The gateway POSTs JSON
 * {@code {"bucket","key","uploadId","size","contentType","metadata":{...},"attempt":n}} and expects
 * a 2xx answer {@code {"action":"continue"|"abort"|"delete"|"retry","reason":"...","retryAfter":seconds}}
 * (204 without a body means continue): {@code abort} rejects and keeps the upload, {@code delete} rejects and deletes
 * it, {@code retry} asks again later. Any other answer, a broken connection or unreadable JSON is a failure, retried
 * too; the pause starts at the configured backoff and doubles. After the last attempt the step has no verdict: the
 * upload stays unpublished and a retried Complete asks again.
 */
record WebhookStep(URI url, int attempts, Duration backoff) implements Step {

    private static final Logger LOG = LoggerFactory.getLogger(WebhookStep.class);
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Duration REQUEST_TIMEOUT = Duration.ofSeconds(60);
    private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10)).build();

    @Override
    public String name() {
        return ProcessingSettings.WEBHOOK;
    }

    @Override
    public Outcome run(ProcessedUpload upload) throws IOException, InterruptedException {
        Duration pause = backoff;
        String last = "";
        for (int attempt = 1; attempt <= attempts; attempt++) {
            if (attempt > 1) {
                Thread.sleep(pause.toMillis());
                pause = pause.multipliedBy(2);
            }
            JsonNode answer;
            try {
                answer = ask(upload, attempt);
            } catch (IOException e) {
                last = e.getMessage();
                LOG.warn("webhook {} failed for upload {} (attempt {} of {}): {}", url, upload.upload().uploadId(),
                        attempt, attempts, last);
                continue;
            }
            String action = answer.path("action").asText("").toLowerCase(Locale.ROOT);
            String reason = answer.path("reason").asText("the webhook answered " + action);
            switch (action) {
                case "continue":
                    return Outcome.PASS;
                case "abort":
                    return Outcome.reject(false, reason);
                case "delete":
                    return Outcome.reject(true, reason);
                case "retry":
                    last = "the webhook asked to retry";
                    if (answer.has("retryAfter")) {
                        pause = Duration.ofSeconds(Math.max(0, answer.path("retryAfter").asLong()));
                    }
                    break;
                default:
                    last = "the webhook answered an unknown action '" + action + "'";
                    LOG.warn("{} for upload {}", last, upload.upload().uploadId());
            }
        }
        throw new IOException("no verdict from the webhook after " + attempts + " attempts: " + last);
    }

    private JsonNode ask(ProcessedUpload upload, int attempt) throws IOException, InterruptedException {
        HttpResponse<byte[]> response = HTTP.send(HttpRequest.newBuilder(url).timeout(REQUEST_TIMEOUT)
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofByteArray(JSON.writeValueAsBytes(request(upload, attempt))))
                .build(), HttpResponse.BodyHandlers.ofByteArray());
        if (response.statusCode() == 204) {
            return JSON.createObjectNode().put("action", "continue");
        }
        if (response.statusCode() / 100 != 2) {
            throw new IOException("the webhook answered HTTP " + response.statusCode());
        }
        return JSON.readTree(response.body());
    }

    private static ObjectNode request(ProcessedUpload upload, int attempt) {
        ObjectNode body = JSON.createObjectNode();
        body.put("bucket", upload.bucket());
        body.put("key", upload.upload().key());
        body.put("uploadId", upload.upload().uploadId().value());
        body.put("size", upload.size());
        body.put("contentType", upload.upload().contentType());
        ObjectNode metadata = body.putObject("metadata");
        upload.upload().userMetadata().forEach(metadata::put);
        body.put("attempt", attempt);
        return body;
    }
}
