package io.s3multi.swift.http;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

/** Whichever of the operation's end and the watchdog's stop comes first wins, and only for that operation. */
class OperationWatchTest {

    private static final long TIMEOUT = 1_000_000_000L;

    private final OperationWatch watch = new OperationWatch(TIMEOUT);

    private static long later() {
        return System.nanoTime() + 2 * TIMEOUT;
    }

    @Test
    void anOperationStoppedByTheWatchdogDoesNotEndInTime() {
        long stamp = watch.begin();
        assertEquals(stamp, watch.lateAt(later()));
        assertTrue(watch.stop(stamp));
        assertFalse(watch.end(stamp));
    }

    @Test
    void anOperationThatEndedFirstCannotBeStopped() {
        long stamp = watch.begin();
        long late = watch.lateAt(later());
        assertTrue(watch.end(stamp));
        assertFalse(watch.stop(late));
    }

    @Test
    void aStaleDecisionDoesNotStopTheNextOperationEvenInTheSameNanosecond() {
        long first = watch.begin();
        long late = watch.lateAt(later());
        assertTrue(watch.end(first));
        long next = watch.begin();
        assertNotEquals(first, next);
        assertFalse(watch.stop(late));
        assertTrue(watch.end(next));
    }

    @Test
    void nothingRunningIsNeverLateAndARecentOperationIsNotYet() {
        assertEquals(0, watch.lateAt(later()));
        watch.begin();
        assertEquals(0, watch.lateAt(System.nanoTime()));
    }
}
