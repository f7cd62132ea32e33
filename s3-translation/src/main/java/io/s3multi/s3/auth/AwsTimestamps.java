package io.s3multi.s3.auth;

import io.s3multi.s3.http.FixedFormatDates;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.List;
import java.util.Locale;

/** The date formats S3 requests carry, parsed strictly; {@code null} means "not a valid date". */
final class AwsTimestamps {

    /** ISO 8601 basic, as in {@code X-Amz-Date: 20130524T000000Z}. */
    private static final DateTimeFormatter AMZ_DATE =
            DateTimeFormatter.ofPattern("uuuuMMdd'T'HHmmss'Z'", Locale.ROOT).withZone(ZoneOffset.UTC);

    /** The HTTP date forms RFC 9110 tells servers to accept: IMF-fixdate/RFC 1123, RFC 850, asctime. */
    private static final List<DateTimeFormatter> HTTP_DATES = List.of(
            DateTimeFormatter.RFC_1123_DATE_TIME,
            DateTimeFormatter.ofPattern("EEEE, dd-MMM-yy HH:mm:ss zzz", Locale.ENGLISH),
            DateTimeFormatter.ofPattern("EEE MMM ppd HH:mm:ss uuuu", Locale.ENGLISH).withZone(ZoneOffset.UTC));

    private AwsTimestamps() {
    }

    static Instant parseAmzDate(String value) {
        if (value == null || value.length() != 16) {
            return null;
        }
        Instant usual = FixedFormatDates.amzDate(value);
        if (usual != null) {
            return usual;
        }
        try {
            return LocalDateTime.parse(value, AMZ_DATE).toInstant(ZoneOffset.UTC);
        } catch (DateTimeParseException e) {
            return null;
        }
    }

    /** An HTTP date, or (as some SigV2 clients send in {@code x-amz-date}) an ISO 8601 basic one. */
    static Instant parseHttpDate(String value) {
        if (value == null) {
            return null;
        }
        String trimmed = value.trim();
        Instant usual = FixedFormatDates.imfFixdate(trimmed);
        if (usual != null) {
            return usual;
        }
        for (DateTimeFormatter format : HTTP_DATES) {
            try {
                return format.parse(trimmed, Instant::from);
            } catch (DateTimeParseException e) {
                // try the next form
            }
        }
        return parseAmzDate(trimmed);
    }

    static String formatAmzDate(Instant instant) {
        return AMZ_DATE.format(instant);
    }

    /** The form AWS uses in error details, e.g. {@code 2013-05-24T00:00:00Z}. */
    static String formatIso(Instant instant) {
        return DateTimeFormatter.ISO_INSTANT.format(instant.truncatedTo(java.time.temporal.ChronoUnit.SECONDS));
    }
}
