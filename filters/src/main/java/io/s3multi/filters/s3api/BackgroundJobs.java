package io.s3multi.filters.s3api;

import io.s3multi.s3.background.BucketJob;
import io.s3multi.s3.background.WorkerSettings;
import java.util.List;

/**
 * The jobs the gateway's background worker runs on every bucket, in this order: the one place to add a job.
 */
final class BackgroundJobs {

    private BackgroundJobs() {
    }

    /**
     * @param settings the worker's settings; {@link WorkerSettings#lifecycleDay()} is for jobs that count in days
     */
    static List<BucketJob> of(WorkerSettings settings) {
        // The lifecycle rules' runner (LifecycleJob, given settings.lifecycleDay()) and the orphan sweeper
        // (OrphanSweeper) are added here as they land.
        return List.of();
    }
}
