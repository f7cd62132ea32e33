package io.s3multi.s3.lifecycle;

import io.s3multi.s3.operation.HttpDates;
import java.time.Instant;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * The headers by which S3 tells a client when lifecycle will act on what it just wrote or read:
 * {@code x-amz-expiration: expiry-date="Fri, 23 Dec 2012 00:00:00 GMT", rule-id="rule"} on PutObject, GetObject and
 * HeadObject of a current version that a rule will expire, and {@code x-amz-abort-date} /
 * {@code x-amz-abort-rule-id} on CreateMultipartUpload and ListParts of an upload that a rule will abort. Where
 * several rules apply, the earliest date wins, as in AWS.
 *
 * <p>The object's tags are not at hand on these paths: rules with a tag filter are left out of the header (the
 * worker applies them all the same).
 */
public final class ExpirationNotice {

    public static final String EXPIRATION = "x-amz-expiration";
    public static final String ABORT_DATE = "x-amz-abort-date";
    public static final String ABORT_RULE_ID = "x-amz-abort-rule-id";

    private final List<LifecycleRule> rules;
    private final LifecycleDays days;

    /** @param rules the bucket's enabled rules */
    public ExpirationNotice(List<LifecycleRule> rules, LifecycleDays days) {
        this.rules = List.copyOf(rules);
        this.days = Objects.requireNonNull(days, "days");
    }

    /** The dated rule that expires the current version {@code key} of {@code size} bytes written at {@code written}. */
    public Optional<Dated> expiration(String key, long size, Instant written) {
        return rules.stream().filter(rule -> !rule.filter().needsTags() && rule.expiresCurrent()
                        && rule.filter().matches(key, size, Map.of()))
                .flatMap(rule -> rule.currentExpiry(written, days).map(date -> new Dated(rule.id(), date)).stream())
                .min(Comparator.comparing(Dated::date));
    }

    /** The dated rule that aborts an upload of {@code key} initiated at {@code initiated}. */
    public Optional<Dated> abort(String key, Instant initiated) {
        return rules.stream().filter(rule -> rule.abortDays().isPresent() && rule.filter().mayMatch(key)
                        && rule.filter().sizeAbove() == null && rule.filter().sizeBelow() == null)
                .map(rule -> new Dated(rule.id(), days.after(initiated, rule.abortDays().getAsInt())))
                .min(Comparator.comparing(Dated::date));
    }

    /** A rule and the date it acts. */
    public record Dated(String ruleId, Instant date) {

        /** The value of {@code x-amz-expiration}. */
        public String expirationHeader() {
            return "expiry-date=\"" + httpDate() + "\", rule-id=\"" + ruleId + "\"";
        }

        /** The date as HTTP writes it ({@code x-amz-abort-date}). */
        public String httpDate() {
            return HttpDates.format(date);
        }
    }
}
