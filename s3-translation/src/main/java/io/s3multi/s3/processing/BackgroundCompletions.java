package io.s3multi.s3.processing;

import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Completions that run after their request was answered: tus's {@code Prefer: respond-async} answers {@code 202}
 * with a status URL and finishes the upload here. Nothing is lost with the gateway: the state of the steps is in
 * Swift ({@link ProcessingSteps#status}), and the upload stays open until it is published or rejected, so a later
 * completion of the same upload resumes it. Bounded: when all threads are busy and the queue is full,
 * {@link #submit} says so and the caller answers synchronously or with 503.
 */
public final class BackgroundCompletions implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(BackgroundCompletions.class);

    private final ThreadPoolExecutor executor;

    public BackgroundCompletions(int threads, int queued) {
        AtomicInteger count = new AtomicInteger();
        executor = new ThreadPoolExecutor(threads, threads, 60, TimeUnit.SECONDS, new ArrayBlockingQueue<>(queued),
                work -> {
                    Thread thread = new Thread(work, "s3multi-completion-" + count.incrementAndGet());
                    thread.setDaemon(true);
                    return thread;
                });
        executor.allowCoreThreadTimeOut(true);
    }

    /** @return whether the completion was accepted; its failure is logged (the state in Swift tells the rest) */
    public boolean submit(String upload, Runnable completion) {
        try {
            executor.execute(() -> {
                try {
                    completion.run();
                } catch (RuntimeException e) {
                    LOG.warn("background completion of {} failed: {}", upload, e.toString());
                }
            });
            return true;
        } catch (RejectedExecutionException full) {
            return false;
        }
    }

    @Override
    public void close() {
        executor.shutdownNow();
    }
}
