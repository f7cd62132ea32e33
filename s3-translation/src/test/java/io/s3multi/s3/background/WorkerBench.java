package io.s3multi.s3.background;

import io.s3multi.s3.contract.RegistryLayout;
import io.s3multi.s3.operation.S3Failures;
import io.s3multi.swift.SwiftAccount;
import io.s3multi.swift.SwiftBackend;
import io.s3multi.swift.SwiftHeaders;
import io.s3multi.swift.container.ListingQuery;
import io.s3multi.swift.container.ObjectEntry;
import io.s3multi.swift.error.SwiftException;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.function.BooleanSupplier;

/**
 * Buckets of the tester's account recorded in the dev registry under a prefix of the test's own, and gateways'
 * workers limited to them: each "gateway" has a Swift backend of its own, as a gateway process has.
 */
final class WorkerBench implements AutoCloseable {

    static final String OWNER = "AUTH_test";

    final String prefix = "wk-" + UUID.randomUUID().toString().substring(0, 8) + "-";
    private final SwiftBackend setup = DevService.backend();
    final SwiftAccount registry = setup.tempAuthAccount(DevService.REGISTRY_USER, DevService.registryKey());
    final SwiftAccount tester = setup.tempAuthAccount("test:tester", "testing");
    private final List<String> buckets = new ArrayList<>();
    private final List<AutoCloseable> gateways = new ArrayList<>();

    /** Creates {@code count} buckets with their registry records. */
    List<String> buckets(int count) throws SwiftException {
        List<String> made = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            String bucket = prefix + i;
            registry.containers().create(bucket, SwiftHeaders.empty());
            registry.containers().post(bucket, SwiftHeaders.of(RegistryLayout.OWNER_HEADER, OWNER));
            tester.containers().create(bucket, SwiftHeaders.empty());
            buckets.add(bucket);
            made.add(bucket);
        }
        return made;
    }

    /** One gateway's worker on this bench's buckets, on a backend of its own, with {@code floor} requests/s. */
    Gateway gateway(WorkerSettings settings, double floor, List<BucketJob> jobs) {
        Gateway gateway = new Gateway(settings, floor, jobs);
        gateways.add(gateway);
        return gateway;
    }

    /** The lease of {@code job} on {@code bucket}, as stored. */
    Optional<LeaseRecord> lease(String bucket, String job) throws SwiftException {
        return new WorkRecords(registry, prefix).lease(bucket, job);
    }

    Optional<String> checkpoint(String bucket, String job) throws SwiftException {
        return new WorkRecords(registry, prefix).checkpoint(bucket, job);
    }

    /** Polls {@code condition} until it holds or {@code limit} has passed. */
    static boolean await(Duration limit, BooleanSupplier condition) throws InterruptedException {
        long deadline = System.nanoTime() + limit.toNanos();
        while (!condition.getAsBoolean()) {
            if (System.nanoTime() > deadline) {
                return false;
            }
            Thread.sleep(20);
        }
        return true;
    }

    @Override
    public void close() throws Exception {
        for (AutoCloseable gateway : gateways) {
            gateway.close();
        }
        for (String bucket : buckets) {
            for (ObjectEntry entry : registry.containers().listObjects(bucket, ListingQuery.all()).entries()) {
                S3Failures.ignoringNotFound(() -> registry.objects().delete(bucket, entry.name(),
                        SwiftHeaders.empty()));
            }
            S3Failures.ignoringNotFound(() -> registry.containers().delete(bucket));
            S3Failures.ignoringNotFound(() -> tester.containers().delete(bucket));
        }
        setup.close();
    }

    /** A gateway's Swift backend and its worker. */
    final class Gateway implements AutoCloseable {

        final SwiftBackend backend = DevService.backend();
        final Worker worker;
        private boolean closed;

        private Gateway(WorkerSettings settings, double floor, List<BucketJob> jobs) {
            SharePacer pacer = new SharePacer(backend.transport()::requestsSent, settings.swiftShare(), floor,
                    Clock.systemUTC());
            worker = Worker.start(settings, new WorkRecords(backend.tempAuthAccount(DevService.REGISTRY_USER,
                    DevService.registryKey()), prefix), DevService.accounts(backend), jobs, pacer, Clock.systemUTC());
        }

        /** Stops the worker as a stopping gateway does (its leases are left to expire). */
        @Override
        public synchronized void close() {
            if (!closed) {
                closed = true;
                worker.close();
                backend.close();
            }
        }
    }
}
