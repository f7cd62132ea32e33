package io.s3multi.s3.tus;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.s3multi.s3.contract.UploadId;
import io.s3multi.s3.processing.BackgroundCompletions;
import java.time.Instant;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
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
}
