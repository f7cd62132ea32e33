package io.s3multi.s3.background;

import io.s3multi.swift.SwiftAccount;
import java.time.Clock;
import java.util.function.BooleanSupplier;

/**
 * What a {@link BucketJob} works with on one bucket.
 *
 * @param bucket the S3 bucket name (its container in {@code owner}; segments in {@code <bucket>_segments})
 * @param owner the account that owns the bucket, reached with the gateway's service identity
 * @param pacer what every Swift request of the job waits for
 * @param checkpoint where the job keeps its position between runs
 * @param lease false once the worker lost the bucket's lease: the job should return soon
 * @param clock the time, for ages and dates (tests move it)
 * @param dryRun true: report what would be done, change nothing in Swift
 * @param log receives every action (done, or only intended in a dry run)
 */
public record BucketWork(String bucket, SwiftAccount owner, Pacer pacer, Checkpoint checkpoint,
        BooleanSupplier lease, Clock clock, boolean dryRun, WorkLog log) {

    /** False once the worker lost the bucket's lease (another gateway took the bucket over): return soon. */
    public boolean stillLeased() {
        return lease.getAsBoolean();
    }
}
