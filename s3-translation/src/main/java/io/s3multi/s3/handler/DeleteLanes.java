package io.s3multi.s3.handler;

import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.SynchronousQueue;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReferenceArray;
import java.util.function.Function;
import java.util.stream.IntStream;

/**
 * Runs the deletes of one DeleteObjects request on a few lanes at once, with threads shared by every request.
 *
 * <p>The request's own thread is always one lane, so a request makes progress even when every shared thread is
 * busy (it then deletes alone, one key after the other). Up to {@code lanesPerRequest - 1} more lanes borrow
 * threads from one process-wide pool of at most {@link #SHARED_THREADS} threads, which has no queue: a lane that
 * finds no idle thread is simply not started. So however many DeleteObjects run at once, they add at most
 * {@link #SHARED_THREADS} threads, and idle ones end after {@link #IDLE_SECONDS}. Each lane takes the next key
 * until none is left; results keep the request's order.
 */
final class DeleteLanes {

    /** Threads shared by all DeleteObjects requests of this process. */
    static final int SHARED_THREADS = 16;
    private static final int IDLE_SECONDS = 30;
    private static final AtomicInteger THREADS = new AtomicInteger();
    private static final ThreadPoolExecutor SHARED = sharedPool();

    private DeleteLanes() {
    }

    private static ThreadPoolExecutor sharedPool() {
        var pool = new ThreadPoolExecutor(0, SHARED_THREADS, IDLE_SECONDS, TimeUnit.SECONDS, new SynchronousQueue<>(),
                task -> {
                    Thread thread = new Thread(task, "s3-multi-delete-" + THREADS.incrementAndGet());
                    thread.setDaemon(true);
                    return thread;
                });
        pool.setRejectedExecutionHandler(new ThreadPoolExecutor.AbortPolicy());
        return pool;
    }

    /** Threads of the shared pool alive now (for tests). */
    static int sharedThreads() {
        return SHARED.getPoolSize();
    }

    /**
     * {@code work} applied to every item, on at most {@code lanesPerRequest} threads including the caller's.
     * {@code work} must not throw: it turns its failures into results.
     */
    static <T, R> List<R> map(List<T> items, int lanesPerRequest, Function<T, R> work) throws InterruptedException {
        var results = new AtomicReferenceArray<R>(items.size());
        var next = new AtomicInteger();
        var done = new CountDownLatch(items.size());
        Runnable lane = () -> {
            for (int i = next.getAndIncrement(); i < items.size(); i = next.getAndIncrement()) {
                try {
                    results.set(i, work.apply(items.get(i)));
                } finally {
                    done.countDown();
                }
            }
        };
        int helpers = Math.min(lanesPerRequest, items.size()) - 1;
        for (int i = 0; i < helpers; i++) {
            try {
                SHARED.execute(lane);
            } catch (RejectedExecutionException allBusy) {
                break;
            }
        }
        lane.run();
        // Keys taken by helper lanes may still be in flight.
        done.await();
        return IntStream.range(0, items.size()).mapToObj(results::get).toList();
    }
}
