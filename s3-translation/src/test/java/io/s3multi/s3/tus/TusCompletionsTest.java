package io.s3multi.s3.tus;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.s3multi.s3.contract.UploadId;
import io.s3multi.s3.processing.BackgroundCompletions;
import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;

class TusCompletionsTest {

    private static final TusUploadRef UPLOAD = new TusUploadRef("AUTH_test", "b", "k", UploadId.newId(Instant.now()));

    @Test
    void respondAsyncIsFoundAmongOtherPreferences() {
        assertTrue(TusCompletions.prefersAsync("respond-async"));
        assertTrue(TusCompletions.prefersAsync("return=minimal, Respond-Async; x=1, wait=10"));
        assertTrue(TusCompletions.prefersAsync("wait=5,respond-async"));
        assertFalse(TusCompletions.prefersAsync(null));
        assertFalse(TusCompletions.prefersAsync("wait=5"));
        assertFalse(TusCompletions.prefersAsync("respond-asynchronously"));
    }

    @Test
    void oneCompletionOfAnUploadRunsAtATimeHere() throws Exception {
        try (BackgroundCompletions background = new BackgroundCompletions(2, 2)) {
            TusCompletions completions = new TusCompletions(background);
            CountDownLatch release = new CountDownLatch(1);
            CountDownLatch started = new CountDownLatch(1);
            AtomicInteger runs = new AtomicInteger();
            Runnable completion = () -> {
                runs.incrementAndGet();
                started.countDown();
                try {
                    release.await(10, TimeUnit.SECONDS);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
            };
            assertTrue(completions.inBackground(UPLOAD, completion));
            assertTrue(started.await(10, TimeUnit.SECONDS));
            assertTrue(completions.isRunning(UPLOAD));
            assertTrue(completions.inBackground(UPLOAD, completion), "accepted: one runs already");
            release.countDown();
            long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
            while (completions.isRunning(UPLOAD) && System.nanoTime() < deadline) {
                Thread.onSpinWait();
            }
            assertFalse(completions.isRunning(UPLOAD));
            assertEquals(1, runs.get(), "ran once, not twice");
        }
    }

    /**
     * A failing completion, resumed by a HEAD polled every second, runs again only after its back-off (1 s, then
     * 2 s, 4 s, ... up to a minute); one that succeeds forgets the failures.
     */
    @Test
    void aFailingCompletionIsResumedByHeadsOnlyAfterItsBackoff() throws Exception {
        AtomicLong now = new AtomicLong();
        try (BackgroundCompletions background = new BackgroundCompletions(1, 4)) {
            TusCompletions completions = new TusCompletions(background, now::get);
            AtomicInteger runs = new AtomicInteger();
            AtomicInteger failing = new AtomicInteger(Integer.MAX_VALUE);
            Runnable completion = () -> {
                runs.incrementAndGet();
                if (failing.getAndDecrement() > 0) {
                    throw new IllegalStateException("clamd unreachable");
                }
            };
            // Polled once a second for 10 s: runs at 0 (fails), 1 (fails), 3 (fails), 7 (fails); not at the others.
            for (int second = 0; second < 10; second++) {
                now.set(TimeUnit.SECONDS.toNanos(second));
                completions.resumeInBackground(UPLOAD, completion);
                awaitIdle(completions);
            }
            assertEquals(4, runs.get(), "runs in 10 s of polling");

            now.set(TimeUnit.SECONDS.toNanos(15));
            failing.set(0);
            completions.resumeInBackground(UPLOAD, completion);
            awaitIdle(completions);
            assertEquals(5, runs.get(), "due again after 8 s: ran, and succeeded");
            completions.resumeInBackground(UPLOAD, completion);
            awaitIdle(completions);
            assertEquals(6, runs.get(), "no back-off after a success");
        }
        assertEquals(Duration.ofSeconds(1), TusCompletions.backoff(1));
        assertEquals(Duration.ofSeconds(32), TusCompletions.backoff(6));
        assertEquals(TusCompletions.MAX_BACKOFF, TusCompletions.backoff(7));
        assertEquals(TusCompletions.MAX_BACKOFF, TusCompletions.backoff(1000));
    }

    private static void awaitIdle(TusCompletions completions) {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
        while (completions.isRunning(UPLOAD) && System.nanoTime() < deadline) {
            Thread.onSpinWait();
        }
        assertFalse(completions.isRunning(UPLOAD));
    }
}
