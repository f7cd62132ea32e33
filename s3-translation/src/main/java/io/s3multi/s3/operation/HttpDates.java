package io.s3multi.s3.operation;

import io.s3multi.s3.http.FixedFormatDates;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeFormatterBuilder;
import java.time.format.DateTimeParseException;
import java.time.temporal.ChronoField;
import java.util.Locale;
import java.util.Optional;

/**
 * HTTP dates as S3 writes them ({@code Last-Modified: Sat, 21 Nov 2026 11:46:55 GMT}) and reads them in
 * conditional headers.
 *
 * <p>Reading is lenient in the way HTTP asks for: RFC 1123 first, then the obsolete RFC 850 and asctime forms
 * that old clients still send. A date that parses in none of them is <em>absent</em>, not an error: S3 ignores an
 * {@code If-Modified-Since} it cannot read, and so must the gateway.
 */
public final class HttpDates {

    private static final DateTimeFormatter RFC_1123 = DateTimeFormatter.RFC_1123_DATE_TIME;
    // Two-digit years of the obsolete form are read as 1970-2069.
    private static final DateTimeFormatter RFC_850 = new DateTimeFormatterBuilder()
            .appendPattern("EEEE, dd-MMM-")
            .appendValueReduced(ChronoField.YEAR, 2, 2, 1970)
            .appendPattern(" HH:mm:ss zzz")
            .toFormatter(Locale.US);
    private static final DateTimeFormatter ASCTIME =
            DateTimeFormatter.ofPattern("EEE MMM ppd HH:mm:ss yyyy", Locale.US).withZone(ZoneOffset.UTC);
    private static final DateTimeFormatter OUT =
            DateTimeFormatter.ofPattern("EEE, dd MMM yyyy HH:mm:ss 'GMT'", Locale.US).withZone(ZoneOffset.UTC);

    private HttpDates() {
    }

    /** {@code Sat, 21 Nov 2026 11:46:55 GMT}: whole seconds, always two-digit days, as S3 sends it. */
    public static String format(Instant instant) {
        return OUT.format(instant);
    }

    /** The instant of an HTTP date in any of the three forms HTTP allows, or empty when it is not one. */
    public static Optional<Instant> parse(String value) {
        if (value == null || value.isBlank()) {
            return Optional.empty();
        }
        String trimmed = value.trim();
        Instant usual = FixedFormatDates.imfFixdate(trimmed);
        if (usual != null) {
            return Optional.of(usual);
        }
        for (DateTimeFormatter format : new DateTimeFormatter[] {RFC_1123, RFC_850, ASCTIME}) {
            try {
                return Optional.of(ZonedDateTime.parse(trimmed, format).toInstant());
            } catch (DateTimeParseException notThisForm) {
                // try the next form
            }
        }
        return Optional.empty();
    }
}
