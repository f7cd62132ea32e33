package io.s3multi.s3.contract;

import io.s3multi.swift.SwiftHeaders;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A bucket's Object Lock configuration, kept on the bucket's container as {@link ReservedMetadata#CONTAINER_OBJECT_LOCK}:
 * {@code Enabled}, or {@code Enabled <mode> Days <n>} / {@code Enabled <mode> Years <n>} with a default retention.
 * A container without the header has no Object Lock. Once enabled it is never removed (as on AWS).
 *
 * @param enabled     whether Object Lock is enabled
 * @param defaultMode the default retention's mode, or {@code null} for no default retention
 * @param days        the default retention in days (0 when given in years or absent)
 * @param years       the default retention in years (0 when given in days or absent)
 */
public record BucketLockConfiguration(boolean enabled, RetentionMode defaultMode, int days, int years) {

    /** A bucket without Object Lock. */
    public static final BucketLockConfiguration DISABLED = new BucketLockConfiguration(false, null, 0, 0);
    /** Object Lock enabled without a default retention. */
    public static final BucketLockConfiguration ENABLED = new BucketLockConfiguration(true, null, 0, 0);

    private static final String ENABLED_VALUE = "Enabled";
    private static final Pattern STORED = Pattern.compile("Enabled(?: (GOVERNANCE|COMPLIANCE) (Days|Years) ([1-9][0-9]{0,5}))?");

    /** The configuration a container's headers (a HEAD of it) show; a malformed value counts as enabled, no default. */
    public static BucketLockConfiguration of(SwiftHeaders container) {
        String value = container.get(ReservedMetadata.CONTAINER_OBJECT_LOCK);
        if (value == null || value.isBlank()) {
            return DISABLED;
        }
        Matcher stored = STORED.matcher(value.strip());
        if (!stored.matches() || stored.group(1) == null) {
            return ENABLED;
        }
        int amount = Integer.parseInt(stored.group(3));
        RetentionMode mode = RetentionMode.valueOf(stored.group(1));
        return stored.group(2).equals("Days") ? new BucketLockConfiguration(true, mode, amount, 0)
                : new BucketLockConfiguration(true, mode, 0, amount);
    }

    /** The container headers (PUT or POST) that store this configuration. */
    public SwiftHeaders containerHeaders() {
        if (!enabled) {
            throw new IllegalStateException("Object Lock is never switched off");
        }
        String value = defaultMode == null ? ENABLED_VALUE
                : ENABLED_VALUE + " " + defaultMode.name() + (days > 0 ? " Days " + days : " Years " + years);
        return SwiftHeaders.of(ReservedMetadata.CONTAINER_OBJECT_LOCK, value);
    }

    /** The retention a new version written at {@code now} gets by default; empty without a default retention. */
    public Optional<ObjectLockState> defaultRetention(Instant now) {
        if (defaultMode == null) {
            return Optional.empty();
        }
        Instant until = days > 0 ? now.plusSeconds(days * 86_400L)
                : now.atOffset(ZoneOffset.UTC).plusYears(years).toInstant();
        return Optional.of(new ObjectLockState(defaultMode, until, false));
    }
}
