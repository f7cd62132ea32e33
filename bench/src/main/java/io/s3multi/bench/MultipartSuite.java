package io.s3multi.bench;

import java.io.IOException;
import java.io.InputStream;
import java.security.DigestInputStream;
import java.security.MessageDigest;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HexFormat;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Multipart throughput: each repetition uploads one object of {@code size} bytes as parts through every
 * target in turn (A/B interleaved, so drift in the machine's load hits every target alike), reads it back
 * in one stream and checks its MD5 against the payload's, then deletes it.
 */
final class MultipartSuite {

    private static final Logger LOG = LoggerFactory.getLogger(MultipartSuite.class);

    /** One upload and download through one target. */
    record Repetition(String target, int repetition, long bytes, int parts, double upSeconds, double downSeconds,
                      CostMeter.Cost upCost, CostMeter.Cost downCost) {

        /** The S3 requests of the upload: Create, the parts, Complete. */
        int upRequests() {
            return parts + 2;
        }

        double upMbPerSecond() {
            return bytes / 1e6 / upSeconds;
        }

        double downMbPerSecond() {
            return bytes / 1e6 / downSeconds;
        }
    }

    /** The JIT compiler's share of a warm-up round's gateway CPU under which a JVM gateway counts as warm. */
    private static final double SETTLED_JIT_SHARE = 0.05;
    /** Rounds beyond {@code --multipart-warm-ups} that a JVM gateway gets at most to settle. */
    private static final int EXTRA_WARM_UPS = 4;

    private final Payload payload;
    private final long size;
    private final long partSize;
    private final int concurrency;
    private final int repetitions;
    private final int warmUps;
    private final Report report;

    MultipartSuite(Payload payload, long size, long partSize, int concurrency, int repetitions, int warmUps,
            Report report) {
        this.payload = payload;
        this.size = size;
        this.partSize = partSize;
        this.concurrency = concurrency;
        this.repetitions = repetitions;
        this.warmUps = warmUps;
        this.report = report;
    }

    /** The repetitions of each target, in target order. */
    Map<String, List<Repetition>> run(List<BenchTarget> targets) throws Exception {
        String expected = payload.md5(size);
        Map<String, List<Repetition>> results = new LinkedHashMap<>();
        targets.forEach(t -> results.put(t.name(), new ArrayList<>()));
        ExecutorService parallel = Executors.newFixedThreadPool(concurrency);
        try {
            warmUp(targets, parallel);
            for (int r = 1; r <= repetitions; r++) {
                // Alternate the order as well, so that no target always runs right after the same neighbour.
                List<BenchTarget> order = new ArrayList<>(targets);
                if (r % 2 == 0) {
                    Collections.reverse(order);
                }
                for (BenchTarget target : order) {
                    Repetition rep = once(target, r, expected, parallel);
                    results.get(target.name()).add(rep);
                    report.multipartRepetition(rep);
                }
            }
        } finally {
            parallel.shutdownNow();
        }
        return results;
    }

    /**
     * Untimed uploads and reads of the full size per target ({@code --multipart-warm-ups} at least), so that the
     * timed repetitions pay neither for first connections nor for a JVM gateway's class loading and JIT compiler.
     * A fixed number was not enough: after two rounds of 512 MiB the compiler still took 0.09-0.36 CPU-s of each
     * repetition's upload (136-224 compilations), a tenth of the gateway's CPU, and fewer in each repetition than in
     * the one before. So a JVM gateway gets more rounds until its compiler's part of one is under
     * {@link #SETTLED_JIT_SHARE} of the gateway's CPU, at most {@link #EXTRA_WARM_UPS} more; any other target (no
     * compile count) the given number.
     */
    private void warmUp(List<BenchTarget> targets, ExecutorService parallel) throws Exception {
        List<BenchTarget> unsettled = new ArrayList<>(warmUps > 0 ? targets : List.of());
        for (int round = 1; !unsettled.isEmpty(); round++) {
            for (Iterator<BenchTarget> each = unsettled.iterator(); each.hasNext(); ) {
                BenchTarget target = each.next();
                CostMeter.Cost cost = warmUp(target, round, parallel);
                boolean jvm = cost.gatewayCompiles() >= 0;
                boolean settled = cost.gatewayJitCpu() < SETTLED_JIT_SHARE * cost.gatewayCpu();
                if (round >= warmUps && (!jvm || settled || round >= warmUps + EXTRA_WARM_UPS)) {
                    if (jvm) {
                        LOG.info("multipart {} warm-up: {} after {} rounds", target.name(),
                                settled ? "the JIT compiler settled" : "the JIT compiler had not settled", round);
                    }
                    each.remove();
                }
            }
        }
    }

    private CostMeter.Cost warmUp(BenchTarget target, int round, ExecutorService parallel) throws Exception {
        LOG.info("multipart {} warm-up {}: {} bytes", target.name(), round, size);
        CostMeter.Running meter = CostMeter.start(target.gateway(), target.proxy());
        target.uploadMultipart("multipart/warm-up", payload, size, partSize, parallel);
        String md5 = readMd5(target, "multipart/warm-up");
        CostMeter.Cost cost = meter.stop();
        if (!payload.md5(size).equals(md5)) {
            throw new IOException(target.name() + ": warm-up object read back with the wrong MD5");
        }
        target.delete("multipart/warm-up");
        if (cost.gatewayCompiles() >= 0) {
            LOG.info("multipart {} warm-up {}: gateway {} CPU-s, of it JIT {}, {} JIT compilations", target.name(),
                    round, String.format(Locale.ROOT, "%.2f", cost.gatewayCpu()),
                    String.format(Locale.ROOT, "%.2f", cost.gatewayJitCpu()), cost.gatewayCompiles());
        }
        return cost;
    }

    private Repetition once(BenchTarget target, int r, String expectedMd5, ExecutorService parallel)
            throws Exception {
        String key = "multipart/object-" + r;
        LOG.info("multipart {} repetition {}: {} bytes as parts of {}", target.name(), r, size, partSize);
        CostMeter.Running up = CostMeter.start(target.gateway(), target.proxy());
        long t0 = System.nanoTime();
        target.uploadMultipart(key, payload, size, partSize, parallel);
        double upSeconds = (System.nanoTime() - t0) / 1e9;
        CostMeter.Cost upCost = up.stop();

        CostMeter.Running down = CostMeter.start(target.gateway(), target.proxy());
        long t1 = System.nanoTime();
        String actual = readMd5(target, key);
        double downSeconds = (System.nanoTime() - t1) / 1e9;
        CostMeter.Cost downCost = down.stop();
        if (!expectedMd5.equals(actual)) {
            throw new IOException(target.name() + ": read back MD5 " + actual + ", uploaded " + expectedMd5);
        }
        target.delete(key);
        int parts = (int) ((size + partSize - 1) / partSize);
        return new Repetition(target.name(), r, size, parts, upSeconds, downSeconds, upCost, downCost);
    }

    private static String readMd5(BenchTarget target, String key) throws Exception {
        MessageDigest md5 = Payload.newMd5();
        byte[] buffer = new byte[64 * 1024];
        try (InputStream in = new DigestInputStream(target.open(key), md5)) {
            while (in.read(buffer) >= 0) {
                // DigestInputStream digests as it reads; nothing is kept.
            }
        }
        return HexFormat.of().formatHex(md5.digest());
    }
}
