package io.s3multi.s3.background;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.s3multi.s3.background.StepJob.Run;
import io.s3multi.swift.SwiftAccount;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * The background worker of several gateways against the dev Swift: leases in the registry records, checkpoints,
 * pacing. Each "gateway" is a worker on a Swift backend of its own, limited to this test's buckets.
 */
class WorkerIT {

    private static final Duration LEASE = Duration.ofSeconds(3);
    private static final WorkerSettings QUICK = new WorkerSettings(Duration.ofSeconds(1), LEASE, 0.5,
            Duration.ofSeconds(2));
    private static final Duration LIMIT = Duration.ofSeconds(40);

    private final WorkerBench bench = new WorkerBench();

    @AfterEach
    void cleanUp() throws Exception {
        bench.close();
    }

    @Test
    void twoGatewaysNeverWorkTheSameBucketAtTheSameTimeAndBothWork() throws Exception {
        List<String> buckets = bench.buckets(4);
        List<Run> runs = StepJob.runs();
        bench.gateway(QUICK, 50, List.of(new StepJob("a", 10, runs, -1)));
        bench.gateway(QUICK, 50, List.of(new StepJob("b", 10, runs, -1)));

        assertTrue(WorkerBench.await(LIMIT, () -> buckets.stream().allMatch(bucket -> runs.stream()
                .filter(run -> run.bucket().equals(bucket) && run.finished()).count() >= 2)), () -> "runs: " + runs);
        List<Run> seen = List.copyOf(runs);
        long overlaps = 0;
        for (int i = 0; i < seen.size(); i++) {
            for (int j = i + 1; j < seen.size(); j++) {
                overlaps += seen.get(i).overlaps(seen.get(j)) ? 1 : 0;
            }
        }
        System.out.printf("WORKER two gateways: %d runs on %d buckets, %d overlapping%n", seen.size(),
                buckets.size(), overlaps);
        assertEquals(0, overlaps, () -> "runs: " + seen);
        assertEquals(Set.of("a", "b"), seen.stream().map(Run::gateway).collect(Collectors.toSet()));
        assertTrue(seen.stream().allMatch(run -> run.finished() && run.fromStep() == 0 && run.toStep() == 10),
                () -> "every run goes through its bucket: " + seen);
    }

    @Test
    void aStoppedGatewaysBucketIsTakenOverAfterItsLeaseExpiresAndResumedFromTheCheckpoint() throws Exception {
        String bucket = bench.buckets(1).get(0);
        List<Run> runs = StepJob.runs();
        StepJob stopping = new StepJob("a", 8, runs, 3);
        WorkerBench.Gateway first = bench.gateway(QUICK, 50, List.of(stopping));
        assertTrue(WorkerBench.await(LIMIT, () -> stopping.held.getCount() == 0), "gateway a reached step 3");
        bench.gateway(QUICK, 50, List.of(new StepJob("b", 8, runs, -1)));
        Instant expiry = bench.lease(bucket, StepJob.NAME).orElseThrow().expires();

        first.close();
        assertEquals(Optional.of("3"), bench.checkpoint(bucket, StepJob.NAME));
        assertTrue(WorkerBench.await(LIMIT, () -> runs.stream().anyMatch(Run::finished)), () -> "runs: " + runs);

        Run cut = runs.stream().filter(run -> run.gateway().equals("a")).findFirst().orElseThrow();
        Run resumed = runs.stream().filter(run -> run.gateway().equals("b")).findFirst().orElseThrow();
        System.out.printf("WORKER takeover: a stopped at step %d, b started %d ms after a's lease expired%n",
                cut.toStep(), Duration.between(expiry, resumed.startedAt()).toMillis());
        assertEquals(3, cut.toStep());
        assertFalse(cut.finished());
        assertFalse(resumed.startedAt().isBefore(expiry), "b waited for the lease to expire");
        assertEquals(3, resumed.fromStep(), "b resumed where a stopped");
        assertEquals(8, resumed.toStep());
        assertEquals(Optional.empty(), bench.checkpoint(bucket, StepJob.NAME));
        LeaseRecord released = bench.lease(bucket, StepJob.NAME).orElseThrow();
        assertEquals("", released.holder());
        assertTrue(released.finished().isPresent());
    }

    @Test
    void aRestartedGatewayResumesFromTheCheckpoint() throws Exception {
        String bucket = bench.buckets(1).get(0);
        List<Run> runs = StepJob.runs();
        StepJob stopping = new StepJob("before", 6, runs, 2);
        WorkerBench.Gateway before = bench.gateway(QUICK, 50, List.of(stopping));
        assertTrue(WorkerBench.await(LIMIT, () -> stopping.held.getCount() == 0), "the first run reached step 2");
        before.close();

        bench.gateway(QUICK, 50, List.of(new StepJob("after", 6, runs, -1)));
        assertTrue(WorkerBench.await(LIMIT, () -> runs.stream().anyMatch(Run::finished)), () -> "runs: " + runs);
        Run resumed = runs.stream().filter(Run::finished).findFirst().orElseThrow();
        assertEquals("after", resumed.gateway());
        assertEquals(2, resumed.fromStep());
        assertEquals(Optional.empty(), bench.checkpoint(bucket, StepJob.NAME));
    }

    @Test
    void theJobKeepsToItsShareOfTheGatewaysSwiftRequests() throws Exception {
        String bucket = bench.buckets(1).get(0);
        double share = 0.2;
        double floor = 2;
        StepJob job = new StepJob("paced", 100_000, StepJob.runs(), -1);
        WorkerBench.Gateway gateway = bench.gateway(new WorkerSettings(Duration.ofSeconds(1), Duration.ofSeconds(30),
                share, Duration.ofSeconds(2)), floor, List.of(job));
        assertTrue(WorkerBench.await(LIMIT, () -> job.requests.get() > 0), "the job started");

        SwiftAccount client = gateway.backend.tempAuthAccount("test:tester", "testing");
        long gatewayBefore = gateway.backend.transport().requestsSent();
        long backgroundBefore = gateway.worker.backgroundRequests();
        long jobBefore = job.requests.get();
        long start = System.nanoTime();
        for (int i = 0; i < 400; i++) {
            client.containers().head(bucket);
        }
        double seconds = (System.nanoTime() - start) / 1e9;
        long total = gateway.backend.transport().requestsSent() - gatewayBefore;
        long background = gateway.worker.backgroundRequests() - backgroundBefore;
        long jobRequests = job.requests.get() - jobBefore;
        System.out.printf("WORKER pacing: %d Swift requests in %.1f s, %d of them background (%d by the job);"
                + " share %.2f, floor %.0f/s%n", total, seconds, background, jobRequests, share, floor);
        // its share of everything, what the floor gave, the most tokens kept, a lease renewal or two
        double allowed = share * total + floor * seconds + 20 + 4;
        assertTrue(background <= allowed, background + " background requests > " + allowed);
        assertTrue(jobRequests > floor * seconds + 20, "the clients' traffic let the job go faster than the floor");
        assertTrue(background <= total, "the background requests are counted among the gateway's");
    }
}
