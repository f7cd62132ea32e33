package io.s3multi.filters.metrics;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Tags;
import java.util.concurrent.atomic.AtomicReferenceArray;

/**
 * One counter per HTTP status under fixed tags, each made on its status's first use and then found with one array
 * read: the per-request cost of a status label.
 */
final class StatusCounters {

    private static final int STATUSES = 600;

    private final MeterRegistry registry;
    private final String name;
    private final String description;
    private final Tags tags;
    private final AtomicReferenceArray<Counter> byStatus = new AtomicReferenceArray<>(STATUSES);

    StatusCounters(MeterRegistry registry, String name, String description, Tags tags) {
        this.registry = registry;
        this.name = name;
        this.description = description;
        this.tags = tags;
    }

    /** Counts one answer of {@code status}; a status outside 0..599 is counted as {@code other}. */
    void increment(int status) {
        int index = status >= 0 && status < STATUSES ? status : STATUSES - 1;
        Counter counter = byStatus.get(index);
        if (counter == null) {
            // registering an existing name and tags returns the same counter, so a race makes no second one
            counter = Counter.builder(name).description(description).tags(tags)
                    .tag("status", index == STATUSES - 1 ? "other" : Integer.toString(index))
                    .register(registry);
            byStatus.set(index, counter);
        }
        counter.increment();
    }
}
