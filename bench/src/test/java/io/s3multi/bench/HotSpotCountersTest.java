package io.s3multi.bench;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class HotSpotCountersTest {

    @Test
    void readsThisJvmsCompileCountAsJcmdPerfCounterPrintShowsIt() {
        long pid = ProcessHandle.current().pid();
        long compiles = HotSpotCounters.read(pid, HotSpotCounters.COMPILES);
        assertTrue(compiles > 0, "compiles: " + compiles);
        assertTrue(HotSpotCounters.read(pid, HotSpotCounters.COMPILES) >= compiles);
        assertEquals(-1, HotSpotCounters.read(pid, "no.such.counter"));
        assertEquals(-1, HotSpotCounters.read(-1, HotSpotCounters.COMPILES));
    }
}
