package io.s3multi.filters.s3api;

import io.s3multi.s3.background.BucketJob;
import io.s3multi.s3.background.BucketWork;
import io.s3multi.swift.error.SwiftException;
import java.util.Objects;
import java.util.function.Supplier;

/**
 * A background job built when it first runs, from what the pipeline's stages have published by then (the s3multi
 * stage's claim timeout: the container may initialise that stage after this one). A build that fails fails that
 * run only; the next run builds again.
 */
final class DeferredJob implements BucketJob {

    private final String name;
    private final Supplier<? extends BucketJob> build;
    private volatile BucketJob built;

    DeferredJob(String name, Supplier<? extends BucketJob> build) {
        this.name = Objects.requireNonNull(name, "name");
        this.build = Objects.requireNonNull(build, "build");
    }

    @Override
    public String name() {
        return name;
    }

    @Override
    public void run(BucketWork work) throws SwiftException, InterruptedException {
        job().run(work);
    }

    /** The job, built once (two runs racing to build it may both build; either is as good). */
    BucketJob job() {
        BucketJob job = built;
        if (job == null) {
            job = build.get();
            built = job;
        }
        return job;
    }
}
