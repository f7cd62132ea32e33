package io.s3multi.filters.pipeline;

import static io.s3multi.filters.pipeline.TopLevelSettings.METRICS_ALLOW;
import static io.s3multi.filters.pipeline.TopLevelSettings.METRICS_HOST;
import static io.s3multi.filters.pipeline.TopLevelSettings.METRICS_PATH;
import static io.s3multi.filters.pipeline.TopLevelSettings.METRICS_PORT;
import static io.s3multi.filters.pipeline.TopLevelSettings.METRICS_TOKEN;
import static io.s3multi.filters.pipeline.TopLevelSettings.PIPELINE;
import static io.s3multi.filters.pipeline.TopLevelSettings.REGION;
import static io.s3multi.filters.pipeline.TopLevelSettings.SERVER_HOST;
import static io.s3multi.filters.pipeline.TopLevelSettings.SERVER_IDLE_TIMEOUT;
import static io.s3multi.filters.pipeline.TopLevelSettings.SERVER_KEY_STORE;
import static io.s3multi.filters.pipeline.TopLevelSettings.SERVER_KEY_STORE_PASSWORD;
import static io.s3multi.filters.pipeline.TopLevelSettings.SERVER_KEY_STORE_TYPE;
import static io.s3multi.filters.pipeline.TopLevelSettings.SERVER_MIN_UPLOAD_RATE;
import static io.s3multi.filters.pipeline.TopLevelSettings.SERVER_PORT;
import static io.s3multi.filters.pipeline.TopLevelSettings.SERVER_UPLOAD_RATE_PERIOD;
import static io.s3multi.filters.pipeline.TopLevelSettings.SERVICE_KEY;
import static io.s3multi.filters.pipeline.TopLevelSettings.SERVICE_USER;
import static io.s3multi.filters.pipeline.TopLevelSettings.STORAGE_DOMAIN;
import static io.s3multi.filters.pipeline.TopLevelSettings.SWIFT_CONNECT_TIMEOUT;
import static io.s3multi.filters.pipeline.TopLevelSettings.SWIFT_IDLE_TIMEOUT;
import static io.s3multi.filters.pipeline.TopLevelSettings.SWIFT_TRANSPORT;
import static io.s3multi.filters.pipeline.TopLevelSettings.SWIFT_URL;

import java.net.URI;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
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
 * swift_url = http://127.0.0.1:8081
 * swift.idle_timeout = 60
 * filter.proxy_server.idle_timeout = 30
 * </pre>
 *
 * <p>The top-level keys are declared in {@link TopLevelSettings}. Three are shared by the stages, which must
 * agree on them, and reach every stage through {@link SharedSettings}: {@code storage_domain} (the domains,
 * separated by spaces or commas, under which clients address buckets virtual-host style; empty: path-style
 * only), {@code region} (the AWS region this gateway is: the auth stages refuse a SigV4 signature scoped to
 * another, s3api answers it as every bucket's location) and {@code swift_url} (the Swift every stage talks to,
 * unless the stage's own {@code filter.<name>.swift_url} says otherwise: see
 * {@link FilterSettings#swiftUrl(Setting)}).
 *
 * <p>{@code service_user} and {@code service_key} name the gateway's own Swift identity for background work
 * ({@link ServiceIdentity}); they reach the stages through {@link SharedSettings} too.
 *
 * <p>{@code server.idle_timeout}, {@code server.min_upload_rate} and {@code server.upload_rate_period} bound how
 * long the embedded server waits for slow clients ({@link ClientLimits}).
 *
 * <p>{@code metrics.*} say where the Prometheus metrics can be read and by whom ({@link MetricsSettings}).
 *
 * <p>{@code swift.connect_timeout} and {@code swift.idle_timeout} (seconds, fractions allowed) and
 * {@code swift.transport} are shared for the same kind of reason: the S3 stages share one Swift client per Swift URL ({@link SwiftTimeouts}).
 *
 * <p>Parsing checks only the shape of the file (known top-level keys, usable top-level values, a non-empty
 * pipeline); whether the stages and their settings exist is {@link PipelineValidator}'s job, because only the
 * discovered factories know that. {@code server.*} matters to the embedded launcher only; a WAR ignores it.
 * Where the file comes from, and the {@code s3multi.<key>} overrides, are {@link ConfigLoader}'s business.
 *
 * @param origin           where the configuration came from, including any overrides
 * @param pipeline         the stage names, in order
 * @param host             the address the embedded server binds to
 * @param port             the port the embedded server binds to; 0 picks a free one
 * @param shared           what every stage receives: storage domains, region and the gateway's Swift URL
 * @param clientLimits     how long the embedded server waits for slow clients
 * @param swiftTimeouts    how long the S3 stages' shared Swift clients wait
 * @param metrics          where the Prometheus metrics are served and who may read them ({@code metrics.*})
 * @param settingsByFilter the {@code filter.<name>.*} settings exactly as written, by stage and setting name
 * @param tls              HTTPS of the embedded launcher ({@code server.key_store*}), {@link ServerTls#none()} for HTTP
 */
public record GatewayConfig(String origin, List<String> pipeline, String host, int port, SharedSettings shared,
        ClientLimits clientLimits, SwiftTimeouts swiftTimeouts, MetricsSettings metrics,
        Map<String, Map<String, String>> settingsByFilter, ServerTls tls) {

    public static final String FILTER_PREFIX = "filter.";

    /**
     * Reads a properties file's content.
     *
     * @param origin where it came from, shown in every error message (e.g. {@code file /etc/s3multi.properties})
     * @throws PipelineConfigException when the file's shape is wrong
     */
    public static GatewayConfig fromProperties(Properties properties, String origin) {
        Objects.requireNonNull(origin, "origin");
        var problems = new ArrayList<String>();
        var file = new TopLevel(properties, problems);
        List<String> pipeline = file.read(PIPELINE);
        if (pipeline.isEmpty()) {
            problems.add("no 'pipeline' line, or it is empty");
        }
        String host = file.read(SERVER_HOST);
        int port = file.read(SERVER_PORT);
        var clientLimits = new ClientLimits(file.read(SERVER_IDLE_TIMEOUT), file.read(SERVER_MIN_UPLOAD_RATE),
                file.read(SERVER_UPLOAD_RATE_PERIOD));
        var shared = new SharedSettings(file.read(STORAGE_DOMAIN), file.read(REGION), file.read(SWIFT_URL),
                file.service());
        var swiftTimeouts = new SwiftTimeouts(file.read(SWIFT_CONNECT_TIMEOUT), file.read(SWIFT_IDLE_TIMEOUT),
                file.read(SWIFT_TRANSPORT));
        var metrics = new MetricsSettings(file.read(METRICS_HOST), file.read(METRICS_PORT), file.read(METRICS_PATH),
                file.read(METRICS_ALLOW), file.read(METRICS_TOKEN));
        String keyStore = file.read(SERVER_KEY_STORE);
        var tls = new ServerTls(keyStore.isEmpty() ? Optional.empty() : Optional.of(Path.of(keyStore)),
                file.read(SERVER_KEY_STORE_PASSWORD), file.read(SERVER_KEY_STORE_TYPE));
        Map<String, Map<String, String>> settings = stageSettings(properties, problems);
        if (!problems.isEmpty()) {
            throw new PipelineConfigException(properties.getProperty(PIPELINE.name(), "").trim(), origin, problems);
        }
        return new GatewayConfig(origin, pipeline, host, port, shared, clientLimits, swiftTimeouts, metrics,
                settings, tls);
    }

    /** The top-level keys of one file: each read with its declared parser, a refused value noted in problems. */
    private record TopLevel(Properties properties, List<String> problems) {

        <T> T read(Setting<T> setting) {
            String text = properties.getProperty(setting.name(), setting.defaultValue()).trim();
            try {
                return setting.parse(setting.name(), text);
            } catch (IllegalArgumentException e) {
                problems.add(e.getMessage());
                return setting.parsedDefault();
            }
        }

        ServiceIdentity service() {
            try {
                return TopLevelSettings.serviceIdentity(read(SERVICE_USER), read(SERVICE_KEY));
            } catch (IllegalArgumentException e) {
                problems.add(e.getMessage());
                return ServiceIdentity.NONE;
            }
        }
    }

    private static Map<String, Map<String, String>> stageSettings(Properties properties, List<String> problems) {
        Map<String, String> topLevel = TopLevelSettings.ALL.defaults();
        var settings = new TreeMap<String, Map<String, String>>();
        for (String key : new TreeSet<>(properties.stringPropertyNames())) {
            if (topLevel.containsKey(key)) {
                continue;
            }
            int dot = key.indexOf('.', FILTER_PREFIX.length());
            if (!key.startsWith(FILTER_PREFIX) || dot < 0 || dot == FILTER_PREFIX.length() || dot == key.length() - 1) {
                problems.add("unknown key '" + key + "' (keys are " + String.join(", ", topLevel.keySet())
                        + " and filter.<name>.<setting>)");
                continue;
            }
            settings.computeIfAbsent(key.substring(FILTER_PREFIX.length(), dot), name -> new TreeMap<>())
                    .put(key.substring(dot + 1), properties.getProperty(key));
        }
        var frozen = new LinkedHashMap<String, Map<String, String>>();
        settings.forEach((name, values) -> frozen.put(name, Collections.unmodifiableMap(values)));
        return Collections.unmodifiableMap(frozen);
    }

    /** The pipeline as written on its line, for messages. */
    public String pipelineLine() {
        return String.join(" ", pipeline);
    }

    /** The domains of virtual-host style S3 requests ({@code storage_domain}); empty for path-style only. */
    public List<String> storageDomains() {
        return shared.storageDomains();
    }

    /** The AWS region of the gateway ({@code region}): signatures must be scoped to it; buckets are in it. */
    public String region() {
        return shared.region();
    }

    /** The Swift every stage talks to unless it has a {@code swift_url} of its own ({@code swift_url}). */
    public URI swiftUrl() {
        return shared.swiftUrl();
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
                shared, clientLimits, swiftTimeouts, metrics, settingsByFilter, tls);
    }

    @Override
    public String toString() {
        return "GatewayConfig[pipeline='" + pipelineLine() + "', " + host + ":" + port + ", " + origin + "]";
    }
}
