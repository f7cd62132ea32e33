package io.s3multi.s3.background;

import io.s3multi.swift.error.SwiftException;

/**
 * One kind of background work on one bucket at a time, such as running its lifecycle rules or sweeping its
 * segments container. The worker calls {@link #run} while it holds the bucket's lease for this job; the admin tool
 * calls it directly (with a dry run when asked).
 */
public interface BucketJob {

    /** A short stable name: part of the lease's name in Swift, and of log lines and metrics ({@code lifecycle}). */
    String name();

    /**
     * Works on {@code work.bucket()} until done. Every Swift request waits for {@link Pacer#awaitTurn()} first.
     * A long run checks {@link BucketWork#stillLeased()} between steps and returns early when it is false (another
     * gateway took the bucket over), and saves its position with {@link Checkpoint#save} so that the next run, on any
     * gateway, resumes there instead of starting again. A 404 for the bucket's container is best let through: the
     * worker then removes the job's lease and checkpoint from a deleted bucket's registry record.
     */
    void run(BucketWork work) throws SwiftException, InterruptedException;
}
