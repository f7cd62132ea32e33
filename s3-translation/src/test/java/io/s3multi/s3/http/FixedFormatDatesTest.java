package io.s3multi.s3.http;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.Locale;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** The hand-read dates agree with the formatters they stand in front of, and leave every unusual form to them. */
class FixedFormatDatesTest {

    private static final DateTimeFormatter AMZ_DATE =
            DateTimeFormatter.ofPattern("uuuuMMdd'T'HHmmss'Z'", Locale.ROOT).withZone(ZoneOffset.UTC);
    private static final DateTimeFormatter IMF_FIXDATE =
            DateTimeFormatter.ofPattern("EEE, dd MMM yyyy HH:mm:ss 'GMT'", Locale.US).withZone(ZoneOffset.UTC);

    @Property(tries = 500)
    void readsEveryCanonicalDateAsTheFormattersDo(@ForAll("instants") Instant instant) {
        String amz = AMZ_DATE.format(instant);
        assertEquals(LocalDateTime.parse(amz, AMZ_DATE).toInstant(ZoneOffset.UTC), FixedFormatDates.amzDate(amz));
        String http = IMF_FIXDATE.format(instant);
        assertEquals(ZonedDateTime.parse(http, DateTimeFormatter.RFC_1123_DATE_TIME).toInstant(),
                FixedFormatDates.imfFixdate(http));
    }

    @Property(tries = 1000)
    void whatItReadsFromAnAlteredDateTheFormatterReadsTheSame(@ForAll("instants") Instant instant,
            @ForAll("positions") int position, @ForAll("replacements") char replacement) {
        String amz = alter(AMZ_DATE.format(instant), position % 16, replacement);
        Instant fast = FixedFormatDates.amzDate(amz);
        if (fast != null) {
            assertEquals(LocalDateTime.parse(amz, AMZ_DATE).toInstant(ZoneOffset.UTC), fast, amz);
        }
        String http = alter(IMF_FIXDATE.format(instant), position % 29, replacement);
        Instant fastHttp = FixedFormatDates.imfFixdate(http);
        if (fastHttp != null) {
            assertEquals(ZonedDateTime.parse(http, DateTimeFormatter.RFC_1123_DATE_TIME).toInstant(), fastHttp, http);
        }
    }

    /**
     * Month ends, leap days (of years divisible by 4, 100 and 400, and not), the right weekday and a wrong one, the
     * first and last years of four digits, and fields one past their range: whatever the hand-reading takes, the formatter reads as the
     * same instant; and a date that the formatter reads without adjusting, the hand-reading takes too.
     */
    @org.junit.jupiter.api.Test
    void agreesWithTheFormattersAtTheEdgesOfTheCalendar() {
        String[] weekdays = {"Mon", "Tue", "Wed", "Thu", "Fri", "Sat", "Sun"};
        String[] months = {"Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"};
        int checked = 0;
        for (int year : new int[] {0, 4, 100, 400, 1900, 2000, 2023, 2024, 9999}) {
            for (int month = 0; month <= 13; month++) {
                for (int day : new int[] {0, 1, 28, 29, 30, 31, 32}) {
                    for (String time : new String[] {"23:59:59", "24:00:00", "00:00:60"}) {
                        String amz = String.format("%04d%02d%02dT%sZ", year, month, day, time.replace(":", ""));
                        assertAgrees(amz, FixedFormatDates.amzDate(amz), formatterAmz(amz));
                        if (month < 1 || month > 12) {
                            continue;
                        }
                        // the date's own weekday (Monday when there is no such date) and the day after's
                        int own = day >= 1 && day <= java.time.YearMonth.of(year, month).lengthOfMonth()
                                ? java.time.LocalDate.of(year, month, day).getDayOfWeek().ordinal() : 0;
                        for (int weekday : new int[] {own, (own + 1) % 7}) {
                            String http = String.format("%s, %02d %s %04d %s GMT", weekdays[weekday], day,
                                    months[month - 1], year, time);
                            assertAgrees(http, FixedFormatDates.imfFixdate(http), formatterHttp(http));
                            checked++;
                        }
                    }
                }
            }
        }
        assertEquals(9 * 12 * 7 * 3 * 2, checked);
    }

    private static void assertAgrees(String value, Instant fast, Instant formatter) {
        if (fast != null) {
            assertEquals(formatter, fast, value);
        } else if (formatter != null) {
            // Left to the formatter: only what it adjusts (a day past the month's end, 24:00) or reads leniently.
            String canonical = value.length() == 16 ? AMZ_DATE.format(formatter) : IMF_FIXDATE.format(formatter);
            org.junit.jupiter.api.Assertions.assertNotEquals(canonical, value, "not read by hand: " + value);
        }
    }

    private static Instant formatterAmz(String value) {
        try {
            return LocalDateTime.parse(value, AMZ_DATE).toInstant(ZoneOffset.UTC);
        } catch (java.time.format.DateTimeParseException refused) {
            return null;
        }
    }

    private static Instant formatterHttp(String value) {
        try {
            return ZonedDateTime.parse(value, DateTimeFormatter.RFC_1123_DATE_TIME).toInstant();
        } catch (java.time.format.DateTimeParseException refused) {
            return null;
        }
    }

    /** Out of range, another weekday, case or length: the formatter decides (it adjusts, refuses, or reads). */
    @ParameterizedTest
    @ValueSource(strings = {"20130230T000000Z", "20131301T000000Z", "20130524T240000Z", "20130524T000060Z",
            "2013-05-24T00:00:00Z", "20130524T000000", "+0130524T000000Z", "20130524t000000Z", "20130524T00000Z",
            "Sat, 24 May 2013 00:00:00 GMT", "fri, 24 May 2013 00:00:00 GMT", "Fri, 24 MAY 2013 00:00:00 GMT",
            "Fri, 24 May 2013 00:00:00 UTC", "Fri, 24 May 2013 00:00:00 +0000", "Fri, 24 May 2013 00:00 GMT",
            "Fri,  4 May 2013 00:00:00 GMT", "Fri, 31 Apr 2013 00:00:00 GMT", "Fri, 24 May 2013 24:00:00 GMT",
            "Friday, 24-May-13 00:00:00 GMT", "Fri May 24 00:00:00 2013", ""})
    void leavesUnusualFormsToTheFormatter(String value) {
        assertNull(FixedFormatDates.amzDate(value), value);
        assertNull(FixedFormatDates.imfFixdate(value), value);
    }

    @ParameterizedTest
    @ValueSource(strings = {"20130524T000000Z", "Fri, 24 May 2013 00:00:00 GMT"})
    void readsTheUsualForms(String value) {
        Instant expected = Instant.parse("2013-05-24T00:00:00Z");
        Instant read = value.length() == 16 ? FixedFormatDates.amzDate(value) : FixedFormatDates.imfFixdate(value);
        assertEquals(expected, read);
    }

    @Provide
    Arbitrary<Instant> instants() {
        return Arbitraries.longs().between(0, 253_402_300_799L).map(Instant::ofEpochSecond);  // 1970 to 9999
    }

    @Provide
    Arbitrary<Integer> positions() {
        return Arbitraries.integers().between(0, 28);
    }

    @Provide
    Arbitrary<Character> replacements() {
        return Arbitraries.of('0', '1', '2', '3', '5', '6', '9', ' ', ':', ',', 'T', 'Z', 'a', 'M', 'S', 'F', 'G', '+');
    }

    private static String alter(String value, int position, char replacement) {
        return value.substring(0, position) + replacement + value.substring(position + 1);
    }
}
