package io.s3multi.filters.s3api;

import io.s3multi.s3.background.BucketJob;
import io.s3multi.s3.background.WorkerSettings;
import io.s3multi.s3.handler.bucket.BucketRegistry;
import io.s3multi.s3.lifecycle.run.LifecycleJob;
import io.s3multi.s3.multipart.MultipartSettings;
import io.s3multi.s3.sweep.OrphanSweeper;
import java.util.List;

/**
 * The jobs the gateway's background worker runs on every bucket, in this order: the one place to add a job.
 */
final class BackgroundJobs {

    private BackgroundJobs() {
    }

    /**
     * @param settings the worker's settings; {@link WorkerSettings#lifecycleDay()} is for jobs that count in days
     * @param registry the bucket registry, where buckets' configurations (lifecycle) are kept
     * @param sweeper the orphan sweeper, with its grace period and interval (SweepConfig)
     */
    static List<BucketJob> of(WorkerSettings settings, BucketRegistry registry, OrphanSweeper sweeper) {
        // Lifecycle first: what it expires or aborts is then gone before the sweeper looks for leftovers.
        return List.of(new LifecycleJob(registry::lifecycle, settings.lifecycleDay(), MultipartSettings.defaults()),
                sweeper);
    }
}
