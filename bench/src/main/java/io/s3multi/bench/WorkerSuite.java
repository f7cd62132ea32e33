package io.s3multi.bench;

import io.s3multi.s3.background.ServiceAccounts;
import io.s3multi.s3.background.Worker;
import io.s3multi.s3.background.WorkerSettings;
import io.s3multi.s3.contract.RegistryLayout;
import io.s3multi.s3.handler.bucket.BucketRegistry;
import io.s3multi.s3.handler.bucket.SwiftBucketRegistry;
import io.s3multi.s3.lifecycle.run.LifecycleJob;
import io.s3multi.s3.multipart.MultipartSettings;
import io.s3multi.swift.SwiftAccount;
import io.s3multi.swift.SwiftBackend;
import io.s3multi.swift.SwiftClientConfig;
import io.s3multi.swift.SwiftHeaders;
import io.s3multi.swift.SwiftNameEncoder;
import io.s3multi.swift.error.SwiftException;
import io.s3multi.swift.http.RequestBody;
import io.s3multi.swift.http.SwiftRequest;
import io.s3multi.swift.http.SwiftResponse;
import java.io.IOException;
import java.io.PrintStream;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The background worker's cost: a bucket of N empty objects (made straight in Swift by its bulk middleware, tar
 * archives of {@value #PER_ARCHIVE} files, {@value #ARCHIVES_AT_ONCE} at once) and a registry record for it with a
 * lifecycle configuration whose one rule matches none of them; one gateway's worker, with the gateway's default
 * pacing on an otherwise idle gateway, runs the gateway's {@link LifecycleJob} on it under its lease. Prints objects
 * per second and Swift requests per object (every request the worker's backend sent: token, lease, owner,
 * configuration, listings, checkpoints). A container that already holds N objects or more ({@code
 * --worker-container}) is scanned as it is.
 */
record WorkerSuite(URI swiftUrl, SwiftAccount owner, String bucket, int objects, PrintStream out) {

    private static final Logger LOG = LoggerFactory.getLogger(WorkerSuite.class);
    private static final int PER_ARCHIVE = 10_000;
    private static final int ARCHIVES_AT_ONCE = 4;
    /** Expires after a day only what starts with a prefix none of the bucket's objects has. */
    private static final String NO_MATCH_RULE = "<LifecycleConfiguration><Rule><ID>bench-no-match</ID>"
            + "<Filter><Prefix>no-such-prefix/</Prefix></Filter><Status>Enabled</Status>"
            + "<Expiration><Days>1</Days></Expiration></Rule></LifecycleConfiguration>";

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
                new SwiftBucketRegistry(registry).storeDocument(bucket, BucketRegistry.Document.LIFECYCLE,
                        NO_MATCH_RULE.getBytes(StandardCharsets.UTF_8));
                scan(gateway, registry, ContainerCount.objectCount(owner, bucket));
            } finally {
                SwiftSweeper.removeContainers(registry, List.of(bucket), LOG);
            }
        }
    }

    private void scan(SwiftBackend gateway, SwiftAccount registry, long objects) throws Exception {
        TimedJob job = new TimedJob(new LifecycleJob(new SwiftBucketRegistry(registry)::lifecycle, Duration.ofDays(1),
                MultipartSettings.defaults()));
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
        out.println(new JsonLine().add("kind", "worker-scan").add("job", job.name()).add("objects", objects)
                .add("seconds", seconds).add("objectsPerS", objects / seconds)
                .add("swiftRequests", requests).add("requestsPerObject", (double) requests / objects));
        out.println();
        out.printf(Locale.ROOT, "Worker scan: %d objects, a lifecycle rule matching none (LifecycleJob, default"
                + " pacing, idle gateway): %.1f s, %.0f objects/s, %d Swift requests = %.5f per object%n", objects,
                seconds, objects / seconds, requests, (double) requests / objects);
    }

    /** Whether the job finished and the worker gave its lease back. */
    private boolean released(SwiftAccount registry, TimedJob job) throws SwiftException {
        return job.endNanos != 0 && "".equals(registry.objects().head(bucket, RegistryLayout.LEASES + job.name(),
                SwiftHeaders.empty()).header(RegistryLayout.LEASE_HOLDER));
    }

    private void fill() throws SwiftException, InterruptedException {
        owner.containers().create(bucket, SwiftHeaders.empty());
        ExecutorService uploaders = Executors.newFixedThreadPool(ARCHIVES_AT_ONCE);
        try {
            List<Future<Void>> done = new ArrayList<>();
            for (int first = 0; first < objects; first += PER_ARCHIVE) {
                int from = first;
                done.add(uploaders.submit(() -> {
                    extract(from, Math.min(objects, from + PER_ARCHIVE));
                    return null;
                }));
            }
            for (Future<Void> archive : done) {
                archive.get(60, TimeUnit.MINUTES);
            }
        } catch (ExecutionException | TimeoutException e) {
            throw new IllegalStateException("filling " + bucket + " failed", e);
        } finally {
            uploaders.shutdownNow();
        }
    }

    /** Creates the empty objects {@code first} to {@code end - 1} with one bulk request. */
    private void extract(int first, int end) throws SwiftException, IOException {
        SwiftRequest request = SwiftRequest.builder("PUT", "/" + SwiftNameEncoder.encodeSegment(bucket))
                .param("extract-archive", "tar").header("Accept", "application/json")
                .body(RequestBody.bytes(EmptyObjectsTar.of(first, end))).build();
        try (SwiftResponse response = owner.session().send(request)) {
            // The bulk middleware answers 200 at once and reports the outcome in the body, as it goes.
            String result = new String(response.body().readAllBytes(), StandardCharsets.UTF_8);
            if (!response.isSuccess() || !result.contains("\"Number Files Created\": " + (end - first) + ",")) {
                throw new IllegalStateException("extracting " + EmptyObjectsTar.name(first) + ".. into " + bucket
                        + ": " + response.status() + " " + result);
            }
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
