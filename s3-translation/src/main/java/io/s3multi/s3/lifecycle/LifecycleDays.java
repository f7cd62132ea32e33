package io.s3multi.s3.lifecycle;

import java.time.Duration;
import java.time.Instant;
import java.util.Objects;

/**
 * Lifecycle time: AWS adds a rule's days to the time an object was written (or became noncurrent, or an upload was
 * initiated) and rounds the result up to the next midnight UTC. Here a day has a configurable length (86,400 s in
 * production; a few seconds in tests, as Ceph's {@code rgw_lc_debug_interval}), and the rounding goes to the next
 * multiple of that length since the epoch, which for 86,400 s is the next midnight UTC.
 *
 * <p>AWS's example: an object written on 2014-01-15 10:30 UTC under a rule of 3 days expires on 2014-01-19 00:00
 * UTC. A time that is already a multiple of the day length still moves to the next one ("the next midnight").
 *
 * @param length how long a lifecycle day lasts
 */
public record LifecycleDays(Duration length) {

    /** The real thing: 86,400 seconds. */
    public static final LifecycleDays REAL = new LifecycleDays(Duration.ofDays(1));

    public LifecycleDays {
        Objects.requireNonNull(length, "length");
        if (length.toMillis() <= 0) {
            throw new IllegalArgumentException("a lifecycle day must last at least a millisecond: " + length);
        }
    }

    /** {@code days} lifecycle days after {@code start}, rounded up to the next day boundary. */
    public Instant after(Instant start, int days) {
        long day = length.toMillis();
        long end = Math.addExact(start.toEpochMilli(), Math.multiplyExact(day, (long) days));
        return Instant.ofEpochMilli(Math.addExact(Math.floorDiv(end, day) * day, day));
    }
}
