package io.s3multi.s3.processing;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.s3multi.s3.contract.SegmentsLayout;
import io.s3multi.s3.contract.UploadId;
import io.s3multi.swift.SwiftAccount;
import io.s3multi.swift.SwiftHeaders;
import io.s3multi.swift.error.SwiftException;
import io.s3multi.swift.error.SwiftHttpStatusException;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;

/**
 * The processing state of one upload as stored in Swift ({@link SegmentsLayout#processing}), so that any gateway
 * resumes after the last step passed and answers the same status:
 * {@code {"state":"PROCESSING","passed":["checksum"],"step":"clamav","reason":""}}.
 *
 * @param status the state, the step at work or that rejected, the reason of a rejection
 * @param passed the steps passed so far, in order
 */
record ProcessingRecord(ProcessingStatus status, List<String> passed) {

    private static final ObjectMapper JSON = new ObjectMapper();

    ProcessingRecord {
        passed = List.copyOf(passed);
    }

    static ProcessingRecord fresh() {
        return new ProcessingRecord(ProcessingStatus.none(), List.of());
    }

    ProcessingRecord working(String step) {
        return new ProcessingRecord(new ProcessingStatus(ProcessingStatus.State.PROCESSING, step, ""), passed);
    }

    ProcessingRecord passedStep(String step) {
        List<String> more = new ArrayList<>(passed);
        more.add(step);
        return new ProcessingRecord(new ProcessingStatus(ProcessingStatus.State.PROCESSING, "", ""), more);
    }

    ProcessingRecord ended(ProcessingStatus.State state, String step, String reason) {
        return new ProcessingRecord(new ProcessingStatus(state, step, reason), passed);
    }

    /** The upload's record; {@link #fresh()} when Swift holds none. */
    static ProcessingRecord read(SwiftAccount swift, String bucket, UploadId uploadId) throws SwiftException {
        try (var response = swift.objects().get(SegmentsLayout.container(bucket),
                SegmentsLayout.processing(uploadId), SwiftHeaders.empty())) {
            return parse(response.body().readAllBytes());
        } catch (SwiftHttpStatusException e) {
            if (e.status() == 404) {
                return fresh();
            }
            throw e;
        } catch (IOException e) {
            throw new UncheckedIOException("reading the processing state of upload " + uploadId, e);
        }
    }

    void write(SwiftAccount swift, String bucket, UploadId uploadId) throws SwiftException {
        ObjectNode node = JSON.createObjectNode();
        node.put("state", status.state().name());
        node.put("step", status.step());
        node.put("reason", status.reason());
        passed.forEach(node.putArray("passed")::add);
        try {
            swift.objects().put(SegmentsLayout.container(bucket), SegmentsLayout.processing(uploadId),
                    JSON.writeValueAsBytes(node), SwiftHeaders.of("Content-Type", "application/json"));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static void delete(SwiftAccount swift, String bucket, UploadId uploadId) throws SwiftException {
        try {
            swift.objects().delete(SegmentsLayout.container(bucket), SegmentsLayout.processing(uploadId),
                    SwiftHeaders.empty());
        } catch (SwiftHttpStatusException e) {
            if (e.status() != 404) {
                throw e;
            }
        }
    }

    private static ProcessingRecord parse(byte[] bytes) throws IOException {
        JsonNode node = JSON.readTree(bytes);
        List<String> passed = new ArrayList<>();
        node.path("passed").forEach(step -> passed.add(step.asText()));
        ProcessingStatus.State state = ProcessingStatus.State.valueOf(node.path("state").asText("NONE"));
        return new ProcessingRecord(new ProcessingStatus(state, node.path("step").asText(""),
                node.path("reason").asText("")), passed);
    }
}
