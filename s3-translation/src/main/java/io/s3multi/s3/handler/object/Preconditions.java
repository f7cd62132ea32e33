package io.s3multi.s3.handler.object;

import io.s3multi.s3.http.RequestHead;
import io.s3multi.s3.operation.HttpDates;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Optional;

/**
 * The four conditional headers of a read ({@code If-Match}, {@code If-None-Match}, {@code If-Modified-Since},
 * {@code If-Unmodified-Since}) or of a copy's source ({@code x-amz-copy-source-if-*}), evaluated as S3 does.
 *
 * <p>Precedence follows RFC 7232, which is what AWS documents: an {@code If-Match} that holds makes
 * {@code If-Unmodified-Since} irrelevant (a read answers 200 even if the object changed after that date), and
 * an {@code If-None-Match} that is present makes {@code If-Modified-Since} irrelevant (an ETag that matches
 * answers 304 whatever the date says). Failures of the first pair are checked before the second pair. Dates
 * compare at whole seconds, the precision of {@code Last-Modified}; a date that does not parse is ignored.
 *
 * <pre>{@code
 * Outcome outcome = Preconditions.forRead(head).evaluate("\"5d41...\"", lastModified);
 * }</pre>
 */
public final class Preconditions {

    /** What the conditions say about the object. */
    public enum Outcome {
        /** No condition failed: serve the object (or copy it). */
        PROCEED,
        /** {@code If-None-Match} or {@code If-Modified-Since} failed: 304 for a read, 412 for a copy. */
        NOT_MODIFIED,
        /** {@code If-Match} or {@code If-Unmodified-Since} failed: 412. */
        PRECONDITION_FAILED
    }

    private final String ifMatch;
    private final String ifNoneMatch;
    private final Optional<Instant> ifModifiedSince;
    private final Optional<Instant> ifUnmodifiedSince;
    private final String prefix;

    private Preconditions(RequestHead head, String prefix) {
        this.prefix = prefix;
        this.ifMatch = head.header(prefix + "If-Match");
        this.ifNoneMatch = head.header(prefix + "If-None-Match");
        this.ifModifiedSince = HttpDates.parse(head.header(prefix + "If-Modified-Since"));
        this.ifUnmodifiedSince = HttpDates.parse(head.header(prefix + "If-Unmodified-Since"));
    }

    /** The conditions of a GET or HEAD. */
    public static Preconditions forRead(RequestHead head) {
        return new Preconditions(head, "");
    }

    /** The {@code x-amz-copy-source-if-*} conditions of a copy. */
    public static Preconditions forCopySource(RequestHead head) {
        return new Preconditions(head, "x-amz-copy-source-");
    }

    /** Whether any condition was sent (and, for dates, could be read). */
    public boolean isPresent() {
        return ifMatch != null || ifNoneMatch != null || ifModifiedSince.isPresent() || ifUnmodifiedSince.isPresent();
    }

    /**
     * Evaluates the conditions against an object.
     *
     * @param etag         the object's S3 ETag, quoted or not
     * @param lastModified the object's modification time
     */
    public Outcome evaluate(String etag, Instant lastModified) {
        Instant modified = lastModified.truncatedTo(ChronoUnit.SECONDS);
        if (ifMatch != null) {
            if (!matchesAny(ifMatch, etag)) {
                return Outcome.PRECONDITION_FAILED;
            }
        } else if (ifUnmodifiedSince.isPresent() && modified.isAfter(ifUnmodifiedSince.get())) {
            return Outcome.PRECONDITION_FAILED;
        }
        if (ifNoneMatch != null) {
            if (matchesAny(ifNoneMatch, etag)) {
                return Outcome.NOT_MODIFIED;
            }
        } else if (ifModifiedSince.isPresent() && !modified.isAfter(ifModifiedSince.get())) {
            return Outcome.NOT_MODIFIED;
        }
        return Outcome.PROCEED;
    }

    /** The header that decided a failed outcome, for the {@code Condition} element of the error. */
    public String failedCondition(Outcome outcome) {
        if (outcome == Outcome.PRECONDITION_FAILED) {
            return prefix + (ifMatch != null ? "If-Match" : "If-Unmodified-Since");
        }
        return prefix + (ifNoneMatch != null ? "If-None-Match" : "If-Modified-Since");
    }

    /** Whether an {@code If-Match}-style list ({@code "a", W/"b"}, or {@code *}) names this ETag. */
    static boolean matchesAny(String list, String etag) {
        String wanted = bare(etag);
        for (String candidate : list.split(",")) {
            String trimmed = candidate.trim();
            if (trimmed.equals("*") || (!trimmed.isEmpty() && bare(trimmed).equals(wanted))) {
                return true;
            }
        }
        return false;
    }

    private static String bare(String etag) {
        String value = etag.trim();
        if (value.startsWith("W/")) {
            value = value.substring(2);
        }
        if (value.length() >= 2 && value.startsWith("\"") && value.endsWith("\"")) {
            value = value.substring(1, value.length() - 1);
        }
        return value;
    }
}
