package io.s3multi.swift.http;

import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;

/**
 * The one read (or one write) in progress on a connection, as its owner thread and the pool's watchdog both see it.
 * Each operation gets a stamp of its own (its start time, made unique per connection); the watchdog stops an
 * operation by swapping its stamp out, and the operation ends by swapping it out too: whichever comes first wins, so
 * an operation that returned in time is never stopped by a decision the watchdog took while it still ran, even when
 * the connection carries the next request by the time the watchdog acts.
 */
final class OperationWatch {

    private static final VarHandle RUNNING;

    static {
        try {
            RUNNING = MethodHandles.lookup().findVarHandle(OperationWatch.class, "running", long.class);
        } catch (ReflectiveOperationException impossible) {
            throw new ExceptionInInitializerError(impossible);
        }
    }

    private final long timeoutNanos;
    /** The stamp of the operation in progress, 0 when none is. */
    private volatile long running;
    /** The owner's last stamp (only the owner thread reads or writes it). */
    private long lastStamp;

    OperationWatch(long timeoutNanos) {
        this.timeoutNanos = timeoutNanos;
    }

    /** The owner starts an operation; the stamp it returns ends it. */
    long begin() {
        long stamp = System.nanoTime();
        if (stamp - lastStamp <= 0 && lastStamp != 0) {
            stamp = lastStamp + 1;
        }
        if (stamp == 0) {
            stamp = 1;
        }
        lastStamp = stamp;
        running = stamp;
        return stamp;
    }

    /** The owner ends the operation {@code stamp}: true if in time, false if the watchdog stopped it first. */
    boolean end(long stamp) {
        return RUNNING.compareAndSet(this, stamp, 0L);
    }

    /** The watchdog: the stamp of an operation running for the timeout or longer at {@code now}, else 0. */
    long lateAt(long now) {
        long stamp = running;
        return stamp != 0 && now - stamp >= timeoutNanos ? stamp : 0;
    }

    /** The watchdog stops operation {@code stamp} if it still runs: true if it did (the caller then closes). */
    boolean stop(long stamp) {
        return stamp != 0 && RUNNING.compareAndSet(this, stamp, 0L);
    }
}
