package io.s3multi.filters.proxylogging;

import java.time.Duration;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.LockSupport;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Writes access-log lines on a thread of its own, so that a request's thread does not format its line and wait for
 * the logging backend's lock and the console: in a profile of small requests that was about a tenth of the
 * gateway's CPU on the request path. No line is lost: when {@value #CAPACITY} lines wait already (the console
 * cannot keep up), the request's thread writes its own line, as before; {@link #close} writes every line still
 * waiting. Lines written that way may appear out of order by a few milliseconds; each carries its start time.
 *
 * <p>The thread is not woken for each line: it looks for lines every {@value #LOOK_MILLIS} ms and writes all that
 * wait (a line appears up to that much later). Woken per line, as it was, it cost every request a hand-over between
 * threads (a lock, a signal, a futex wake, and the writer thread's own scheduling). It is woken early when half the
 * queue is taken, by {@link #flush} and by {@link #close}.
 *
 * <p>After {@value #IDLE_LOOKS} looks in a row that found nothing (a second without requests) it stops looking and
 * waits to be woken by the next line: an idle gateway's writer would otherwise wake 20 times a second, about 1.5 ms
 * of CPU a second on the benchmark's machine. Under steady traffic a look always finds lines and nobody wakes it.
 */
final class AccessLogWriter implements AutoCloseable {

    static final int CAPACITY = 8192;
    static final long LOOK_MILLIS = 50;
    static final int IDLE_LOOKS = 20;
    private static final Logger LOG = LoggerFactory.getLogger(AccessLogWriter.class);

    private final Logger accessLog;
    private final BlockingQueue<AccessRecord> waiting = new ArrayBlockingQueue<>(CAPACITY);
    private final Thread thread;
    private final Object progress = new Object();
    private long queued;
    private long written;
    private volatile boolean closed;
    private volatile boolean asleep;

    AccessLogWriter(Logger accessLog) {
        this.accessLog = accessLog;
        this.thread = new Thread(this::drain, "access-log");
        thread.setDaemon(true);
        thread.start();
    }

    /** Has {@code record}'s line written, soon. */
    void write(AccessRecord record) {
        synchronized (progress) {
            if (!closed && waiting.offer(record)) {
                queued++;
                if (asleep || queued - written == CAPACITY / 2) {
                    LockSupport.unpark(thread);
                }
                return;
            }
        }
        accessLog.info(record.toLogLine());
    }

    /**
     * Waits until the lines handed over before this call are written, at most {@code patience}.
     *
     * @return whether they were
     */
    boolean flush(Duration patience) throws InterruptedException {
        long deadline = System.nanoTime() + patience.toNanos();
        LockSupport.unpark(thread);
        synchronized (progress) {
            long target = queued;
            while (written < target) {
                long left = deadline - System.nanoTime();
                if (left <= 0) {
                    return false;
                }
                TimeUnit.NANOSECONDS.timedWait(progress, left);
            }
            return true;
        }
    }

    private void drain() {
        int emptyLooks = 0;
        while (true) {
            AccessRecord record = waiting.poll();
            if (record == null) {
                if (closed && waiting.isEmpty()) {
                    return;
                }
                if (++emptyLooks < IDLE_LOOKS) {
                    LockSupport.parkNanos(this, TimeUnit.MILLISECONDS.toNanos(LOOK_MILLIS));
                } else {
                    sleepUntilALineWaits();
                }
                if (Thread.currentThread().isInterrupted()) {
                    return;
                }
                continue;
            }
            emptyLooks = 0;
            try {
                accessLog.info(record.toLogLine());
            } catch (RuntimeException e) {
                LOG.warn("access-log line of {} not written", record.transId(), e);
            }
            synchronized (progress) {
                written++;
                progress.notifyAll();
            }
        }
    }

    /**
     * Parks until {@link #write}, {@link #flush} or {@link #close} unparks. {@code asleep} is set before the queue is
     * looked at again and {@code write} reads it after its offer, so either this look sees the line or that write
     * sees {@code asleep} and unparks (an unpark before the park makes the park return at once).
     */
    private void sleepUntilALineWaits() {
        asleep = true;
        try {
            if (waiting.isEmpty() && !closed) {
                LockSupport.park(this);
            }
        } finally {
            asleep = false;
        }
    }

    /** Writes the lines still waiting and stops the thread (at most a few seconds). */
    @Override
    public void close() {
        synchronized (progress) {
            closed = true;
        }
        LockSupport.unpark(thread);
        try {
            thread.join(TimeUnit.SECONDS.toMillis(10));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        for (AccessRecord left = waiting.poll(); left != null; left = waiting.poll()) {
            accessLog.info(left.toLogLine());
        }
    }
}
