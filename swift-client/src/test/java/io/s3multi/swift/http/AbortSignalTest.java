package io.s3multi.swift.http;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class AbortSignalTest {

    @Test
    void firesTheBoundExchangeOnceWithTheFirstReason() {
        AbortSignal signal = new AbortSignal();
        List<Throwable> fired = new ArrayList<>();
        signal.bind(fired::add);
        assertFalse(signal.isAborted());

        RuntimeException first = new RuntimeException("first");
        signal.abort(first);
        signal.abort(new RuntimeException("second"));

        assertEquals(List.of(first), fired);
        assertSame(first, signal.reason());
        assertTrue(signal.isAborted());
    }

    @Test
    void anEarlierAbortFiresAsSoonAsAnExchangeIsBound() {
        AbortSignal signal = new AbortSignal();
        RuntimeException reason = new RuntimeException("early");
        signal.abort(reason);
        List<Throwable> fired = new ArrayList<>();

        signal.bind(fired::add);

        assertEquals(List.of(reason), fired);
    }
}
