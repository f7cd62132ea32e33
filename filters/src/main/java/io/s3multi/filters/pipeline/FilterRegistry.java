package io.s3multi.filters.pipeline;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.ServiceLoader;
import java.util.TreeMap;

/**
 * The stage names this build knows, each with its {@link FilterFactory}.
 *
 * <p>Normally {@link #discover(ClassLoader) discovered} through {@link ServiceLoader}; tests add their own
 * factories with {@link #with(FilterFactory...)}. Two factories claiming one name is a packaging mistake and
 * fails at once.
 */
public final class FilterRegistry {

    private final Map<String, FilterFactory> byName;

    private FilterRegistry(Map<String, FilterFactory> byName) {
        this.byName = Collections.unmodifiableMap(byName);
    }

    /** Every factory listed in {@code META-INF/services/io.s3multi.filters.pipeline.FilterFactory}. */
    public static FilterRegistry discover(ClassLoader loader) {
        var factories = new ArrayList<FilterFactory>();
        ServiceLoader.load(FilterFactory.class, loader).forEach(factories::add);
        return of(factories);
    }

    /** Exactly these factories. */
    public static FilterRegistry of(List<? extends FilterFactory> factories) {
        var byName = new TreeMap<String, FilterFactory>();
        for (FilterFactory factory : factories) {
            FilterFactory clash = byName.putIfAbsent(factory.name(), factory);
            if (clash != null && clash.getClass() != factory.getClass()) {
                throw new IllegalStateException("two filter factories are named '" + factory.name() + "': "
                        + clash.getClass().getName() + " and " + factory.getClass().getName());
            }
        }
        return new FilterRegistry(byName);
    }

    /** These factories plus {@code more}. */
    public FilterRegistry with(FilterFactory... more) {
        var all = new ArrayList<>(byName.values());
        all.addAll(List.of(more));
        return of(all);
    }

    public Optional<FilterFactory> find(String name) {
        return Optional.ofNullable(byName.get(name));
    }

    /** The known stage names, sorted. */
    public List<String> names() {
        return List.copyOf(byName.keySet());
    }
}
