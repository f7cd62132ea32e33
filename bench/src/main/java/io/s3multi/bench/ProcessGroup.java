package io.s3multi.bench;

import java.util.List;

/**
 * A named set of server processes whose cost is measured together: the gateway JVM, or a Swift proxy's
 * parent and its workers. {@link #none()} stands for "no such process" (direct Swift has no gateway).
 */
record ProcessGroup(String name, List<Long> pids) {

    ProcessGroup {
        pids = List.copyOf(pids);
    }

    static ProcessGroup none() {
        return new ProcessGroup("-", List.of());
    }

    boolean isEmpty() {
        return pids.isEmpty();
    }

    double cpuSeconds() {
        double sum = 0;
        for (long pid : pids) {
            sum += ProcFs.cpuSeconds(pid);
        }
        return sum;
    }

    /** The largest VmHWM among the processes (for one JVM: its peak RSS), -1 when none is known. */
    long peakRssBytes() {
        long max = -1;
        for (long pid : pids) {
            max = Math.max(max, ProcFs.peakRssBytes(pid));
        }
        return max;
    }
}
