package io.s3multi.filters.metrics;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Tags;
import io.micrometer.core.instrument.Timer;
import io.s3multi.filters.proxylogging.AccessRecord;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Consumer;

/**
 * Counts and times the gateway's client requests from proxy_logging's {@link AccessRecord}s: by S3 operation (the
 * AWS API name the request classifier gave, {@value #NOT_S3} for the native Swift API and everything else that is
 * not S3) and status, with the body bytes that really moved, and the net multipart uploads this gateway opened.
 *
 * <p>It runs on every request's thread, so each meter is made once, on the first request of its operation and
 * status, and then found with one map lookup and one array read; labels are never built per request. The labels
 * are bounded (about 70 operations, a handful of statuses): no bucket, key or user.
 */
final class S3RequestMeters implements Consumer<AccessRecord> {

    /** The operation label of requests that are not S3. */
    static final String NOT_S3 = "none";

    private final MeterRegistry registry;
    private final ConcurrentHashMap<String, OperationMeters> byOperation = new ConcurrentHashMap<>();
    private final AtomicLong openUploads = new AtomicLong();

    S3RequestMeters(MeterRegistry registry) {
        this.registry = registry;
        Gauge.builder("s3multi.multipart.uploads.open", openUploads, AtomicLong::get)
                .description("Multipart uploads this gateway created minus those it completed or aborted, since it"
                        + " started")
                .register(registry);
    }

    @Override
    public void accept(AccessRecord record) {
        String operation = record.s3Operation() == null ? NOT_S3 : record.s3Operation();
        OperationMeters meters = byOperation.get(operation);
        if (meters == null) {
            meters = byOperation.computeIfAbsent(operation, name -> new OperationMeters(registry, name));
        }
        meters.record(record);
        trackUploads(operation, record);
    }

    private void trackUploads(String operation, AccessRecord record) {
        boolean succeeded = record.note() == null && record.status() < 300;
        if (!succeeded) {
            return;   // a CompleteMultipartUpload whose <Error> followed its 200 has a note: not completed
        }
        switch (operation) {
            case "CreateMultipartUpload" -> openUploads.incrementAndGet();
            case "CompleteMultipartUpload", "AbortMultipartUpload" -> openUploads.decrementAndGet();
            default -> { }
        }
    }

    /** The meters of one operation. */
    private static final class OperationMeters {

        private final StatusCounters requests;
        private final Timer duration;
        private final Counter received;
        private final Counter sent;

        OperationMeters(MeterRegistry registry, String operation) {
            Tags tags = Tags.of("operation", operation);
            this.requests = new StatusCounters(registry, "s3multi.s3.requests",
                    "Client requests answered, by S3 operation and status", tags);
            this.duration = Timer.builder("s3multi.s3.request.duration")
                    .description("Time from the request reaching proxy_logging until the pipeline returned")
                    .tags(tags).serviceLevelObjectives(MeterBuckets.REQUEST_LATENCY).register(registry);
            this.received = Counter.builder("s3multi.s3.received").baseUnit("bytes")
                    .description("Request body bytes the gateway read from clients").tags(tags).register(registry);
            this.sent = Counter.builder("s3multi.s3.sent").baseUnit("bytes")
                    .description("Response body bytes the gateway wrote to clients").tags(tags).register(registry);
        }

        void record(AccessRecord record) {
            requests.increment(record.status());
            duration.record(record.duration().toNanos(), TimeUnit.NANOSECONDS);
            if (record.bytesIn() > 0) {
                received.increment(record.bytesIn());
            }
            if (record.bytesOut() > 0) {
                sent.increment(record.bytesOut());
            }
        }
    }
}
