package io.s3multi.filters.pipeline;

import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

/**
 * Every setting of one stage ({@code filter.<stage>.*}), or of the top level of the file, declared once and in
 * the order the configuration reference lists them.
 *
 * <p>A stage declares its list next to the record it parses them into, e.g.
 * <pre>{@code
 * static final DeclaredSettings SETTINGS = DeclaredSettings.stage("healthcheck",
 *         "GET /healthcheck answers OK without touching Swift.", DISABLE_PATH);
 * }</pre>
 * and hands it to its {@link DeclaredFilterFactory}; validation ({@link PipelineValidator}), the defaults
 * ({@link FilterSettings}) and the reference ({@link ConfigurationReference}) all read it from there.
 */
public final class DeclaredSettings {

    /**
     * An open-ended family of settings whose full names the operator chooses, such as tempauth's
     * {@code user_<account>_<user>}.
     *
     * @param prefix      what every name of the family starts with ({@code user_})
     * @param form        how a line of the family is written ({@code user_<account>_<user> = <key> [.admin]})
     * @param description what it means
     */
    public record Family(String prefix, String form, String description) {
        public Family {
            Objects.requireNonNull(prefix, "prefix");
            Objects.requireNonNull(form, "form");
            Objects.requireNonNull(description, "description");
        }
    }

    private final String stage;
    private final String summary;
    private final List<Setting<?>> settings;
    private final List<Family> families;

    private DeclaredSettings(String stage, String summary, List<Setting<?>> settings, List<Family> families) {
        this.stage = stage;
        this.summary = Objects.requireNonNull(summary, "summary");
        this.settings = List.copyOf(settings);
        this.families = List.copyOf(families);
        var names = new LinkedHashSet<String>();
        this.settings.forEach(setting -> {
            if (!names.add(setting.name())) {
                throw new IllegalArgumentException(setting.name() + " is declared twice");
            }
        });
    }

    /** The settings of the stage called {@code stage} ({@code filter.<stage>.<setting>}). */
    public static DeclaredSettings stage(String stage, String summary, Setting<?>... settings) {
        return new DeclaredSettings(Objects.requireNonNull(stage, "stage"), summary, List.of(settings), List.of());
    }

    /** The keys of the file's top level ({@code pipeline}, {@code server.port}, ...). */
    public static DeclaredSettings topLevel(String summary, Setting<?>... settings) {
        return new DeclaredSettings(null, summary, List.of(settings), List.of());
    }

    /** A stage that accepts no settings at all. */
    public static DeclaredSettings none(String stage) {
        return stage(stage, "");
    }

    /** These settings plus an open-ended family. */
    public DeclaredSettings withFamily(String prefix, String form, String description) {
        var more = new ArrayList<>(families);
        more.add(new Family(prefix, form, description));
        return new DeclaredSettings(stage, summary, settings, more);
    }

    /** The stage's name; {@code ""} for the top level. */
    public String stage() {
        return stage == null ? "" : stage;
    }

    /** What the stage (or the file) is for, in a sentence or two. */
    public String summary() {
        return summary;
    }

    public List<Setting<?>> settings() {
        return settings;
    }

    public List<Family> families() {
        return families;
    }

    /** The key a setting is written as in the file: {@code filter.<stage>.<name>}, or the name at the top level. */
    public String key(String name) {
        return stage == null ? name : GatewayConfig.FILTER_PREFIX + stage + "." + name;
    }

    /** Every declared setting mapped to its default, in declaration order. */
    public Map<String, String> defaults() {
        var defaults = new LinkedHashMap<String, String>();
        settings.forEach(setting -> defaults.put(setting.name(), setting.defaultValue()));
        return Collections.unmodifiableMap(defaults);
    }

    /** The prefixes of the open-ended families. */
    public Set<String> prefixes() {
        var prefixes = new LinkedHashSet<String>();
        families.forEach(family -> prefixes.add(family.prefix()));
        return Collections.unmodifiableSet(prefixes);
    }
}
