package io.s3multi.s3.background;

import io.s3multi.swift.error.SwiftException;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.atomic.AtomicLong;

/**
 * A test job that walks a bucket in steps, one paced Swift request (a HEAD of the bucket) and one checkpoint per
 * step, and records every run: which gateway, when, from which step to which.
 */
final class StepJob implements BucketJob {

    static final String NAME = "steps";

    /** One run of the job on one bucket; times from {@link System#nanoTime()} and the wall clock. */
    record Run(String gateway, String bucket, long startNanos, long endNanos, Instant startedAt, int fromStep,
            int toStep, boolean finished) {

        boolean overlaps(Run other) {
            return bucket.equals(other.bucket) && startNanos < other.endNanos && other.startNanos < endNanos;
        }
    }

    private final String gateway;
    private final int steps;
    private final List<Run> runs;
    private final int holdAtStep;
    final CountDownLatch held = new CountDownLatch(1);
    final AtomicLong requests = new AtomicLong();

    /**
     * @param runs       where every gateway's job records its runs
     * @param holdAtStep the step at which the job waits until it is interrupted (its gateway stops); -1: never
     */
    StepJob(String gateway, int steps, List<Run> runs, int holdAtStep) {
        this.gateway = gateway;
        this.steps = steps;
        this.runs = runs;
        this.holdAtStep = holdAtStep;
    }

    static List<Run> runs() {
        return new CopyOnWriteArrayList<>();
    }

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public void run(BucketWork work) throws SwiftException, InterruptedException {
        long start = System.nanoTime();
        Instant startedAt = Instant.now();
        int from = work.checkpoint().position().map(Integer::parseInt).orElse(0);
        int step = from;
        boolean finished = false;
        try {
            for (; step < steps && work.stillLeased(); step++) {
                if (step == holdAtStep) {
                    held.countDown();
                    new CountDownLatch(1).await();
                }
                work.pacer().awaitTurn();
                work.owner().containers().head(work.bucket());
                requests.incrementAndGet();
                work.checkpoint().save(Integer.toString(step + 1));
            }
            if (step == steps) {
                work.checkpoint().clear();
                finished = true;
            }
        } finally {
            runs.add(new Run(gateway, work.bucket(), start, System.nanoTime(), startedAt, from, step, finished));
        }
    }
}
