package io.s3multi.bench;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.s3multi.swift.error.SwiftConnectionException;
import io.s3multi.swift.error.SwiftException;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.stream.IntStream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** The versions of a versioned container are deleted several at once, every one of them even when some fail. */
class SwiftSweeperTest {

    private final ExecutorService threads = Executors.newFixedThreadPool(SwiftSweeper.PARALLEL_DELETES);

    @AfterEach
    void stop() {
        threads.shutdownNow();
    }

    @Test
    void theDeletesRunAtOnceAndAllOfThemRun() throws Exception {
        List<Integer> versions = IntStream.range(0, 100).boxed().toList();
        CountDownLatch together = new CountDownLatch(SwiftSweeper.PARALLEL_DELETES);
        Set<Integer> deleted = ConcurrentHashMap.newKeySet();
        SwiftSweeper.inParallel(threads, versions, version -> {
            together.countDown();
            try {
                // Deletes one after the other would wait here the whole 10 s for the others.
                assertTrue(together.await(10, TimeUnit.SECONDS), "the deletes do not run at once");
            } catch (InterruptedException interrupted) {
                throw new AssertionError(interrupted);
            }
            deleted.add(version);
        });
        assertEquals(Set.copyOf(versions), deleted);
    }

    @Test
    void aFailedDeleteStopsNoOtherAndIsTold() {
        SwiftException refused = new SwiftConnectionException("refused", null);
        Set<Integer> deleted = ConcurrentHashMap.newKeySet();
        Exception thrown = assertThrows(Exception.class, () -> SwiftSweeper.inParallel(threads,
                List.of(1, 2, 3), version -> {
                    if (version == 2) {
                        throw refused;
                    }
                    deleted.add(version);
                }));
        assertSame(refused, thrown);
        assertEquals(Set.of(1, 3), deleted);
    }
}
