package io.s3multi.filters.pipeline;

import java.net.URI;
import java.time.Duration;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;

/**
 * The settings of one stage: what the config file says for {@code filter.<name>.*}, over the declared defaults,
 * with typed readers that name the offending key when a value is unusable.
 *
 * <p>A factory reads these once into its own immutable record, mostly through its {@link Setting}s
 * ({@code MAX_PARTS.read(settings)}); filters never see this class. Every reader throws
 * {@link IllegalArgumentException} with a message such as
 * {@code filter.proxy_server.connect_timeout = 'soon': not a number of seconds}, which the installer reports
 * together with the pipeline.
 */
public final class FilterSettings {

    private final String filterName;
    private final Map<String, String> values;
    private final SharedSettings shared;

    /**
     * @param filterName the stage name, used in messages
     * @param defaults   every accepted setting with its default
     * @param configured what the config file says; keys are validated beforehand by {@link PipelineValidator}
     */
    public FilterSettings(String filterName, Map<String, String> defaults, Map<String, String> configured) {
        this(filterName, defaults, configured, SharedSettings.defaults());
    }

    /** @param shared the gateway-wide settings every stage receives (storage domains, region, Swift URL) */
    public FilterSettings(String filterName, Map<String, String> defaults, Map<String, String> configured,
            SharedSettings shared) {
        this.filterName = Objects.requireNonNull(filterName, "filterName");
        var merged = new LinkedHashMap<>(Objects.requireNonNull(defaults, "defaults"));
        merged.putAll(Objects.requireNonNull(configured, "configured"));
        this.values = Collections.unmodifiableMap(merged);
        this.shared = Objects.requireNonNull(shared, "shared");
    }

    /** The stage these settings belong to. */
    public String filterName() {
        return filterName;
    }

    /**
     * The gateway-wide domains of virtual-host style S3 requests (top-level {@code storage_domain}), which every
     * stage that parses S3 requests must use alike; empty for path-style only.
     */
    public List<String> storageDomains() {
        return shared.storageDomains();
    }

    /** The gateway-wide AWS region (top-level {@code region}), which signatures and bucket locations must name. */
    public String region() {
        return shared.region();
    }

    /** The gateway's identity for background work (top-level {@code service_user}, {@code service_key}). */
    public ServiceIdentity serviceIdentity() {
        return shared.service();
    }

    /** The value, trimmed; {@code ""} when neither the file nor the defaults give one. */
    public String text(String setting) {
        String value = values.get(setting);
        if (value == null) {
            throw new IllegalArgumentException(key(setting) + " is not a declared setting of " + filterName);
        }
        return value.trim();
    }

    /** A whole number between {@code min} and {@code max}, inclusive. */
    public int integer(String setting, int min, int max) {
        return Setting.parse(key(setting), text(setting), SettingParsers.integer(min, max));
    }

    /** A positive number of seconds, fractions allowed ({@code 0.5}), as Swift's timeouts are written. */
    public Duration seconds(String setting) {
        return Setting.parse(key(setting), text(setting), SettingParsers::positiveSeconds);
    }

    /** An absolute {@code http} or {@code https} URL with a host. */
    public URI httpUrl(String setting) {
        return Setting.parse(key(setting), text(setting), SettingParsers::httpUrl);
    }

    /**
     * The Swift this stage talks to: its own {@code swift_url} when the file gives one (a stage whose Swift must
     * differ, such as s3token's Keystone-auth proxy, or an old file that names every stage's), otherwise the
     * top-level {@code swift_url}.
     */
    public URI swiftUrl(Setting<URI> own) {
        return text(own.name()).isEmpty() ? shared.swiftUrl() : own.read(this);
    }

    /** The key {@link #swiftUrl(Setting)} took its value from, for messages about that value. */
    public String swiftUrlKey(Setting<URI> own) {
        return text(own.name()).isEmpty() ? TopLevelSettings.SWIFT_URL.name() : key(own.name());
    }

    /**
     * Every configured setting whose name starts with {@code prefix}, keyed by the full setting name, for
     * factories that declared {@link FilterFactory#settingPrefixes() open-ended settings}.
     */
    public Map<String, String> withPrefix(String prefix) {
        var matching = new TreeMap<String, String>();
        values.forEach((name, value) -> {
            if (name.startsWith(prefix)) {
                matching.put(name, value.trim());
            }
        });
        return Collections.unmodifiableMap(matching);
    }

    /** The config-file key of a setting, e.g. {@code filter.proxy_server.swift_url}. */
    public String key(String setting) {
        return GatewayConfig.FILTER_PREFIX + filterName + "." + setting;
    }
}
