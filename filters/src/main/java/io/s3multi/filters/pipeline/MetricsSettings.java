package io.s3multi.filters.pipeline;

import java.util.Objects;

/**
 * Where the gateway's Prometheus metrics can be read, and by whom (top-level {@code metrics.*}).
 *
 * <p>Two places, each off unless configured: a listener of its own ({@code metrics.host}:{@code metrics.port},
 * embedded launcher only; the scrape is at {@code /metrics}, the only path it serves), and a path on the gateway's
 * own port ({@code metrics.path}: the way for a WAR, whose container owns the ports). Either way a reader must come
 * from {@code metrics.allow} and, when {@code metrics.token} is set, send {@code Authorization: Bearer <token>}. The
 * S3 port never serves metrics unless {@code metrics.path} says so; a path that cannot be a bucket
 * ({@code /_metrics}: S3 bucket names have no {@code _}) shadows nothing.
 *
 * <p>Metrics are collected only when they can be read somewhere ({@link #collected()}): without a reader the
 * gateway pays nothing for them.
 *
 * @param host  the address of the metrics listener
 * @param port  its port, 0 for a free one, {@link #OFF} for none
 * @param path  the path on the gateway's own port, or empty for none
 * @param allow client addresses that may read
 * @param token the bearer token a reader must send, or empty for none
 */
public record MetricsSettings(String host, int port, String path, AddressRanges allow, String token) {

    /** {@code metrics.port = off}: no listener of its own. */
    public static final int OFF = -1;

    /** The path of the scrape on the metrics listener. */
    public static final String LISTENER_PATH = "/metrics";

    public MetricsSettings {
        Objects.requireNonNull(host, "host");
        Objects.requireNonNull(path, "path");
        Objects.requireNonNull(allow, "allow");
        Objects.requireNonNull(token, "token");
    }

    /** The declared defaults: no listener, no path, so nothing collected. */
    public static MetricsSettings defaults() {
        return new MetricsSettings(TopLevelSettings.METRICS_HOST.parsedDefault(),
                TopLevelSettings.METRICS_PORT.parsedDefault(), TopLevelSettings.METRICS_PATH.parsedDefault(),
                TopLevelSettings.METRICS_ALLOW.parsedDefault(), TopLevelSettings.METRICS_TOKEN.parsedDefault());
    }

    /** Whether the embedded launcher opens a metrics listener. */
    public boolean listens() {
        return port != OFF;
    }

    /** Whether metrics are readable anywhere, and so collected. */
    public boolean collected() {
        return listens() || !path.isEmpty();
    }

    static int port(String text) {
        return "off".equals(text) ? OFF : TopLevelSettings.port(text);
    }

    static String path(String text) {
        if (!text.isEmpty() && (!text.startsWith("/") || text.length() < 2 || text.contains("?"))) {
            throw new IllegalArgumentException("is not a path such as /_metrics (or empty for none)");
        }
        return text;
    }
}
