package io.s3multi.bench;

import java.util.Arrays;

/** Medians and nearest-rank percentiles; the inputs are copied, never reordered. */
final class Stats {

    private Stats() {
    }

    /** The median: the middle value, or the mean of the two middle values; NaN when empty. */
    static double median(double[] values) {
        if (values.length == 0) {
            return Double.NaN;
        }
        double[] sorted = values.clone();
        Arrays.sort(sorted);
        int mid = sorted.length / 2;
        return sorted.length % 2 == 1 ? sorted[mid] : (sorted[mid - 1] + sorted[mid]) / 2;
    }

    /**
     * The nearest-rank percentile ({@code 0 < p <= 100}) of already sorted values: the smallest value with
     * at least {@code p} percent of the values at or below it. -1 when empty.
     */
    static long percentileOfSorted(long[] sorted, double p) {
        if (p <= 0 || p > 100) {
            throw new IllegalArgumentException("percentile must be in (0, 100]: " + p);
        }
        if (sorted.length == 0) {
            return -1;
        }
        int rank = (int) Math.ceil(p / 100.0 * sorted.length);
        return sorted[Math.max(0, rank - 1)];
    }
}
