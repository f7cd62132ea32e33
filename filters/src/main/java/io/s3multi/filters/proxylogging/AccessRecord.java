package io.s3multi.filters.proxylogging;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;

/**
 * What proxy_logging saw of one client request; one access-log line.
 *
 * @param start       when the request reached proxy_logging
 * @param client      the client's address
 * @param method      the HTTP method
 * @param rawPath     the path as sent, undecoded
 * @param rawQuery    the query as sent with signature values replaced by {@code ***}, or {@code null}
 * @param status      the status sent (500 when an exception escaped before anything was committed)
 * @param bytesIn     request body bytes the pipeline read
 * @param bytesOut    response body bytes the pipeline wrote
 * @param duration    time spent in the rest of the pipeline
 * @param transId     the transaction id, or {@code null} without catch_errors
 * @param s3Operation the AWS API name of the S3 operation, or {@code null}
 * @param user        the authenticated identity, or {@code null}
 * @param access      the S3 principal and the Swift identity used ({@code arn:aws:iam::AUTH_test:user/tester@own},
 *                    {@code anonymous@service:AUTH_test}), or {@code null} for a request no S3 stage authorized
 * @param note        what went wrong, or {@code null}: the S3 error code answered (a 200 with a code is a
 *                    CompleteMultipartUpload whose {@code <Error>} came after its 200), {@code client-gone}
 *                    (the client's connection failed; with status 499 before the answer) or {@code cut-off} (the
 *                    answer was cut off after it began, by a failure of the gateway or Swift)
 */
public record AccessRecord(Instant start, String client, String method, String rawPath, String rawQuery,
        int status, long bytesIn, long bytesOut, Duration duration, String transId, String s3Operation,
        String user, String access, String note) {

    /**
     * The log line: fields separated by one space, {@code -} for an absent one.
     *
     * <pre>
     * 2026-11-21T11:16:16.123Z 127.0.0.1 PUT /v1/AUTH_test/c/a%2Fb 201 1048576 0 35ms tx3f...-00673f1a2b - - - -
     * time                     client    method path+query      status in   out duration trans-id op user access note
     * </pre>
     */
    public String toLogLine() {
        return time(start) + " " + orDash(client) + " " + method + " "
                + (rawQuery == null ? rawPath : rawPath + "?" + rawQuery) + " "
                + status + " " + bytesIn + " " + bytesOut + " " + duration.toMillis() + "ms "
                + orDash(transId) + " " + orDash(s3Operation) + " " + orDash(user) + " " + orDash(access) + " "
                + orDash(note);
    }

    private static final DateTimeFormatter TIME =
            DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ss.SSS'Z'").withZone(ZoneOffset.UTC);

    /** {@link #TIME}'s text, written digit by digit for years 0 to 9999 (the formatter cost 1% of a small request). */
    static String time(Instant instant) {
        LocalDateTime t = LocalDateTime.ofEpochSecond(instant.getEpochSecond(), instant.getNano(), ZoneOffset.UTC);
        if (t.getYear() < 0 || t.getYear() > 9999) {
            return TIME.format(instant);
        }
        StringBuilder out = new StringBuilder(24);
        digits(out, t.getYear(), 4).append('-');
        digits(out, t.getMonthValue(), 2).append('-');
        digits(out, t.getDayOfMonth(), 2).append('T');
        digits(out, t.getHour(), 2).append(':');
        digits(out, t.getMinute(), 2).append(':');
        digits(out, t.getSecond(), 2).append('.');
        return digits(out, t.getNano() / 1_000_000, 3).append('Z').toString();
    }

    private static StringBuilder digits(StringBuilder out, int value, int width) {
        int divisor = 1;
        for (int i = 1; i < width; i++) {
            divisor *= 10;
        }
        for (; divisor > 0; divisor /= 10) {
            out.append((char) ('0' + value / divisor % 10));
        }
        return out;
    }

    private static String orDash(String value) {
        return value == null || value.isEmpty() ? "-" : value;
    }
}
