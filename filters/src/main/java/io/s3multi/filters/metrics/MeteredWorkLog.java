package io.s3multi.filters.metrics;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.s3multi.s3.background.WorkLog;
import java.util.concurrent.ConcurrentHashMap;

/**
 * A {@link WorkLog} that counts what a background job (lifecycle, sweeper) did, by job, action and whether it was
 * performed or only planned (dry run), then passes each record on. Actions are few and named by the jobs
 * ({@code delete}, {@code abort-upload}, ...), so the labels stay bounded; containers and objects are never labels.
 */
final class MeteredWorkLog implements WorkLog {

    private final MeterRegistry registry;
    private final String job;
    private final WorkLog next;
    private final ConcurrentHashMap<String, Counter> byActionAndMode = new ConcurrentHashMap<>();

    MeteredWorkLog(MeterRegistry registry, String job, WorkLog next) {
        this.registry = registry;
        this.job = job;
        this.next = next;
    }

    @Override
    public void record(String container, String object, String action, String reason, boolean performed) {
        byActionAndMode.computeIfAbsent((performed ? "1 " : "0 ") + action, key -> Counter
                .builder("s3multi.background.actions")
                .description("What background jobs did (performed=true) or would do in a dry run, by job and action")
                .tag("job", job).tag("action", action).tag("performed", Boolean.toString(performed))
                .register(registry)).increment();
        next.record(container, object, action, reason, performed);
    }
}
