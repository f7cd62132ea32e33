package io.s3multi.bench;

import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.LongAdder;

/** Counts of the load run, shared by all clients: operations done and failed per kind, the first failures. */
final class LoadTally {

    /** The operations of the mix. */
    enum Op { PUT, GET, RANGED_GET, MULTIPART, COPY, DELETE, LIST }

    private static final int FAILURES_KEPT = 20;

    private final Map<Op, LongAdder> done = new EnumMap<>(Op.class);
    private final Map<Op, LongAdder> failed = new EnumMap<>(Op.class);
    private final Map<String, AtomicLong> failureKinds = new ConcurrentHashMap<>();
    private final List<String> firstFailures = new CopyOnWriteArrayList<>();
    private final LongAdder bytes = new LongAdder();

    LoadTally() {
        for (Op op : Op.values()) {
            done.put(op, new LongAdder());
            failed.put(op, new LongAdder());
        }
    }

    void done(Op op, long bytesMoved) {
        done.get(op).increment();
        bytes.add(bytesMoved);
    }

    void failed(Op op, String key, Throwable failure) {
        failed.get(op).increment();
        failureKinds.computeIfAbsent(op + " " + failure.getClass().getSimpleName(), k -> new AtomicLong())
                .incrementAndGet();
        if (firstFailures.size() < FAILURES_KEPT) {
            firstFailures.add(op + " " + key + ": " + failure);
        }
    }

    long done(Op op) {
        return done.get(op).sum();
    }

    long failed(Op op) {
        return failed.get(op).sum();
    }

    long totalDone() {
        return done.values().stream().mapToLong(LongAdder::sum).sum();
    }

    long totalFailed() {
        return failed.values().stream().mapToLong(LongAdder::sum).sum();
    }

    long bytes() {
        return bytes.sum();
    }

    Map<String, AtomicLong> failureKinds() {
        return failureKinds;
    }

    List<String> firstFailures() {
        return firstFailures;
    }
}
