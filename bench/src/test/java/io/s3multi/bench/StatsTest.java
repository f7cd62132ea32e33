package io.s3multi.bench;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class StatsTest {

    @Test
    void medianOfOddAndEvenCountsAndItLeavesTheInputAlone() {
        double[] odd = {5, 1, 3};
        assertEquals(3, Stats.median(odd));
        assertEquals(5, odd[0], "input reordered");
        assertEquals(2.5, Stats.median(new double[] {4, 1, 2, 3}));
        assertTrue(Double.isNaN(Stats.median(new double[0])));
    }

    @Test
    void nearestRankPercentiles() {
        long[] sorted = new long[100];
        for (int i = 0; i < 100; i++) {
            sorted[i] = i + 1;
        }
        assertEquals(50, Stats.percentileOfSorted(sorted, 50));
        assertEquals(90, Stats.percentileOfSorted(sorted, 90));
        assertEquals(99, Stats.percentileOfSorted(sorted, 99));
        assertEquals(100, Stats.percentileOfSorted(sorted, 100));
        assertEquals(7, Stats.percentileOfSorted(new long[] {7}, 99));
        assertEquals(20, Stats.percentileOfSorted(new long[] {10, 20}, 99));
        assertEquals(-1, Stats.percentileOfSorted(new long[0], 50));
        assertThrows(IllegalArgumentException.class, () -> Stats.percentileOfSorted(sorted, 0));
    }

    @Test
    void latencyLogsMergeSorted() {
        LatencyLog a = new LatencyLog();
        LatencyLog b = new LatencyLog();
        for (int i = 3000; i > 0; i--) {
            a.record(i * 2L);
            b.record(i * 2L - 1);
        }
        long[] all = LatencyLog.mergeSorted(java.util.List.of(a, b));
        assertEquals(6000, all.length);
        for (int i = 0; i < all.length; i++) {
            assertEquals(i + 1, all[i]);
        }
    }
}
