package io.s3multi.filters.metrics;

import java.time.Duration;

/**
 * The latency histograms' bucket bounds: few, so that a histogram costs eight series per operation, and spread from
 * a cached HEAD to a large upload.
 */
final class MeterBuckets {

    static final Duration[] REQUEST_LATENCY = {Duration.ofMillis(5), Duration.ofMillis(25), Duration.ofMillis(100),
            Duration.ofMillis(500), Duration.ofMillis(2500), Duration.ofSeconds(10), Duration.ofSeconds(60)};

    private MeterBuckets() {
    }
}
