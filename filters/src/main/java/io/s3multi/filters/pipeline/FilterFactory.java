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
 * accepts ({@link #settings()}, each {@link Setting} declared once with its default, parser and meaning), and
 * where its stage may sit ({@link Placement}). {@link #create} is then called once per installation with the
 * settings already checked against them; it parses them into the filter's own immutable record and throws
 * {@link IllegalArgumentException} naming the bad setting when a value is unusable. Stages of this build extend
 * {@link DeclaredFilterFactory}:
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
public interface FilterFactory {

    /** The stage's name in the {@code pipeline} line and in {@code filter.<name>.<setting>} keys. */
    String name();

    /** Every setting the stage accepts, declared once; none unless the factory says otherwise. */
    default DeclaredSettings settings() {
        return DeclaredSettings.none(name());
    }

    /**
     * Every setting the filter accepts, mapped to its default ({@code ""} when it has none), in the order the
     * config file documents them: derived from {@link #settings()}. A {@code filter.<name>.<key>} whose key is
     * not here (and matches no {@link #settingPrefixes() prefix}) stops startup.
     */
    default Map<String, String> defaults() {
        return settings().defaults();
    }

    /**
     * Prefixes of open-ended setting families whose full names the operator chooses, such as tempauth's
     * {@code user_<account>_<user>}: derived from {@link #settings()}.
     */
    default Set<String> settingPrefixes() {
        return settings().prefixes();
    }

    /** Where this stage may sit; anywhere by default. */
    default Placement placement() {
        return Placement.anywhere();
    }

    /** Builds the filter. Called once, at installation, never per request. */
    Filter create(FilterSettings settings);
}
