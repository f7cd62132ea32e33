package io.s3multi.filters.pipeline;

import jakarta.servlet.Filter;
import java.util.Objects;
import java.util.function.Function;

/**
 * A {@link FilterFactory} made of what a stage declares: its {@link DeclaredSettings} (which carry its name),
 * its {@link Placement} and how its filter is built from its parsed settings. A stage's factory is then one
 * constructor:
 *
 * <pre>{@code
 * public final class HealthcheckFilterFactory extends DeclaredFilterFactory {
 *     public HealthcheckFilterFactory() {
 *         super(HealthcheckConfig.SETTINGS, Placement.anywhere(),
 *                 settings -> new HealthcheckFilter(HealthcheckConfig.from(settings)));
 *     }
 * }
 * }</pre>
 */
public abstract class DeclaredFilterFactory implements FilterFactory {

    private final DeclaredSettings settings;
    private final Placement placement;
    private final Function<FilterSettings, Filter> build;

    protected DeclaredFilterFactory(DeclaredSettings settings, Placement placement,
            Function<FilterSettings, Filter> build) {
        this.settings = Objects.requireNonNull(settings, "settings");
        this.placement = Objects.requireNonNull(placement, "placement");
        this.build = Objects.requireNonNull(build, "build");
    }

    @Override
    public final String name() {
        return settings.stage();
    }

    @Override
    public final DeclaredSettings settings() {
        return settings;
    }

    @Override
    public final Placement placement() {
        return placement;
    }

    @Override
    public final Filter create(FilterSettings parsed) {
        return build.apply(parsed);
    }
}
