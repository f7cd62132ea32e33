package io.s3multi.s3.handler.object;

import static io.s3multi.s3.handler.object.Preconditions.Outcome.NOT_MODIFIED;
import static io.s3multi.s3.handler.object.Preconditions.Outcome.PRECONDITION_FAILED;
import static io.s3multi.s3.handler.object.Preconditions.Outcome.PROCEED;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.s3multi.s3.operation.HttpDates;
import java.time.Instant;
import org.junit.jupiter.api.Test;

class PreconditionsTest {

    private static final String ETAG = "\"5d41402abc4b2a76b9719d911017c592\"";
    private static final Instant MODIFIED = Instant.parse("2026-11-21T11:46:55.428Z");
    private static final String BEFORE = "Sat, 21 Nov 2026 11:00:00 GMT";
    private static final String SAME_SECOND = "Sat, 21 Nov 2026 11:46:55 GMT";
    private static final String AFTER = "Sat, 21 Nov 2026 12:00:00 GMT";

    private static Preconditions.Outcome read(String... headers) {
        return Preconditions.forRead(Heads.of(headers)).evaluate(ETAG, MODIFIED);
    }

    @Test
    void noConditionsProceed() {
        assertFalse(Preconditions.forRead(Heads.of()).isPresent());
        assertEquals(PROCEED, read());
    }

    @Test
    void ifMatchComparesEtagsQuotedOrNotAndStar() {
        assertEquals(PROCEED, read("If-Match", ETAG));
        assertEquals(PROCEED, read("If-Match", "5d41402abc4b2a76b9719d911017c592"));
        assertEquals(PROCEED, read("If-Match", "\"other\", W/" + ETAG));
        assertEquals(PROCEED, read("If-Match", "*"));
        assertEquals(PRECONDITION_FAILED, read("If-Match", "\"other\""));
    }

    @Test
    void ifNoneMatchThatMatchesIsNotModified() {
        assertEquals(NOT_MODIFIED, read("If-None-Match", ETAG));
        assertEquals(PROCEED, read("If-None-Match", "\"other\""));
    }

    @Test
    void datesCompareAtWholeSeconds() {
        assertEquals(NOT_MODIFIED, read("If-Modified-Since", SAME_SECOND));
        assertEquals(PROCEED, read("If-Modified-Since", BEFORE));
        assertEquals(PROCEED, read("If-Unmodified-Since", SAME_SECOND));
        assertEquals(PRECONDITION_FAILED, read("If-Unmodified-Since", BEFORE));
    }

    @Test
    void ifMatchThatHoldsOverridesIfUnmodifiedSince() {
        // AWS: If-Match true and If-Unmodified-Since false -> 200.
        assertEquals(PROCEED, read("If-Match", ETAG, "If-Unmodified-Since", BEFORE));
    }

    @Test
    void ifNoneMatchOverridesIfModifiedSince() {
        // AWS: If-None-Match false (the ETag matches) and If-Modified-Since true -> 304.
        assertEquals(NOT_MODIFIED, read("If-None-Match", ETAG, "If-Modified-Since", BEFORE));
        // ... and an If-None-Match that holds makes an unmodified date irrelevant.
        assertEquals(PROCEED, read("If-None-Match", "\"other\"", "If-Modified-Since", AFTER));
    }

    @Test
    void preconditionFailureWinsOverNotModified() {
        assertEquals(PRECONDITION_FAILED, read("If-Match", "\"other\"", "If-None-Match", ETAG));
    }

    @Test
    void unreadableDatesAreIgnored() {
        assertFalse(Preconditions.forRead(Heads.of("If-Modified-Since", "yesterday")).isPresent());
        assertEquals(PROCEED, read("If-Unmodified-Since", "not a date"));
    }

    @Test
    void copySourceConditionsUseTheirOwnHeadersAndNameTheFailedOne() {
        Preconditions copy = Preconditions.forCopySource(Heads.of("x-amz-copy-source-if-none-match", ETAG,
                "If-Match", "\"ignored-for-copies\""));
        assertTrue(copy.isPresent());
        assertEquals(NOT_MODIFIED, copy.evaluate(ETAG, MODIFIED));
        assertEquals("x-amz-copy-source-If-None-Match", copy.failedCondition(NOT_MODIFIED));
        Preconditions unmodified = Preconditions.forCopySource(Heads.of("x-amz-copy-source-if-unmodified-since",
                BEFORE));
        assertEquals(PRECONDITION_FAILED, unmodified.evaluate(ETAG, MODIFIED));
        assertEquals("x-amz-copy-source-If-Unmodified-Since", unmodified.failedCondition(PRECONDITION_FAILED));
    }

    @Test
    void httpDatesReadAllThreeFormsAndWriteRfc1123() {
        Instant expected = Instant.parse("1994-11-06T08:49:37Z");
        assertEquals(expected, HttpDates.parse("Sun, 06 Nov 1994 08:49:37 GMT").orElseThrow());
        assertEquals(expected, HttpDates.parse("Sunday, 06-Nov-94 08:49:37 GMT").orElseThrow());
        assertEquals(expected, HttpDates.parse("Sun Nov  6 08:49:37 1994").orElseThrow());
        assertEquals("Sun, 06 Nov 1994 08:49:37 GMT", HttpDates.format(expected));
    }
}
