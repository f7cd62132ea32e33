package io.s3multi.bench;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Locale;
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
        this(body, workers, Duration.ofSeconds(seconds), Duration.ofSeconds(warmUpSeconds), report);
    }

    SmallObjectSuite(byte[] body, int workers, Duration phase, Duration warmUp, Report report) {
        this.body = body;
        this.workers = workers;
        this.durationNanos = phase.toNanos();
        this.warmUpNanos = warmUp.toNanos();
        this.report = report;
    }

    List<Phase> run(List<BenchTarget> targets) throws Exception {
        int[] written = new int[workers * targets.size()];
        warmUp(targets, written);
        List<Phase> phases = new ArrayList<>();
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
     * Untimed rounds of exactly the timed phases (PUT of fresh keys, then GET and HEAD of random keys among those
     * written, each by every worker for the phase's time), so that no phase pays for class loading, first
     * connections or a JVM gateway's JIT compiler. Traffic of another shape is not enough: with PUT/GET/HEAD rounds
     * on one key per worker as warm-up, the JIT compiled about 580 methods in three 10 s phases after 120 s of it
     * (new paths got hot, and code compiled for one mix was thrown away when the phases ran one operation at a
     * time).
     *
     * <p>A JVM gateway gets rounds until one costs its compiler fewer than one compilation per two seconds of
     * traffic ({@link #settled}), or until it has had the warm-up time; a gateway that is not a JVM (Swift's s3api,
     * no compile count) one round. How soon a JVM settles depends on the requests it has served, not on the time:
     * HotSpot compiles a method called once per request with C2 after some 5,000 requests.
     *
     * <p>The targets take turns, one round each, every second round in the opposite order: two gateways compared
     * (s3multi and s3multi-b) then warm up through the same minutes. Warmed up one after the other, the first met
     * another load of a shared machine than the second, and served fewer requests in its time, so it entered the
     * phases less compiled (docs/BENCHMARKS.md, session 10's A/B).
     */
    private void warmUp(List<BenchTarget> targets, int[] written) throws Exception {
        List<WarmUp> warmUps = new ArrayList<>();
        for (int t = 0; t < targets.size(); t++) {
            BenchTarget target = targets.get(t);
            LOG.info("small objects {} warm-up: rounds of the PUT, GET and HEAD phases ({} workers, {} s each) for"
                    + " {} s at most", target.name(), workers, durationNanos / 1e9, warmUpNanos / 1e9);
            warmUps.add(new WarmUp(target, t * workers, target.gateway().jitCompiles() >= 0));
        }
        for (int round = 1; warmUps.stream().anyMatch(w -> !w.done); round++) {
            List<WarmUp> turns = new ArrayList<>(warmUps);
            if (round % 2 == 0) {
                Collections.reverse(turns);
            }
            for (WarmUp warmUp : turns) {
                if (!warmUp.done) {
                    warmUpRound(warmUp, round, written);
                }
            }
        }
    }

    /** One target's warm-up: where its objects are counted, and how far it has come. */
    private static final class WarmUp {
        final BenchTarget target;
        final int base;
        final boolean jvm;
        long spentNanos;
        boolean done;

        WarmUp(BenchTarget target, int base, boolean jvm) {
            this.target = target;
            this.base = base;
            this.jvm = jvm;
        }
    }

    private void warmUpRound(WarmUp warmUp, int round, int[] written) throws Exception {
        BenchTarget target = warmUp.target;
        long started = System.nanoTime();
        long compiles = 0;
        for (Operation op : Operation.values()) {
            // what each round still costs, on standard error: how soon the compiler settles
            CostMeter.Running meter = CostMeter.start(target.gateway(), target.proxy());
            int requests = run(target, op, written, warmUp.base).stream()
                    .mapToInt(l -> l.count() + l.errors()).sum();
            CostMeter.Cost cost = meter.stop();
            compiles += Math.max(0, cost.gatewayCompiles());
            LOG.info("small objects {} warm-up round {} {}: {} requests, gateway {} ms CPU/request of it JIT {},"
                    + " {} JIT compilations", target.name(), round, op, requests,
                    String.format(Locale.ROOT, "%.2f", 1000 * cost.gatewayCpu() / Math.max(1, requests)),
                    String.format(Locale.ROOT, "%.2f", 1000 * cost.gatewayJitCpu() / Math.max(1, requests)),
                    cost.gatewayCompiles());
        }
        warmUp.spentNanos += System.nanoTime() - started;
        boolean settled = settled(compiles);
        warmUp.done = !warmUp.jvm || settled || warmUp.spentNanos >= warmUpNanos;
        if (warmUp.done) {
            LOG.info("small objects {} warm-up: {} after {} rounds", target.name(),
                    !warmUp.jvm ? "done" : settled ? "the JIT compiler settled"
                            : "time is up, the JIT compiler had not settled", round);
        }
    }

    /** Fewer compilations in a round (three phases) than one per two seconds of it. */
    private boolean settled(long compilesInRound) {
        return compilesInRound * 2_000_000_000L < 3 * durationNanos;
    }

    /** {@code written[base + w]}: how many objects worker {@code w} has PUT; GET and HEAD pick among them. */
    private Phase phase(BenchTarget target, Operation op, int[] written, int base) throws Exception {
        LOG.info("small objects {} {}: {} workers", target.name(), op, workers);
        CostMeter.Running meter = CostMeter.start(target.gateway(), target.proxy());
        long start = System.nanoTime();
        List<LatencyLog> done = run(target, op, written, base);
        double seconds = (System.nanoTime() - start) / 1e9;
        CostMeter.Cost cost = meter.stop();
        int errors = done.stream().mapToInt(LatencyLog::errors).sum();
        return new Phase(target.name(), op, body.length, seconds, LatencyLog.mergeSorted(done), errors, cost);
    }

    /** Every worker repeating {@code op} for the phase's time; their latency logs. */
    private List<LatencyLog> run(BenchTarget target, Operation op, int[] written, int base) throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(workers);
        List<Future<LatencyLog>> logs = new ArrayList<>();
        long deadline = System.nanoTime() + durationNanos;
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
        return done;
    }

    private LatencyLog work(BenchTarget target, Operation op, int worker, int[] written, int base, long deadline) {
        LatencyLog log = new LatencyLog();
        SplittableRandom random = new SplittableRandom(worker);
        int count = written[base + worker];
        do { // at least one request per worker and phase, however short the phase
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
        } while (System.nanoTime() < deadline);
        written[base + worker] = count;
        return log;
    }

    private static String key(int worker, int index) {
        return "small/" + worker + "/" + index;
    }
}
