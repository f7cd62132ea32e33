package io.s3multi.s3.http;

import java.time.DayOfWeek;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneOffset;

/**
 * The two dates that arrive with nearly every request, read by hand: {@code X-Amz-Date} ({@code 20130524T000000Z})
 * with every signed request, and Swift's {@code Last-Modified} ({@code Sat, 21 Nov 2026 11:46:55 GMT}) with every
 * object answer. A {@code DateTimeFormatter} parse costs a few microseconds and a kilobyte of garbage each.
 *
 * <p>Each method accepts only the one canonical, unambiguous spelling of its format with every field in range (and,
 * for the HTTP date, the weekday that the date falls on) and answers {@code null} for anything else, so the caller
 * can hand that to its formatter, which stays the judge of every unusual form. What these accept the formatters read
 * as the same instant.
 */
public final class FixedFormatDates {

    private static final String[] WEEKDAYS = {"Mon", "Tue", "Wed", "Thu", "Fri", "Sat", "Sun"};
    private static final String[] MONTHS =
            {"Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"};

    private FixedFormatDates() {
    }

    /** {@code yyyyMMdd'T'HHmmss'Z'} in ASCII digits with every field in range; {@code null} otherwise. */
    public static Instant amzDate(String value) {
        if (value == null || value.length() != 16 || value.charAt(8) != 'T' || value.charAt(15) != 'Z') {
            return null;
        }
        LocalDateTime time = dateTime(digits(value, 0, 4), digits(value, 4, 2), digits(value, 6, 2),
                digits(value, 9, 2), digits(value, 11, 2), digits(value, 13, 2));
        return time == null ? null : time.toInstant(ZoneOffset.UTC);
    }

    /**
     * The IMF-fixdate of RFC 9110 ({@code EEE, dd MMM yyyy HH:mm:ss GMT}, names capitalised as there), with every
     * field in range and the weekday the date falls on; {@code null} otherwise.
     */
    public static Instant imfFixdate(String value) {
        if (value == null || value.length() != 29 || !value.startsWith(", ", 3) || value.charAt(7) != ' '
                || value.charAt(11) != ' ' || value.charAt(16) != ' ' || value.charAt(19) != ':'
                || value.charAt(22) != ':' || !value.startsWith(" GMT", 25)) {
            return null;
        }
        int month = indexOf(MONTHS, value, 8) + 1;
        LocalDateTime time = dateTime(digits(value, 12, 4), month, digits(value, 5, 2), digits(value, 17, 2),
                digits(value, 20, 2), digits(value, 23, 2));
        if (time == null || time.getDayOfWeek() != weekday(value)) {
            return null;
        }
        return time.toInstant(ZoneOffset.UTC);
    }

    private static DayOfWeek weekday(String value) {
        int index = indexOf(WEEKDAYS, value, 0);
        return index < 0 ? null : DayOfWeek.of(index + 1);
    }

    /** The index of the three-letter name at {@code from}, or -1. */
    private static int indexOf(String[] names, String value, int from) {
        for (int i = 0; i < names.length; i++) {
            if (value.startsWith(names[i], from)) {
                return i;
            }
        }
        return -1;
    }

    /** The fields as a date and time when each is in range (no leap second, no 24:00); {@code null} otherwise. */
    private static LocalDateTime dateTime(int year, int month, int day, int hour, int minute, int second) {
        if (year < 0 || month < 1 || month > 12 || day < 1 || hour < 0 || hour > 23 || minute < 0 || minute > 59
                || second < 0 || second > 59) {
            return null;
        }
        if (day > LocalDate.of(year, month, 1).lengthOfMonth()) {
            return null;
        }
        return LocalDateTime.of(year, month, day, hour, minute, second);
    }

    /** The number written in ASCII digits at {@code from}, or -1 when one of them is not a digit. */
    private static int digits(String value, int from, int count) {
        int number = 0;
        for (int i = from; i < from + count; i++) {
            char c = value.charAt(i);
            if (c < '0' || c > '9') {
                return -1;
            }
            number = number * 10 + (c - '0');
        }
        return number;
    }
}
