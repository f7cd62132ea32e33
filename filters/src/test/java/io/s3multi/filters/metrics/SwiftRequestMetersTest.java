package io.s3multi.filters.metrics;

import static io.s3multi.filters.metrics.S3RequestMetersTest.assertLine;

import io.micrometer.prometheusmetrics.PrometheusConfig;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import io.s3multi.swift.http.SwiftExchangeListener;
import java.time.Duration;
import org.junit.jupiter.api.Test;

class SwiftRequestMetersTest {

    @Test
    void countsByMethodAndStatusAndTimesByMethod() {
        var registry = new PrometheusMeterRegistry(PrometheusConfig.DEFAULT);
        var meters = new SwiftRequestMeters(registry);
        meters.exchanged("HEAD", 200, Duration.ofMillis(2).toNanos());
        meters.exchanged("HEAD", 404, Duration.ofMillis(3).toNanos());
        meters.exchanged("HEAD", 200, Duration.ofMillis(200).toNanos());
        meters.exchanged("PUT", SwiftExchangeListener.NO_ANSWER, Duration.ofSeconds(5).toNanos());
        String text = registry.scrape();
        assertLine(text, "s3multi_swift_requests_total{method=\"HEAD\",status=\"200\"} 2.0");
        assertLine(text, "s3multi_swift_requests_total{method=\"HEAD\",status=\"404\"} 1.0");
        assertLine(text, "s3multi_swift_requests_total{method=\"PUT\",status=\"0\"} 1.0");
        assertLine(text, "s3multi_swift_request_duration_seconds_bucket{method=\"HEAD\",le=\"0.005\"} 2");
        assertLine(text, "s3multi_swift_request_duration_seconds_bucket{method=\"HEAD\",le=\"0.5\"} 3");
        assertLine(text, "s3multi_swift_request_duration_seconds_bucket{method=\"PUT\",le=\"2.5\"} 0");
        assertLine(text, "s3multi_swift_request_duration_seconds_bucket{method=\"PUT\",le=\"10.0\"} 1");
    }
}
