package io.s3multi.s3.lifecycle;

import java.time.Instant;
import java.util.Objects;
import java.util.Optional;
import java.util.OptionalInt;

/**
 * One validated lifecycle rule ({@link LifecycleRules} reads it). Days count in lifecycle days ({@link LifecycleDays}).
 *
 * @param id                        the rule's {@code ID} (generated when the client sent none, as AWS does)
 * @param enabled                   {@code Status} is {@code Enabled}
 * @param filter                    the objects it applies to
 * @param expirationDays            current versions expire this many days after they were written
 * @param expirationDate            current versions expire on this date (midnight UTC)
 * @param expiredObjectDeleteMarker a delete marker that is the only version left of its key is removed
 * @param noncurrentDays            noncurrent versions expire this many days after they became noncurrent
 * @param newerNoncurrentVersions   that many newest noncurrent versions are kept anyway (0: none)
 * @param abortDays                 uploads are aborted this many days after they were initiated
 */
public record LifecycleRule(String id, boolean enabled, RuleFilter filter, OptionalInt expirationDays,
        Optional<Instant> expirationDate, boolean expiredObjectDeleteMarker, OptionalInt noncurrentDays,
        int newerNoncurrentVersions, OptionalInt abortDays) {

    public LifecycleRule {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(filter, "filter");
        if (expirationDays == null || expirationDate == null || noncurrentDays == null || abortDays == null) {
            throw new NullPointerException("an absent number or date is empty, never null");
        }
    }

    /** Whether the rule expires current versions (by days or by date). */
    public boolean expiresCurrent() {
        return expirationDays.isPresent() || expirationDate.isPresent();
    }

    /** When a current version written at {@code written} expires under this rule, if the rule expires any. */
    public Optional<Instant> currentExpiry(Instant written, LifecycleDays days) {
        if (expirationDate.isPresent()) {
            return expirationDate;
        }
        if (expirationDays.isPresent()) {
            return Optional.of(days.after(written, expirationDays.getAsInt()));
        }
        return Optional.empty();
    }
}
