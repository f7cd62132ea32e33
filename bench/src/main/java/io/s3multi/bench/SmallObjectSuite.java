package io.s3multi.bench;

import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Small objects: for each operation (PUT, then GET and HEAD of the objects the PUT phase wrote), every
 * target in turn gets {@code workers} threads that repeat the operation for {@code seconds}. Each thread
 * keeps its own latency log; a failed request counts as an error and is not timed.
 */
final class SmallObjectSuite {

    private static final Logger LOG = LoggerFactory.getLogger(SmallObjectSuite.class);

    enum Operation { PUT, GET, HEAD }


    /** One operation against one target. Latencies in nanoseconds, sorted. */
    record Phase(String target, Operation operation, int objectBytes, double seconds, long[] latencies,
                 int errors, CostMeter.Cost cost) {

        double opsPerSecond() {
            return latencies.length / seconds;
        }

        double percentileMillis(double p) {
            return Stats.percentileOfSorted(latencies, p) / 1e6;
        }
    }

    private final byte[] body;
    private final int workers;
    private final long durationNanos;
    private final long warmUpNanos;
    private final Report report;

    SmallObjectSuite(byte[] body, int workers, int seconds, int warmUpSeconds, Report report) {
        this.body = body;
        this.workers = workers;
        this.durationNanos = seconds * 1_000_000_000L;
        this.warmUpNanos = warmUpSeconds * 1_000_000_000L;
        this.report = report;
    }

    List<Phase> run(List<BenchTarget> targets) throws Exception {
        for (BenchTarget target : targets) {
            warmUp(target);
        }
        List<Phase> phases = new ArrayList<>();
        int[] written = new int[workers * targets.size()];
        for (Operation op : Operation.values()) {
            for (int t = 0; t < targets.size(); t++) {
                Phase phase = phase(targets.get(t), op, written, t * workers);
                phases.add(phase);
                report.smallPhase(phase);
            }
        }
        return phases;
    }

    /**
     * Untimed PUT, GET and HEAD rounds by every worker for the warm-up time, so that no phase pays for class
     * loading, first connections or a JVM gateway's JIT compiler (on two cores the compiler alone takes a
     * core for the first tens of seconds of traffic): the phases measure the steady state a long-running
     * gateway is in.
     */
    private void warmUp(BenchTarget target) throws Exception {
        LOG.info("small objects {} warm-up: {} workers for {} s", target.name(), workers, warmUpNanos / 1_000_000_000L);
        ExecutorService pool = Executors.newFixedThreadPool(workers);
        long deadline = System.nanoTime() + warmUpNanos;
        List<Future<?>> rounds = new ArrayList<>();
        for (int w = 0; w < workers; w++) {
            String key = "small/warm-up/" + w;
            rounds.add(pool.submit(() -> {
                do {
                    target.put(key, body);
                    target.get(key);
                    target.head(key);
                } while (System.nanoTime() < deadline);
                target.delete(key);
                return null;
            }));
        }
        try {
            for (Future<?> round : rounds) {
                round.get();
            }
        } finally {
            pool.shutdownNow();
        }
    }

    /** {@code written[base + w]}: how many objects worker {@code w} has PUT; GET and HEAD pick among them. */
    private Phase phase(BenchTarget target, Operation op, int[] written, int base) throws Exception {
        LOG.info("small objects {} {}: {} workers", target.name(), op, workers);
        ExecutorService pool = Executors.newFixedThreadPool(workers);
        List<Future<LatencyLog>> logs = new ArrayList<>();
        CostMeter.Running meter = CostMeter.start(target.gateway(), target.proxy());
        long start = System.nanoTime();
        long deadline = start + durationNanos;
        for (int w = 0; w < workers; w++) {
            int worker = w;
            logs.add(pool.submit(() -> work(target, op, worker, written, base, deadline)));
        }
        List<LatencyLog> done = new ArrayList<>();
        try {
            for (Future<LatencyLog> f : logs) {
                done.add(f.get());
            }
        } finally {
            pool.shutdownNow();
        }
        double seconds = (System.nanoTime() - start) / 1e9;
        CostMeter.Cost cost = meter.stop();
        int errors = done.stream().mapToInt(LatencyLog::errors).sum();
        return new Phase(target.name(), op, body.length, seconds, LatencyLog.mergeSorted(done), errors, cost);
    }

    private LatencyLog work(BenchTarget target, Operation op, int worker, int[] written, int base, long deadline) {
        LatencyLog log = new LatencyLog();
        SplittableRandom random = new SplittableRandom(worker);
        int count = written[base + worker];
        while (System.nanoTime() < deadline) {
            String key;
            if (op == Operation.PUT) {
                key = key(worker, count);
            } else if (count == 0) {
                break;
            } else {
                key = key(worker, random.nextInt(count));
            }
            long t0 = System.nanoTime();
            try {
                switch (op) {
                    case PUT -> target.put(key, body);
                    case GET -> target.get(key);
                    case HEAD -> target.head(key);
                }
                log.record(System.nanoTime() - t0);
                if (op == Operation.PUT) {
                    count++;
                }
            } catch (Exception e) {
                log.error();
                LOG.debug("{} {} {} failed: {}", target.name(), op, key, e.toString());
            }
        }
        written[base + worker] = count;
        return log;
    }

    private static String key(int worker, int index) {
        return "small/" + worker + "/" + index;
    }
}
