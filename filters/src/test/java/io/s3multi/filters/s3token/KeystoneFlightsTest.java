package io.s3multi.filters.s3token;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.s3multi.s3.error.S3Exception;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class KeystoneFlightsTest {

    private final ExecutorService pool = Executors.newCachedThreadPool();
    private final CountDownLatch release = new CountDownLatch(1);
    private final CountDownLatch started = new CountDownLatch(1);

    @AfterEach
    void stop() {
        release.countDown();
        pool.shutdownNow();
    }

    /** An exchange that announces it runs, then waits for the test to release it. */
    private KeystoneVerdict heldExchange() {
        started.countDown();
        try {
            assertTrue(release.await(30, TimeUnit.SECONDS), "never released");
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        return new KeystoneVerdict.Unknown();
    }

    @Test
    void beyondTheCapAnExchangeIsRefusedAtOnceWithSlowDown() throws Exception {
        var flights = new KeystoneFlights(1, Duration.ofSeconds(30));
        Future<KeystoneVerdict> first = pool.submit(() -> flights.join("key-a", false, this::heldExchange));
        assertTrue(started.await(30, TimeUnit.SECONDS));

        long start = System.nanoTime();
        S3Exception refused = assertThrows(S3Exception.class,
                () -> flights.join("key-b", false, () -> new KeystoneVerdict.Unknown()));
        long tookMillis = (System.nanoTime() - start) / 1_000_000;

        assertEquals("SlowDown", refused.code().wireCode());
        assertEquals(503, refused.code().httpStatus());
        assertTrue(tookMillis < 1_000, "answered in " + tookMillis + " ms, without waiting for the first");
        release.countDown();
        assertTrue(first.get(30, TimeUnit.SECONDS) instanceof KeystoneVerdict.Unknown);
        assertTrue(flights.join("key-b", false, () -> new KeystoneVerdict.Unknown())
                instanceof KeystoneVerdict.Unknown, "the permit is back");
    }

    @Test
    void requestsAboutOneKeyWaitForTheExchangeUnderWayInsteadOfStartingTheirOwn() throws Exception {
        var flights = new KeystoneFlights(8, Duration.ofSeconds(30));
        AtomicInteger exchanges = new AtomicInteger();
        List<Future<KeystoneVerdict>> verdicts = new ArrayList<>();
        verdicts.add(pool.submit(() -> flights.join("key", false, () -> {
            exchanges.incrementAndGet();
            return heldExchange();
        })));
        assertTrue(started.await(30, TimeUnit.SECONDS));
        for (int i = 0; i < 5; i++) {
            verdicts.add(pool.submit(() -> flights.join("key", false, () -> {
                exchanges.incrementAndGet();
                return new KeystoneVerdict.Unknown();
            })));
        }
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
        while (flights.waiting("key", false) < 5 && System.nanoTime() < deadline) {
            Thread.onSpinWait();
        }
        assertEquals(5, flights.waiting("key", false));
        release.countDown();
        for (Future<KeystoneVerdict> verdict : verdicts) {
            assertTrue(verdict.get(30, TimeUnit.SECONDS) instanceof KeystoneVerdict.Unknown);
        }
        assertEquals(1, exchanges.get());
    }

    @Test
    void aWaiterGivesUpAfterTheLongestWaitWithServiceUnavailable() throws Exception {
        var flights = new KeystoneFlights(8, Duration.ofMillis(200));
        pool.submit(() -> flights.join("key", false, this::heldExchange));
        assertTrue(started.await(30, TimeUnit.SECONDS));
        S3Exception gaveUp = assertThrows(S3Exception.class,
                () -> flights.join("key", false, () -> new KeystoneVerdict.Unknown()));
        assertEquals("ServiceUnavailable", gaveUp.code().wireCode());
    }
}
