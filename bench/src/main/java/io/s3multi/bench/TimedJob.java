package io.s3multi.bench;

import io.s3multi.s3.background.BucketJob;
import io.s3multi.s3.background.BucketWork;
import io.s3multi.swift.error.SwiftException;

/** A background job as the gateway runs it, with the times its run started and returned. */
final class TimedJob implements BucketJob {

    private final BucketJob job;
    volatile long startNanos;
    volatile long endNanos;

    TimedJob(BucketJob job) {
        this.job = job;
    }

    @Override
    public String name() {
        return job.name();
    }

    @Override
    public void run(BucketWork work) throws SwiftException, InterruptedException {
        startNanos = System.nanoTime();
        try {
            job.run(work);
        } finally {
            endNanos = System.nanoTime();
        }
    }
}
