package io.s3multi.filters.metrics;

import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Tags;
import io.micrometer.core.instrument.Timer;
import io.s3multi.swift.http.SwiftExchangeListener;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;

/**
 * Counts and times the requests the S3 stages' shared Swift clients send, by HTTP method and Swift's status
 * ({@code 0}: no answer: connection refused or broken, timeout). The time is until Swift's answer began. Meters are
 * made once per method and status, as in {@link S3RequestMeters}.
 */
final class SwiftRequestMeters implements SwiftExchangeListener {

    private final MeterRegistry registry;
    private final ConcurrentHashMap<String, MethodMeters> byMethod = new ConcurrentHashMap<>();

    SwiftRequestMeters(MeterRegistry registry) {
        this.registry = registry;
    }

    @Override
    public void exchanged(String method, int status, long nanos) {
        MethodMeters meters = byMethod.get(method);
        if (meters == null) {
            meters = byMethod.computeIfAbsent(method, name -> new MethodMeters(registry, name));
        }
        meters.requests.increment(status);
        meters.duration.record(nanos, TimeUnit.NANOSECONDS);
    }

    private record MethodMeters(StatusCounters requests, Timer duration) {

        MethodMeters(MeterRegistry registry, String method) {
            this(new StatusCounters(registry, "s3multi.swift.requests",
                            "Requests the S3 stages sent to Swift, by method and status (0: no answer)",
                            Tags.of("method", method)),
                    Timer.builder("s3multi.swift.request.duration")
                            .description("Time from sending a request to Swift until its answer began")
                            .tag("method", method).serviceLevelObjectives(MeterBuckets.REQUEST_LATENCY)
                            .register(registry));
        }
    }
}
