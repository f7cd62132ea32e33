package io.s3multi.s3.background;

import java.time.Duration;
import java.util.Objects;

/**
 * How the worker runs (settings of the s3api stage).
 *
 * @param interval     time between the passes over all buckets, and the least time between two runs of one job on
 *                     one bucket across all gateways ({@code worker_interval})
 * @param lease        how long a lease lasts without renewal: how soon another gateway takes over the bucket of a
 *                     gateway that died ({@code worker_lease})
 * @param swiftShare   the most of the gateway's Swift requests background work may send, between 0 and 1
 *                     ({@code worker_swift_share})
 * @param lifecycleDay the length of a lifecycle day ({@code lifecycle_day}), for jobs that count in days
 */
public record WorkerSettings(Duration interval, Duration lease, double swiftShare, Duration lifecycleDay) {

    public WorkerSettings {
        Objects.requireNonNull(interval, "interval");
        Objects.requireNonNull(lease, "lease");
        Objects.requireNonNull(lifecycleDay, "lifecycleDay");
        if (!(swiftShare > 0 && swiftShare < 1)) {
            throw new IllegalArgumentException("swiftShare " + swiftShare + " is not between 0 and 1");
        }
    }
}
