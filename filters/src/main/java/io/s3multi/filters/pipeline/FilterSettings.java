package io.s3multi.filters.pipeline;

import java.math.BigDecimal;
import java.net.URI;
import java.net.URISyntaxException;
import java.time.Duration;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;

/**
 * The settings of one stage: what the config file says for {@code filter.<name>.*}, over the factory's
 * defaults, with typed readers that name the offending key when a value is unusable.
 *
 * <p>A factory reads these once into its own immutable record; filters never see this class. Every reader
 * throws {@link IllegalArgumentException} with a message such as
 * {@code filter.proxy_server.connect_timeout = 'soon': not a number of seconds}, which the installer
 * reports together with the pipeline.
 */
public final class FilterSettings {

    private final String filterName;
    private final Map<String, String> values;
    private final List<String> storageDomains;
    private final String region;

    /**
     * @param filterName the stage name, used in messages
     * @param defaults   every accepted setting with its default
     * @param configured what the config file says; keys are validated beforehand by {@link PipelineValidator}
     */
    public FilterSettings(String filterName, Map<String, String> defaults, Map<String, String> configured) {
        this(filterName, defaults, configured, List.of(), GatewayConfig.DEFAULT_REGION);
    }

    /**
     * @param storageDomains the gateway-wide {@link GatewayConfig#storageDomains() storage_domain} list
     * @param region         the gateway-wide {@link GatewayConfig#region() region}
     */
    public FilterSettings(String filterName, Map<String, String> defaults, Map<String, String> configured,
            List<String> storageDomains, String region) {
        this.filterName = Objects.requireNonNull(filterName, "filterName");
        var merged = new LinkedHashMap<>(Objects.requireNonNull(defaults, "defaults"));
        merged.putAll(Objects.requireNonNull(configured, "configured"));
        this.values = Collections.unmodifiableMap(merged);
        this.storageDomains = List.copyOf(storageDomains);
        this.region = Objects.requireNonNull(region, "region");
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
        return storageDomains;
    }

    /** The gateway-wide AWS region (top-level {@code region}), which signatures and bucket locations must name. */
    public String region() {
        return region;
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
        String value = text(setting);
        try {
            int number = Integer.parseInt(value);
            if (number < min || number > max) {
                throw invalid(setting, value, "must be between " + min + " and " + max);
            }
            return number;
        } catch (NumberFormatException e) {
            throw invalid(setting, value, "not a whole number");
        }
    }

    /** A positive number of seconds, fractions allowed ({@code 0.5}), as Swift's timeouts are written. */
    public Duration seconds(String setting) {
        String value = text(setting);
        try {
            return positiveSeconds(value);
        } catch (IllegalArgumentException e) {
            throw invalid(setting, value, e.getMessage());
        }
    }

    /** {@code value} as a positive number of seconds, fractions allowed; the exception says what is wrong. */
    static Duration positiveSeconds(String value) {
        BigDecimal seconds;
        try {
            seconds = new BigDecimal(value);
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("not a number of seconds");
        }
        if (seconds.signum() <= 0) {
            throw new IllegalArgumentException("must be more than 0 seconds");
        }
        try {
            return Duration.ofNanos(seconds.movePointRight(9).longValueExact());
        } catch (ArithmeticException e) {
            throw new IllegalArgumentException("not a number of seconds");
        }
    }

    /** An absolute {@code http} or {@code https} URL with a host. */
    public URI httpUrl(String setting) {
        String value = text(setting);
        try {
            URI uri = new URI(value);
            String scheme = uri.getScheme();
            if (uri.getHost() == null || !("http".equalsIgnoreCase(scheme) || "https".equalsIgnoreCase(scheme))) {
                throw invalid(setting, value, "not an http(s) URL with a host");
            }
            return uri;
        } catch (URISyntaxException e) {
            throw invalid(setting, value, "not a URL (" + e.getReason() + ")");
        }
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

    private IllegalArgumentException invalid(String setting, String value, String reason) {
        return new IllegalArgumentException(key(setting) + " = '" + value + "': " + reason);
    }
}
