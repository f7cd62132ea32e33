package io.s3multi.filters.s3api;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;

import io.s3multi.s3.background.BucketJob;
import io.s3multi.s3.background.WorkerSettings;
import io.s3multi.s3.handler.bucket.BucketRegistry;
import io.s3multi.s3.lifecycle.run.LifecycleJob;
import io.s3multi.s3.multipart.MultipartSettings;
import io.s3multi.s3.sweep.OrphanSweeper;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.Test;

/**
 * The worker's jobs keep to the s3multi stage's claim timeout, which that stage publishes in its init, perhaps
 * after the s3api stage started the worker: the jobs ask for it when they first run, not when they are made.
 */
class BackgroundJobsTest {

    private static final MultipartSettings SIXTY_SECONDS = new MultipartSettings(0, 10_000, 1000, 1000,
            Duration.ofSeconds(10), Duration.ofSeconds(60));

    @Test
    void theJobsAskForTheClaimTimeoutWhenTheyFirstRunAndKeepIt() {
        AtomicReference<MultipartSettings> published = new AtomicReference<>();
        AtomicInteger asked = new AtomicInteger();
        List<Duration> sweeperTimeouts = new ArrayList<>();
        List<BucketJob> jobs = BackgroundJobs.of(new WorkerSettings(Duration.ofMinutes(5), Duration.ofMinutes(1), 0.1,
                Duration.ofDays(1)), BucketRegistry.none(), claimTimeout -> {
            sweeperTimeouts.add(claimTimeout);
            return new OrphanSweeper(Duration.ofDays(1), Duration.ZERO, claimTimeout);
        }, () -> {
            asked.incrementAndGet();
            MultipartSettings settings = published.get();
            if (settings == null) {
                throw new IllegalStateException("not started");
            }
            return settings;
        });
        assertEquals(List.of(LifecycleJob.NAME, OrphanSweeper.NAME), jobs.stream().map(BucketJob::name).toList());
        assertEquals(0, asked.get(), "nothing asked before a job runs");

        DeferredJob lifecycle = (DeferredJob) jobs.get(0);
        DeferredJob sweep = (DeferredJob) jobs.get(1);
        assertThrows(IllegalStateException.class, sweep::job, "not published yet: that run fails");
        published.set(SIXTY_SECONDS);
        BucketJob sweeper = sweep.job();
        assertEquals(List.of(Duration.ofSeconds(60)), sweeperTimeouts);
        assertSame(sweeper, sweep.job(), "built once");
        lifecycle.job();
        lifecycle.job();
        assertEquals(3, asked.get(), "the failed build, the sweeper's and the lifecycle job's");
    }
}
