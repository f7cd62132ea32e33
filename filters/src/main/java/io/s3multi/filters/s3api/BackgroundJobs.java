package io.s3multi.filters.s3api;

import io.s3multi.s3.background.BucketJob;
import io.s3multi.s3.background.WorkerSettings;
import io.s3multi.s3.handler.bucket.BucketRegistry;
import io.s3multi.s3.lifecycle.run.LifecycleJob;
import io.s3multi.s3.multipart.MultipartSettings;
import io.s3multi.s3.sweep.OrphanSweeper;
import java.time.Duration;
import java.util.List;
import java.util.function.Function;
import java.util.function.Supplier;

/**
 * The jobs the gateway's background worker runs on every bucket, in this order: the one place to add a job.
 */
final class BackgroundJobs {

    private BackgroundJobs() {
    }

    /**
     * @param settings the worker's settings; {@link WorkerSettings#lifecycleDay()} is for jobs that count in days
     * @param registry the bucket registry, where buckets' configurations (lifecycle) are kept
     * @param sweeper the orphan sweeper for a claim timeout, with its grace period and interval (SweepConfig)
     * @param multipart the s3multi stage's settings, asked for when a job first runs: its claim timeout is when
     *                  lifecycle's aborts and the sweeper may take over an upload's claim
     */
    static List<BucketJob> of(WorkerSettings settings, BucketRegistry registry,
            Function<Duration, OrphanSweeper> sweeper, Supplier<MultipartSettings> multipart) {
        // Lifecycle first: what it expires or aborts is then gone before the sweeper looks for leftovers.
        return List.of(new DeferredJob(LifecycleJob.NAME, () -> new LifecycleJob(registry::lifecycle,
                        settings.lifecycleDay(), multipart.get())),
                new DeferredJob(OrphanSweeper.NAME, () -> sweeper.apply(multipart.get().claimTimeout())));
    }
}
