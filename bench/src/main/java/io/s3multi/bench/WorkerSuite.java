package io.s3multi.bench;

import io.s3multi.s3.background.ServiceAccounts;
import io.s3multi.s3.contract.RegistryLayout;
import io.s3multi.s3.background.Worker;
import io.s3multi.s3.background.WorkerSettings;
import io.s3multi.swift.SwiftAccount;
import io.s3multi.swift.SwiftBackend;
import io.s3multi.swift.SwiftClientConfig;
import io.s3multi.swift.SwiftHeaders;
import io.s3multi.swift.container.ListingQuery;
import io.s3multi.swift.error.SwiftException;
import java.io.PrintStream;
import java.net.URI;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The background worker's cost: a bucket of N empty objects (made with parallel PUTs straight to Swift) and a
 * registry record for it; one gateway's worker, with the gateway's default pacing on an otherwise idle gateway,
 * scans it with {@link ScanJob} under its lease. Prints objects per second and Swift requests per object (every
 * request the worker's backend sent: token, lease, owner, listings, checkpoints). A container that already holds
 * N objects or more ({@code --worker-container}) is scanned as it is.
 */
record WorkerSuite(URI swiftUrl, SwiftAccount owner, String bucket, int objects, PrintStream out) {

    private static final Logger LOG = LoggerFactory.getLogger(WorkerSuite.class);
    private static final int PUTTERS = 32;

    void run() throws Exception {
        long made = System.nanoTime();
        long present = ContainerCount.objectCount(owner, bucket);
        if (present >= objects) {
            LOG.info("{} holds {} objects already: scanning those", bucket, present);
        } else {
            fill();
            LOG.info("{} empty objects in {} made in {} s", objects, bucket,
                    (System.nanoTime() - made) / 1_000_000_000L);
        }
        try (SwiftBackend gateway = SwiftBackend.start(SwiftClientConfig.defaults(swiftUrl))) {
            SwiftAccount registry = gateway.tempAuthAccount("s3multi:registry", Launchers.devKey("REGISTRY_KEY",
                    "registry.key"));
            String account = owner.storageUrl().getPath().replaceAll(".*/", "");
            registry.containers().create(bucket, SwiftHeaders.of(RegistryLayout.OWNER_HEADER, account));
            try {
                scan(gateway, registry);
            } finally {
                SwiftSweeper.removeContainers(registry, List.of(bucket), LOG);
            }
        }
    }

    private void scan(SwiftBackend gateway, SwiftAccount registry) throws Exception {
        ScanJob job = new ScanJob();
        ServiceAccounts accounts = new ServiceAccounts(gateway, "s3multi:service",
                Launchers.devKey("SERVICE_KEY", "service.key"));
        var defaults = new WorkerSettings(Duration.ofSeconds(1), Duration.ofSeconds(60), 0.1, Duration.ofDays(1));
        long before = gateway.transport().requestsSent();
        try (Worker worker = Worker.start(defaults, registry, bucket, accounts, List.of(job),
                gateway.transport()::requestsSent, Clock.systemUTC())) {
            long deadline = System.nanoTime() + TimeUnit.MINUTES.toNanos(10);
            while (!released(registry, job) && System.nanoTime() < deadline) {
                Thread.sleep(50);
            }
        }
        long requests = gateway.transport().requestsSent() - before;
        double seconds = (job.endNanos - job.startNanos) / 1e9;
        out.println(new JsonLine().add("kind", "worker-scan").add("objects", job.objects.get())
                .add("seconds", seconds).add("objectsPerS", job.objects.get() / seconds)
                .add("swiftRequests", requests).add("requestsPerObject", (double) requests / job.objects.get()));
        out.println();
        out.printf(Locale.ROOT, "Worker scan: %d objects, no matching rule (listing job, default pacing, idle"
                + " gateway): %.1f s, %.0f objects/s, %d Swift requests = %.5f per object%n", job.objects.get(),
                seconds, job.objects.get() / seconds, requests, (double) requests / job.objects.get());
    }

    /** Whether the job finished and the worker gave its lease back. */
    private boolean released(SwiftAccount registry, ScanJob job) throws SwiftException {
        return job.endNanos != 0 && "".equals(registry.objects().head(bucket, RegistryLayout.LEASES + job.name(),
                SwiftHeaders.empty()).header(RegistryLayout.LEASE_HOLDER));
    }

    private void fill() throws SwiftException, InterruptedException {
        owner.containers().create(bucket, SwiftHeaders.empty());
        ExecutorService putters = Executors.newFixedThreadPool(PUTTERS);
        try {
            List<Future<Void>> done = new java.util.ArrayList<>();
            for (int t = 0; t < PUTTERS; t++) {
                int first = t;
                done.add(putters.submit(() -> {
                    for (int i = first; i < objects; i += PUTTERS) {
                        owner.objects().put(bucket, String.format(Locale.ROOT, "obj-%07d", i), new byte[0],
                                SwiftHeaders.empty());
                    }
                    return null;
                }));
            }
            for (Future<Void> putter : done) {
                putter.get(30, TimeUnit.MINUTES);
            }
        } catch (java.util.concurrent.ExecutionException | java.util.concurrent.TimeoutException e) {
            throw new IllegalStateException("filling " + bucket + " failed", e);
        } finally {
            putters.shutdownNow();
        }
    }

    /** How many objects a container holds, 0 when it does not exist. */
    private static final class ContainerCount {

        static long objectCount(SwiftAccount account, String container) throws SwiftException {
            try {
                String count = account.containers().head(container).header("X-Container-Object-Count");
                return count == null ? 0 : Long.parseLong(count);
            } catch (io.s3multi.swift.error.SwiftHttpStatusException e) {
                if (e.status() == 404) {
                    return 0;
                }
                throw e;
            }
        }
    }
}
