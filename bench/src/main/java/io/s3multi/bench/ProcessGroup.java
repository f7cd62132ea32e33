package io.s3multi.bench;

import java.net.URI;

import java.util.List;

/**
 * A named set of server processes whose cost is measured together: the gateway JVM, or a Swift proxy's
 * parent and its workers. {@link #none()} stands for "no such process" (direct Swift has no gateway).
 */
record ProcessGroup(String name, List<Long> pids, URI metrics) {

    ProcessGroup {
        pids = List.copyOf(pids);
    }

    ProcessGroup(String name, List<Long> pids) {
        this(name, pids, null);
    }

    static ProcessGroup none() {
        return new ProcessGroup("-", List.of());
    }

    /**
     * The requests the gateway has sent to Swift so far ({@code s3multi_swift_requests_total} of its metrics), -1
     * when it has no metrics to read (Swift's s3api, S3Proxy, direct Swift).
     */
    long swiftRequests() {
        return metrics == null ? -1 : GatewayMetricsReader.swiftRequests(metrics);
    }

    /** The gateway's heap in use now (its metrics' {@code jvm_memory_used_bytes}), -1 without metrics. */
    long heapUsed() {
        return metrics == null ? -1 : GatewayMetricsReader.heapUsed(metrics);
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

    /** CPU seconds of the processes' JIT compiler threads ({@link ProcFs#jitCpuSeconds}). */
    double jitCpuSeconds() {
        double sum = 0;
        for (long pid : pids) {
            sum += ProcFs.jitCpuSeconds(pid);
        }
        return sum;
    }

    /** Every thread's context switches now ({@link ThreadSwitches}). */
    ThreadSwitches contextSwitches() {
        return ThreadSwitches.read(pids);
    }

    /** JIT compilations of the (JVM) processes so far ({@link HotSpotCounters#COMPILES}), -1 when unknown. */
    long jitCompiles() {
        long sum = pids.isEmpty() ? -1 : 0;
        for (long pid : pids) {
            long one = HotSpotCounters.read(pid, HotSpotCounters.COMPILES);
            if (one < 0) {
                return -1;
            }
            sum += one;
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
