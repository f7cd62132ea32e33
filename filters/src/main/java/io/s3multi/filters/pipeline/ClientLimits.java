package io.s3multi.filters.pipeline;

import java.time.Duration;
import java.util.Objects;

/**
 * How long the embedded server waits for a client (top-level {@code server.idle_timeout},
 * {@code server.min_upload_rate}, {@code server.upload_rate_period}), so that a slow or silent client cannot hold
 * a request thread for long. A WAR ignores them: there the container's own settings rule (see the README).
 *
 * @param idleTimeout      silence allowed on a client connection, in either direction: while the gateway waits
 *                         for the next bytes of a request body, for the client to take response bytes, and
 *                         between requests on a kept-alive connection
 * @param minUploadRate    bytes per second a request body must arrive at, measured over the time the gateway spent
 *                         waiting for it; 0 turns the check off
 * @param uploadRatePeriod how much waiting is measured at a time: a body that delivers less than
 *                         {@code minUploadRate * period} within that much waiting fails
 */
public record ClientLimits(Duration idleTimeout, long minUploadRate, Duration uploadRatePeriod) {

    public static final Duration DEFAULT_IDLE_TIMEOUT = TopLevelSettings.SERVER_IDLE_TIMEOUT.parsedDefault();
    public static final long DEFAULT_MIN_UPLOAD_RATE = TopLevelSettings.SERVER_MIN_UPLOAD_RATE.parsedDefault();
    public static final Duration DEFAULT_UPLOAD_RATE_PERIOD = TopLevelSettings.SERVER_UPLOAD_RATE_PERIOD.parsedDefault();

    public ClientLimits {
        Objects.requireNonNull(idleTimeout, "idleTimeout");
        Objects.requireNonNull(uploadRatePeriod, "uploadRatePeriod");
        if (minUploadRate < 0) {
            throw new IllegalArgumentException("minUploadRate must not be negative");
        }
    }

    /** The declared defaults: 30 s idle, at least 1 KiB/s over every 10 s of waiting for a body. */
    public static ClientLimits defaults() {
        return new ClientLimits(DEFAULT_IDLE_TIMEOUT, DEFAULT_MIN_UPLOAD_RATE, DEFAULT_UPLOAD_RATE_PERIOD);
    }
}
