package io.s3multi.filters.pipeline;

import io.s3multi.swift.SwiftClientConfig;
import java.net.URI;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * The keys of the top level of {@code proxy-server.properties}, declared once; {@link GatewayConfig} reads them.
 * The gateway-wide ones ({@code storage_domain}, {@code region}, {@code swift_url}) reach every stage through
 * {@link SharedSettings}.
 */
public final class TopLevelSettings {

    private static final Pattern REGION_NAME = Pattern.compile("[a-z0-9][a-z0-9-]*");

    static final Setting<List<String>> PIPELINE = new Setting<>("pipeline", "", text -> words(text, "\\s+"),
            "The stages every request passes through, in order; each name is a filter known to the gateway."
                    + " catch_errors first when present; the auth stages (tempauth, s3token) before s3multi and"
                    + " s3api; s3multi before s3api; proxy_server present and last.");
    static final Setting<String> SERVER_HOST = Setting.text("server.host", "127.0.0.1",
            "The address the embedded launcher listens on (a WAR ignores every server.* key).");
    static final Setting<Integer> SERVER_PORT = new Setting<>("server.port", "8080", TopLevelSettings::port,
            "The port the embedded launcher listens on; 0 picks a free port. The launcher's --port overrides it.");
    static final Setting<Duration> SERVER_IDLE_TIMEOUT = Setting.seconds("server.idle_timeout", "30",
            "Seconds a client connection may stay silent: between request body bytes, while it should take"
                    + " response bytes, and between requests on a kept-alive connection.");
    static final Setting<Long> SERVER_MIN_UPLOAD_RATE = new Setting<>("server.min_upload_rate", "1024",
            TopLevelSettings::rate, "Bytes per second a request body must arrive at, measured over the time the"
                    + " gateway spends waiting for it; below it the upload fails (S3: 400 RequestTimeout, native:"
                    + " 408). 0 turns the check off.");
    static final Setting<Duration> SERVER_UPLOAD_RATE_PERIOD = Setting.seconds("server.upload_rate_period", "10",
            "Seconds of waiting over which the upload rate is measured.");
    static final Setting<String> SERVER_KEY_STORE = Setting.text("server.key_store", "", "A key store file"
            + " (PKCS12 or JKS) with the certificate chain and private key the embedded launcher serves HTTPS with:"
            + " set, its port speaks TLS only (JDK TLS, TLS 1.2 and 1.3). Empty: plain HTTP. A WAR ignores it.");
    static final Setting<String> SERVER_KEY_STORE_PASSWORD = Setting.text("server.key_store_password", "",
            "The key store's password, also the key's: a secret that no configuration ships (set it in the file or"
                    + " as -Ds3multi.server.key_store_password=...).");
    static final Setting<String> SERVER_KEY_STORE_TYPE = new Setting<>("server.key_store_type", "PKCS12",
            TopLevelSettings::keyStoreType, "The key store's type: PKCS12 or JKS.");
    static final Setting<List<String>> STORAGE_DOMAIN = new Setting<>("storage_domain", "",
            text -> words(text, "[\\s,]+"), "Domains under which S3 clients may address buckets virtual-host"
                    + " style (photos.s3.example.com), separated by spaces or commas; shared by every stage that"
                    + " reads S3 requests. Empty: path-style only.");
    static final Setting<String> REGION = new Setting<>("region", "us-east-1", TopLevelSettings::region,
            "The AWS region this gateway is: tempauth and s3token refuse a SigV4 signature scoped to another"
                    + " region, and s3api reports it as every bucket's location.");
    static final Setting<URI> SWIFT_URL = Setting.httpUrl(Setting.SWIFT_URL, "http://127.0.0.1:8081",
            "The Swift proxy every stage talks to (scheme, host and port only), unless the stage has a"
                    + " swift_url of its own.");
    static final Setting<Duration> SWIFT_CONNECT_TIMEOUT = Setting.seconds("swift.connect_timeout",
            seconds(SwiftClientConfig.DEFAULT_CONNECT_TIMEOUT),
            "Seconds the S3 stages wait for a TCP connection to Swift (they share one Swift client per Swift"
                    + " URL; proxy_server has its own).");
    static final Setting<Duration> SWIFT_IDLE_TIMEOUT = Setting.seconds("swift.idle_timeout",
            seconds(SwiftClientConfig.DEFAULT_IDLE_TIMEOUT),
            "Seconds a Swift connection of the S3 stages may stay silent before the S3 request fails with 503"
                    + " ServiceUnavailable; it must exceed the longest silence of a healthy Swift (a server-side"
                    + " copy, an SLO manifest PUT).");
    static final Setting<SwiftClientConfig.Transport> SWIFT_TRANSPORT = new Setting<>("swift.transport", "sockets",
            TopLevelSettings::swiftTransport, "How the S3 stages' Swift client moves bytes: sockets (blocking"
                    + " sockets read and written by the request's own thread, pooled per host:port; no selector and"
                    + " no hand-over between threads, much less CPU per small request) or jetty (Jetty's asynchronous"
                    + " HTTP client with its own selector and threads, the gateway's earlier client, kept as a"
                    + " fallback)."
                    + " proxy_server and s3token always use Jetty's.");
    static final Setting<String> SERVICE_USER = Setting.text("service_user", "", "The gateway's own Swift"
            + " identity for background work (lifecycle rules, sweeping what crashes left): a tempauth user"
            + " <account>:<user> with .reseller_admin, whose token reaches every account. Empty, or without"
            + " service_key: no background work (the gateway logs that its worker is off).");
    static final Setting<String> SERVICE_KEY = Setting.text("service_key", "", "That user's key: a secret that no"
            + " configuration ships (set it in the file or as -Ds3multi.service_key=...).");

    static final Setting<String> METRICS_HOST = Setting.text("metrics.host", "127.0.0.1",
            "The address of the embedded launcher's metrics listener (see metrics.port).");
    static final Setting<Integer> METRICS_PORT = new Setting<>("metrics.port", "off", MetricsSettings::port,
            "The port of the embedded launcher's own metrics listener, which serves the Prometheus text at /metrics"
                    + " and nothing else; 0 picks a free port (logged); off: none. A WAR ignores it (use"
                    + " metrics.path). Metrics are collected only when metrics.port or metrics.path is set.");
    static final Setting<String> METRICS_PATH = new Setting<>("metrics.path", "", MetricsSettings::path,
            "A path on the gateway's own port that serves the Prometheus text (the way for a WAR, e.g. /_metrics);"
                    + " empty: none. It is answered before any stage, so it shadows a path-style bucket of the same"
                    + " name: /_metrics shadows nothing, since S3 bucket names have no _.");
    static final Setting<AddressRanges> METRICS_ALLOW = new Setting<>("metrics.allow", "127.0.0.1 ::1",
            AddressRanges::parse, "Client addresses and CIDR ranges (separated by spaces or commas) that may read the"
                    + " metrics, on the listener and on metrics.path; others get 403.");
    static final Setting<String> METRICS_TOKEN = Setting.text("metrics.token", "",
            "When set, a reader of the metrics must also send Authorization: Bearer <token> (401 otherwise).");

    /** Every top-level key, in the order the reference and the messages list them. */
    public static final DeclaredSettings ALL = DeclaredSettings.topLevel("The keys outside any stage.", PIPELINE,
            SERVER_HOST, SERVER_PORT, SERVER_IDLE_TIMEOUT, SERVER_MIN_UPLOAD_RATE, SERVER_UPLOAD_RATE_PERIOD,
            SERVER_KEY_STORE, SERVER_KEY_STORE_PASSWORD, SERVER_KEY_STORE_TYPE, STORAGE_DOMAIN, REGION, SWIFT_URL, SWIFT_CONNECT_TIMEOUT, SWIFT_IDLE_TIMEOUT,
            SWIFT_TRANSPORT, SERVICE_USER, SERVICE_KEY, METRICS_HOST, METRICS_PORT, METRICS_PATH, METRICS_ALLOW, METRICS_TOKEN);

    private TopLevelSettings() {
    }

    private static SwiftClientConfig.Transport swiftTransport(String text) {
        return switch (text.toLowerCase(java.util.Locale.ROOT)) {
            case "sockets" -> SwiftClientConfig.Transport.SOCKETS;
            case "jetty" -> SwiftClientConfig.Transport.JETTY;
            default -> throw new IllegalArgumentException("is not sockets or jetty");
        };
    }

    private static String keyStoreType(String text) {
        String upper = text.toUpperCase(java.util.Locale.ROOT);
        if (!upper.equals("PKCS12") && !upper.equals("JKS")) {
            throw new IllegalArgumentException("is not PKCS12 or JKS");
        }
        return upper;
    }

    /** A default of the Swift client, as the file writes it. */
    private static String seconds(Duration duration) {
        return String.valueOf(duration.toSeconds());
    }

    /** The service identity of the file, or a refusal when its key is set without a well-formed user. */
    static ServiceIdentity serviceIdentity(String user, String key) {
        if (!user.isEmpty() && user.indexOf(':') <= 0) {
            throw new IllegalArgumentException(SERVICE_USER.name() + " = '" + user + "': write <account>:<user>");
        }
        if (user.isEmpty() && !key.isEmpty()) {
            throw new IllegalArgumentException(SERVICE_KEY.name() + " is set without " + SERVICE_USER.name()
                    + ": set both, or neither for no background work");
        }
        return new ServiceIdentity(user, key);
    }

    private static List<String> words(String text, String separators) {
        return text.isEmpty() ? List.of() : List.of(text.split(separators));
    }

    static int port(String text) {
        return wholeNumber(text, 0, 65535, "is not a port between 0 and 65535").intValue();
    }

    private static long rate(String text) {
        return wholeNumber(text, 0, Long.MAX_VALUE, "is not a number of bytes per second (0: off)");
    }

    private static Long wholeNumber(String text, long min, long max, String complaint) {
        Optional<Long> number;
        try {
            number = Optional.of(Long.parseLong(text));
        } catch (NumberFormatException e) {
            number = Optional.empty();
        }
        return number.filter(value -> value >= min && value <= max)
                .orElseThrow(() -> new IllegalArgumentException(complaint));
    }

    private static String region(String text) {
        if (!REGION_NAME.matcher(text).matches()) {
            throw new IllegalArgumentException("is not a region name such as us-east-1");
        }
        return text;
    }
}
