package io.s3multi.filters.metrics;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.micrometer.prometheusmetrics.PrometheusConfig;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import io.s3multi.filters.proxylogging.AccessRecord;
import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;

/** Access records become counts by operation and status, bytes, latency buckets and the net open uploads. */
class S3RequestMetersTest {

    private final PrometheusMeterRegistry registry = new PrometheusMeterRegistry(PrometheusConfig.DEFAULT);
    private final S3RequestMeters meters = new S3RequestMeters(registry);

    private static AccessRecord record(String operation, int status, long in, long out, long millis, String note) {
        return new AccessRecord(Instant.EPOCH, "127.0.0.1", "PUT", "/b/k", null, status, in, out,
                Duration.ofMillis(millis), "tx1", operation, "test:tester", null, note);
    }

    @Test
    void countsByOperationAndStatusWithBytesAndLatency() {
        meters.accept(record("PutObject", 200, 1000, 0, 3, null));
        meters.accept(record("PutObject", 200, 24, 0, 30, null));
        meters.accept(record("PutObject", 403, 0, 243, 1, "AccessDenied"));
        meters.accept(record("GetObject", 200, 0, 1000, 7, null));
        meters.accept(record(null, 200, 0, 2, 1, null));
        String text = registry.scrape();

        assertLine(text, "s3multi_s3_requests_total{operation=\"PutObject\",status=\"200\"} 2.0");
        assertLine(text, "s3multi_s3_requests_total{operation=\"PutObject\",status=\"403\"} 1.0");
        assertLine(text, "s3multi_s3_requests_total{operation=\"GetObject\",status=\"200\"} 1.0");
        assertLine(text, "s3multi_s3_requests_total{operation=\"none\",status=\"200\"} 1.0");
        assertLine(text, "s3multi_s3_received_bytes_total{operation=\"PutObject\"} 1024.0");
        assertLine(text, "s3multi_s3_sent_bytes_total{operation=\"PutObject\"} 243.0");
        assertLine(text, "s3multi_s3_sent_bytes_total{operation=\"GetObject\"} 1000.0");
        assertLine(text, "s3multi_s3_request_duration_seconds_count{operation=\"PutObject\"} 3");
        assertLine(text, "s3multi_s3_request_duration_seconds_bucket{operation=\"PutObject\",le=\"0.005\"} 2");
        assertLine(text, "s3multi_s3_request_duration_seconds_bucket{operation=\"PutObject\",le=\"0.025\"} 2");
        assertLine(text, "s3multi_s3_request_duration_seconds_bucket{operation=\"PutObject\",le=\"0.1\"} 3");
        assertLine(text, "s3multi_s3_request_duration_seconds_bucket{operation=\"PutObject\",le=\"+Inf\"} 3");
        long buckets = text.lines().filter(l -> l.startsWith("s3multi_s3_request_duration_seconds_bucket{"
                + "operation=\"PutObject\"")).count();
        assertEquals(8, buckets, "seven bounds and +Inf: " + text);
        assertFalse(text.contains("/b/k") || text.contains("tester"), "no key, bucket or user label");
    }

    @Test
    void openUploadsAreCreatesMinusSuccessfulCompletesAndAborts() {
        meters.accept(record("CreateMultipartUpload", 200, 0, 300, 1, null));
        meters.accept(record("CreateMultipartUpload", 200, 0, 300, 1, null));
        meters.accept(record("CreateMultipartUpload", 200, 0, 300, 1, null));
        meters.accept(record("CompleteMultipartUpload", 200, 200, 300, 1, null));
        meters.accept(record("CompleteMultipartUpload", 200, 200, 300, 1, "InvalidPart"));  // error after its 200
        meters.accept(record("AbortMultipartUpload", 404, 0, 300, 1, "NoSuchUpload"));
        meters.accept(record("AbortMultipartUpload", 204, 0, 0, 1, null));
        assertLine(registry.scrape(), "s3multi_multipart_uploads_open 1.0");
    }

    static void assertLine(String text, String line) {
        assertTrue(text.lines().anyMatch(line::equals), "no line '" + line + "' in\n" + text);
    }
}
