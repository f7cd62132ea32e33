package io.s3multi.bench;

import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Bounded memory: one upload whose parts all go through the gateway at the same time (16 parts of 64 MiB
 * by default, 1 GiB in flight), against a gateway started with a small {@code -Xmx}. A gateway that held
 * parts in memory would fail with OutOfMemoryError; one that streams keeps its peak RSS near its idle size.
 */
record HeapSuite(Payload payload, int parts, long partBytes, String xmx) {

    private static final Logger LOG = LoggerFactory.getLogger(HeapSuite.class);

    /** The outcome: whether every part and the Complete succeeded, and what the gateway needed. */
    record Result(String target, int parts, long partBytes, String xmx, boolean ok, String failure,
                  double seconds, long idlePeakRss, long peakHeapUsed, CostMeter.Cost cost) {
    }

    Result run(BenchTarget gateway) {
        long idle = gateway.gateway().peakRssBytes();
        ExecutorService parallel = Executors.newFixedThreadPool(parts);
        CostMeter.Running meter = CostMeter.start(gateway.gateway(), gateway.proxy());
        long t0 = System.nanoTime();
        // the heap in use, read from the gateway's metrics every 100 ms while the parts go
        AtomicLong peakHeap = new AtomicLong(-1);
        ScheduledExecutorService sampler = Executors.newSingleThreadScheduledExecutor();
        sampler.scheduleWithFixedDelay(() -> peakHeap.accumulateAndGet(gateway.gateway().heapUsed(), Math::max),
                0, 100, TimeUnit.MILLISECONDS);
        boolean ok = true;
        String failure = "";
        try {
            LOG.info("heap check: {} parts of {} bytes at once through {}", parts, partBytes, gateway.name());
            gateway.uploadMultipart("heap/object", payload, parts * partBytes, partBytes, parallel);
            gateway.delete("heap/object");
        } catch (Exception e) {
            ok = false;
            failure = e.toString();
        } finally {
            parallel.shutdownNow();
            sampler.shutdownNow();
        }
        double seconds = (System.nanoTime() - t0) / 1e9;
        return new Result(gateway.name(), parts, partBytes, xmx, ok, failure, seconds, idle, peakHeap.get(),
                meter.stop());
    }
}
