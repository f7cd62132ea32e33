package io.s3multi.bench;

import java.lang.management.ManagementFactory;

/**
 * CPU used between {@link #start} and {@link Running#stop}: by the gateway processes, by the Swift proxy
 * behind them, and by this benchmark's own JVM, so that a saturated client shows up next to the figures.
 */
final class CostMeter {

    private CostMeter() {
    }

    /**
     * What one measured interval cost. Cores busy = CPU seconds per wall second. {@code swiftRequests}: those the
     * gateway sent to Swift, -1 where it cannot tell (only s3multi counts them). {@code gatewayJitCpu}: the part of
     * {@code gatewayCpu} its JIT compiler threads used (0 for a gateway that is not a JVM). {@code gatewayCompiles}:
     * the methods its JIT compiled meanwhile (-1 for a gateway that is not a JVM); near 0 once the warm-up has done
     * its job. {@code gatewaySwitches}: its threads' voluntary and involuntary context switches ({@link ThreadSwitches#since}).
     */
    record Cost(double wallSeconds, double gatewayCpu, double proxyCpu, double clientCpu, long gatewayPeakRss,
                long swiftRequests, double gatewayJitCpu, long gatewayCompiles, long[] gatewaySwitches) {

        double perGb(double cpuSeconds, long bytes) {
            return bytes == 0 ? Double.NaN : cpuSeconds / (bytes / 1e9);
        }

        double cores(double cpuSeconds) {
            return wallSeconds == 0 ? Double.NaN : cpuSeconds / wallSeconds;
        }
    }

    /** An interval being measured. */
    static final class Running {

        private final ProcessGroup gateway;
        private final ProcessGroup proxy;
        private final long startNanos;
        private final double gatewayStart;
        private final double gatewayJitStart;
        private final double proxyStart;
        private final double clientStart;
        private final long swiftStart;
        private final long compilesStart;
        private final ThreadSwitches switchesStart;

        private Running(ProcessGroup gateway, ProcessGroup proxy) {
            this.gateway = gateway;
            this.proxy = proxy;
            this.gatewayStart = gateway.cpuSeconds();
            this.gatewayJitStart = gateway.jitCpuSeconds();
            this.proxyStart = proxy.cpuSeconds();
            this.clientStart = clientCpuSeconds();
            this.swiftStart = gateway.swiftRequests();
            this.compilesStart = gateway.jitCompiles();
            this.switchesStart = gateway.contextSwitches();
            this.startNanos = System.nanoTime();
        }

        Cost stop() {
            double wall = (System.nanoTime() - startNanos) / 1e9;
            double gatewayCpu = gateway.cpuSeconds() - gatewayStart;
            double proxyCpu = proxy.cpuSeconds() - proxyStart;
            double clientCpu = clientCpuSeconds() - clientStart;
            long swift = swiftStart < 0 ? -1 : gateway.swiftRequests() - swiftStart;
            double gatewayJit = gateway.jitCpuSeconds() - gatewayJitStart;
            long compiles = compilesStart < 0 ? -1 : gateway.jitCompiles() - compilesStart;
            return new Cost(wall, gatewayCpu, proxyCpu, clientCpu, gateway.peakRssBytes(), swift, gatewayJit,
                    compiles, gateway.contextSwitches().since(switchesStart));
        }
    }

    static Running start(ProcessGroup gateway, ProcessGroup proxy) {
        return new Running(gateway, proxy);
    }

    private static double clientCpuSeconds() {
        var os = ManagementFactory.getOperatingSystemMXBean();
        if (os instanceof com.sun.management.OperatingSystemMXBean sun) {
            return sun.getProcessCpuTime() / 1e9;
        }
        return ProcFs.cpuSeconds(ProcessHandle.current().pid());
    }
}
