package io.s3multi.s3.background;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;

/**
 * A lease this worker holds on one bucket's job: what {@link BucketWork#stillLeased()} asks.
 *
 * <p>It holds while it was confirmed (written and read back) and its confirmed expiry is more than a margin away:
 * a worker whose renewals fail stops working a margin before the lease expires, so that another gateway taking
 * it over afterwards never overlaps with it; a worker that found another holder's id on its lease stops at once.
 */
final class Lease {

    private final String bucket;
    private final String job;
    private final Clock clock;
    private final Duration margin;
    private volatile LeaseRecord record;
    private volatile boolean lost;

    /**
     * @param confirmed the lease as written and read back
     * @param margin    how long before its expiry the holder stops working
     */
    Lease(String bucket, String job, LeaseRecord confirmed, Clock clock, Duration margin) {
        this.bucket = bucket;
        this.job = job;
        this.record = confirmed;
        this.clock = clock;
        this.margin = margin;
    }

    String bucket() {
        return bucket;
    }

    String job() {
        return job;
    }

    LeaseRecord record() {
        return record;
    }

    /** A renewal was written and read back. */
    void renewed(LeaseRecord confirmed) {
        record = confirmed;
    }

    /** Another worker holds it now, or it is gone: stop working. */
    void lose() {
        lost = true;
    }

    boolean isLost() {
        return lost;
    }

    /** Whether the job may go on: not lost, and the confirmed expiry more than the margin away. */
    boolean stillHeld() {
        Instant stopAt = record.expires().minus(margin);
        return !lost && clock.instant().isBefore(stopAt);
    }

    @Override
    public String toString() {
        return bucket + "/" + job;
    }
}
