package io.s3multi.filters.pipeline;

import jakarta.servlet.Filter;
import java.util.Map;
import java.util.Set;

/**
 * Turns one name of the {@code pipeline} line into a servlet filter.
 *
 * <p>Factories are found with {@link java.util.ServiceLoader}: a filter module lists its factory in
 * {@code META-INF/services/io.s3multi.filters.pipeline.FilterFactory}. The config file names stages, never
 * classes, so an operator cannot load arbitrary code by editing it, and renaming a class breaks no config.
 *
 * <p>A factory declares everything startup validation needs before any filter exists: the settings it
 * accepts with their defaults, and where its stage may sit ({@link Placement}). {@link #create} is then
 * called once per installation with the settings already checked against {@link #defaults()}; it parses
 * them into the filter's own immutable record and throws {@link IllegalArgumentException} naming the bad
 * setting when a value is unusable.
 *
 * <pre>{@code
 * public final class HealthcheckFilterFactory implements FilterFactory {
 *     public String name() { return "healthcheck"; }
 *     public Map<String, String> defaults() { return Map.of("disable_path", ""); }
 *     public Filter create(FilterSettings settings) {
 *         return new HealthcheckFilter(HealthcheckConfig.from(settings));
 *     }
 * }
 * }</pre>
 */
public interface FilterFactory {

    /** The stage's name in the {@code pipeline} line and in {@code filter.<name>.<setting>} keys. */
    String name();

    /**
     * Every setting the filter accepts, mapped to its default ({@code ""} when it has none), in the order the
     * config file documents them. A {@code filter.<name>.<key>} whose key is not here (and matches no
     * {@link #settingPrefixes() prefix}) stops startup.
     */
    Map<String, String> defaults();

    /**
     * Prefixes of open-ended setting families whose full names the operator chooses, such as tempauth's
     * {@code user_<account>_<user>}. None by default.
     */
    default Set<String> settingPrefixes() {
        return Set.of();
    }

    /** Where this stage may sit; anywhere by default. */
    default Placement placement() {
        return Placement.anywhere();
    }

    /** Builds the filter. Called once, at installation, never per request. */
    Filter create(FilterSettings settings);
}
