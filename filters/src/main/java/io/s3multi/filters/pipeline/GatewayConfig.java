package io.s3multi.filters.pipeline;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Properties;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * The parsed {@code proxy-server.properties}: the pipeline line, where the embedded server listens, and each
 * stage's settings as written.
 *
 * <pre>
 * pipeline = catch_errors proxy_logging healthcheck proxy_server
 * server.host = 127.0.0.1
 * server.port = 8080
 * storage_domain = s3.example.com
 * region = us-east-1
 * swift.idle_timeout = 60
 * filter.proxy_server.swift_url = http://127.0.0.1:8081
 * </pre>
 *
 * <p>{@code storage_domain} is the one setting several stages share: the domains (separated by spaces or
 * commas) under which clients address buckets virtual-host style ({@code photos.s3.example.com}). Every stage
 * that tells S3 from Swift or parses an S3 request (catch_errors, tempauth, s3api) must agree on it, so it is
 * a top-level key rather than a setting of each; stages receive it through {@link FilterSettings#storageDomains()}.
 * Empty (the default): path-style only.
 *
 * <p>{@code region} is the other: the AWS region this gateway is (default {@code us-east-1}). The auth stages
 * (tempauth, s3token) refuse a SigV4 signature whose credential scope names another region, and s3api answers it
 * as every bucket's location; stages receive it through {@link FilterSettings#region()}.
 *
 * <p>{@code server.idle_timeout}, {@code server.min_upload_rate} and {@code server.upload_rate_period} bound how
 * long the embedded server waits for slow clients ({@link ClientLimits}).
 *
 * <p>{@code swift.connect_timeout} and {@code swift.idle_timeout} (seconds, fractions allowed) are shared for the
 * same kind of reason: the S3 stages share one Swift client per Swift URL ({@link SwiftTimeouts}).
 *
 * <p>Parsing checks only the shape of the file (known top-level keys, a usable port, a non-empty pipeline);
 * whether the stages and their settings exist is {@link PipelineValidator}'s job, because only the
 * discovered factories know that. {@code server.*} matters to the embedded launcher only; a WAR ignores it.
 * Where the file comes from, and the {@code s3multi.<key>} overrides, are {@link ConfigLoader}'s business.
 */
public final class GatewayConfig {

    public static final String PIPELINE = "pipeline";
    public static final String SERVER_HOST = "server.host";
    public static final String SERVER_PORT = "server.port";
    public static final String STORAGE_DOMAIN = "storage_domain";
    public static final String REGION = "region";
    public static final String SERVER_IDLE_TIMEOUT = "server.idle_timeout";
    public static final String SERVER_MIN_UPLOAD_RATE = "server.min_upload_rate";
    public static final String SERVER_UPLOAD_RATE_PERIOD = "server.upload_rate_period";
    public static final String SWIFT_CONNECT_TIMEOUT = "swift.connect_timeout";
    public static final String SWIFT_IDLE_TIMEOUT = "swift.idle_timeout";
    public static final String FILTER_PREFIX = "filter.";

    private static final List<String> TOP_LEVEL_KEYS = List.of(PIPELINE, SERVER_HOST, SERVER_PORT,
            SERVER_IDLE_TIMEOUT, SERVER_MIN_UPLOAD_RATE, SERVER_UPLOAD_RATE_PERIOD, STORAGE_DOMAIN, REGION,
            SWIFT_CONNECT_TIMEOUT, SWIFT_IDLE_TIMEOUT);

    static final String DEFAULT_HOST = "127.0.0.1";
    static final int DEFAULT_PORT = 8080;
    static final String DEFAULT_REGION = "us-east-1";
    private static final java.util.regex.Pattern REGION_NAME = java.util.regex.Pattern.compile("[a-z0-9][a-z0-9-]*");

    private final String origin;
    private final List<String> pipeline;
    private final String host;
    private final int port;
    private final List<String> storageDomains;
    private final String region;
    private final ClientLimits clientLimits;
    private final SwiftTimeouts swiftTimeouts;
    private final Map<String, Map<String, String>> settingsByFilter;

    private GatewayConfig(String origin, List<String> pipeline, String host, int port, List<String> storageDomains,
            String region, ClientLimits clientLimits, SwiftTimeouts swiftTimeouts,
            Map<String, Map<String, String>> settingsByFilter) {
        this.origin = origin;
        this.pipeline = pipeline;
        this.host = host;
        this.port = port;
        this.storageDomains = storageDomains;
        this.region = region;
        this.clientLimits = clientLimits;
        this.swiftTimeouts = swiftTimeouts;
        this.settingsByFilter = settingsByFilter;
    }

    /**
     * Reads a properties file's content.
     *
     * @param origin where it came from, shown in every error message (e.g. {@code file /etc/s3multi.properties})
     * @throws PipelineConfigException when the file's shape is wrong
     */
    public static GatewayConfig fromProperties(Properties properties, String origin) {
        Objects.requireNonNull(origin, "origin");
        String pipelineLine = properties.getProperty(PIPELINE, "").trim();
        List<String> pipeline = pipelineLine.isEmpty() ? List.of() : List.of(pipelineLine.split("\\s+"));
        var problems = new ArrayList<String>();
        if (pipeline.isEmpty()) {
            problems.add("no 'pipeline' line, or it is empty");
        }
        String host = properties.getProperty(SERVER_HOST, DEFAULT_HOST).trim();
        int port = parsePort(properties.getProperty(SERVER_PORT, String.valueOf(DEFAULT_PORT)).trim(), problems);
        String domainsLine = properties.getProperty(STORAGE_DOMAIN, "").trim();
        List<String> storageDomains = domainsLine.isEmpty() ? List.of() : List.of(domainsLine.split("[\\s,]+"));
        String region = properties.getProperty(REGION, DEFAULT_REGION).trim();
        if (!REGION_NAME.matcher(region).matches()) {
            problems.add(REGION + " = '" + region + "' is not a region name such as us-east-1");
        }
        var clientLimits = new ClientLimits(
                parseSeconds(properties, SERVER_IDLE_TIMEOUT, ClientLimits.DEFAULT_IDLE_TIMEOUT, problems),
                parseRate(properties, problems),
                parseSeconds(properties, SERVER_UPLOAD_RATE_PERIOD, ClientLimits.DEFAULT_UPLOAD_RATE_PERIOD, problems));
        var swiftTimeouts = new SwiftTimeouts(
                parseSeconds(properties, SWIFT_CONNECT_TIMEOUT, SwiftTimeouts.DEFAULT_CONNECT, problems),
                parseSeconds(properties, SWIFT_IDLE_TIMEOUT, SwiftTimeouts.DEFAULT_IDLE, problems));
        var settings = new TreeMap<String, Map<String, String>>();
        for (String key : new TreeSet<>(properties.stringPropertyNames())) {
            if (TOP_LEVEL_KEYS.contains(key)) {
                continue;
            }
            int dot = key.indexOf('.', FILTER_PREFIX.length());
            if (!key.startsWith(FILTER_PREFIX) || dot < 0 || dot == FILTER_PREFIX.length() || dot == key.length() - 1) {
                problems.add("unknown key '" + key + "' (keys are " + String.join(", ", TOP_LEVEL_KEYS)
                        + " and filter.<name>.<setting>)");
                continue;
            }
            settings.computeIfAbsent(key.substring(FILTER_PREFIX.length(), dot), name -> new TreeMap<>())
                    .put(key.substring(dot + 1), properties.getProperty(key));
        }
        if (!problems.isEmpty()) {
            throw new PipelineConfigException(pipelineLine, origin, problems);
        }
        var frozen = new LinkedHashMap<String, Map<String, String>>();
        settings.forEach((name, values) -> frozen.put(name, Collections.unmodifiableMap(values)));
        return new GatewayConfig(origin, pipeline, host, port, storageDomains, region, clientLimits, swiftTimeouts,
                Collections.unmodifiableMap(frozen));
    }

    /** The stage names, in order. */
    public List<String> pipeline() {
        return pipeline;
    }

    /** The pipeline as written on its line, for messages. */
    public String pipelineLine() {
        return String.join(" ", pipeline);
    }

    /** The address the embedded server binds to. */
    public String host() {
        return host;
    }

    /** The port the embedded server binds to; 0 picks a free one. */
    public int port() {
        return port;
    }

    /** The domains of virtual-host style S3 requests ({@code storage_domain}); empty for path-style only. */
    public List<String> storageDomains() {
        return storageDomains;
    }

    /** The AWS region of the gateway ({@code region}): signatures must be scoped to it; buckets are in it. */
    public String region() {
        return region;
    }

    /** How long the embedded server waits for slow clients ({@code server.idle_timeout}, upload rate). */
    public ClientLimits clientLimits() {
        return clientLimits;
    }

    /** How long the S3 stages' shared Swift clients wait ({@code swift.connect_timeout}, {@code swift.idle_timeout}). */
    public SwiftTimeouts swiftTimeouts() {
        return swiftTimeouts;
    }

    /** Where this configuration came from, including any overrides. */
    public String origin() {
        return origin;
    }

    /** The {@code filter.<name>.*} settings exactly as written (no defaults), keyed by setting name. */
    public Map<String, String> settingsOf(String filterName) {
        return settingsByFilter.getOrDefault(filterName, Map.of());
    }

    /** Every stage name that has at least one {@code filter.<name>.*} key, in or out of the pipeline. */
    public List<String> configuredFilters() {
        return List.copyOf(settingsByFilter.keySet());
    }

    /** The same configuration listening on another port (the launcher's {@code --port}). */
    public GatewayConfig withPort(int newPort) {
        if (newPort < 0 || newPort > 65535) {
            throw new IllegalArgumentException("port " + newPort + " is not between 0 and 65535");
        }
        return new GatewayConfig(origin + ", port " + newPort + " from the command line", pipeline, host, newPort,
                storageDomains, region, clientLimits, swiftTimeouts, settingsByFilter);
    }

    private static int parsePort(String value, List<String> problems) {
        try {
            int port = Integer.parseInt(value);
            if (port >= 0 && port <= 65535) {
                return port;
            }
        } catch (NumberFormatException e) {
            // reported below
        }
        problems.add(SERVER_PORT + " = '" + value + "' is not a port between 0 and 65535");
        return DEFAULT_PORT;
    }

    private static Duration parseSeconds(Properties properties, String key, Duration fallback, List<String> problems) {
        String value = properties.getProperty(key);
        if (value == null) {
            return fallback;
        }
        try {
            return FilterSettings.positiveSeconds(value.trim());
        } catch (IllegalArgumentException e) {
            problems.add(key + " = '" + value.trim() + "': " + e.getMessage());
            return fallback;
        }
    }

    private static long parseRate(Properties properties, List<String> problems) {
        String value = properties.getProperty(SERVER_MIN_UPLOAD_RATE);
        if (value == null) {
            return ClientLimits.DEFAULT_MIN_UPLOAD_RATE;
        }
        try {
            long rate = Long.parseLong(value.trim());
            if (rate >= 0) {
                return rate;
            }
        } catch (NumberFormatException e) {
            // reported below
        }
        problems.add(SERVER_MIN_UPLOAD_RATE + " = '" + value.trim() + "' is not a number of bytes per second (0: off)");
        return ClientLimits.DEFAULT_MIN_UPLOAD_RATE;
    }

    @Override
    public String toString() {
        return "GatewayConfig[pipeline='" + pipelineLine() + "', " + host + ":" + port + ", " + origin + "]";
    }
}
