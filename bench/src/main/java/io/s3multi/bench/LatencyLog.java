package io.s3multi.bench;

import java.util.Arrays;

/** Latencies of one worker in nanoseconds, appended without boxing; merged after the workers stop. */
final class LatencyLog {

    private long[] values = new long[1024];
    private int size;
    private int errors;

    void record(long nanos) {
        if (size == values.length) {
            values = Arrays.copyOf(values, size * 2);
        }
        values[size++] = nanos;
    }

    void error() {
        errors++;
    }

    int count() {
        return size;
    }

    int errors() {
        return errors;
    }

    /** All latencies of all logs, sorted. */
    static long[] mergeSorted(Iterable<LatencyLog> logs) {
        int total = 0;
        for (LatencyLog log : logs) {
            total += log.size;
        }
        long[] all = new long[total];
        int at = 0;
        for (LatencyLog log : logs) {
            System.arraycopy(log.values, 0, all, at, log.size);
            at += log.size;
        }
        Arrays.sort(all);
        return all;
    }
}
