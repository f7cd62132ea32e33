package io.s3multi.s3.contract;

import io.s3multi.swift.SwiftHeaders;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.Optional;

/**
 * The Object Lock state of one object version, kept as reserved metadata on the version itself
 * ({@link ReservedMetadata#LOCK_MODE}, {@link ReservedMetadata#LOCK_RETAIN_UNTIL},
 * {@link ReservedMetadata#LOCK_LEGAL_HOLD}): written with the version (PutObject, CopyObject, the manifest of
 * CompleteMultipartUpload) and changed by a metadata POST (PutObjectRetention, PutObjectLegalHold). So the HEAD the
 * delete paths make of a version anyway tells whether it may go, at no extra request, and a bucket without Object
 * Lock pays nothing. Swift refuses a POST to a noncurrent version, so only the current version's state can change
 * after it is written (docs/OBJECT-LOCK.md).
 *
 * <p>Stored values are read defensively: a mode without a well-formed date (or the reverse) counts as no retention.
 *
 * @param mode        the retention mode, or {@code null} for none
 * @param retainUntil until when the retention holds, or {@code null} exactly when {@code mode} is
 * @param legalHold   whether a legal hold is on
 */
public record ObjectLockState(RetentionMode mode, Instant retainUntil, boolean legalHold) {

    /** No retention, no legal hold. */
    public static final ObjectLockState NONE = new ObjectLockState(null, null, false);

    private static final String ON = "ON";

    public ObjectLockState {
        if ((mode == null) != (retainUntil == null)) {
            throw new IllegalArgumentException("a retention has a mode and a date");
        }
    }

    /** The state a version's headers (a HEAD of it, or of the upload's marker) show. */
    public static ObjectLockState of(SwiftHeaders stored) {
        Optional<RetentionMode> mode = RetentionMode.parse(stored.get(ReservedMetadata.LOCK_MODE));
        Optional<Instant> until = instant(stored.get(ReservedMetadata.LOCK_RETAIN_UNTIL));
        boolean hold = ON.equals(stored.get(ReservedMetadata.LOCK_LEGAL_HOLD));
        return mode.isPresent() && until.isPresent()
                ? new ObjectLockState(mode.get(), until.get(), hold) : new ObjectLockState(null, null, hold);
    }

    /** The reserved metadata that stores this state: nothing for {@link #NONE}. */
    public SwiftHeaders headers() {
        SwiftHeaders.Builder headers = SwiftHeaders.builder();
        if (mode != null) {
            headers.set(ReservedMetadata.LOCK_MODE, mode.name()).set(ReservedMetadata.LOCK_RETAIN_UNTIL,
                    retainUntil.toString());
        }
        if (legalHold) {
            headers.set(ReservedMetadata.LOCK_LEGAL_HOLD, ON);
        }
        return headers.build();
    }

    /** Whether a header name is one of the reserved names of this state (any case). */
    public static boolean isLockHeader(String swiftHeader) {
        return swiftHeader.equalsIgnoreCase(ReservedMetadata.LOCK_MODE)
                || swiftHeader.equalsIgnoreCase(ReservedMetadata.LOCK_RETAIN_UNTIL)
                || swiftHeader.equalsIgnoreCase(ReservedMetadata.LOCK_LEGAL_HOLD);
    }

    public boolean hasRetention() {
        return mode != null;
    }

    /** Whether the retention still holds at {@code now} (a date in the past no longer protects the version). */
    public boolean retainedAt(Instant now) {
        return mode != null && retainUntil.isAfter(now);
    }

    public ObjectLockState withRetention(RetentionMode newMode, Instant newRetainUntil) {
        return new ObjectLockState(newMode, newRetainUntil, legalHold);
    }

    public ObjectLockState withLegalHold(boolean on) {
        return new ObjectLockState(mode, retainUntil, on);
    }

    /** Combines two states: the retention of {@code this} if any, else the other's; a legal hold if either has one. */
    public ObjectLockState or(ObjectLockState other) {
        return new ObjectLockState(mode != null ? mode : other.mode, mode != null ? retainUntil : other.retainUntil,
                legalHold || other.legalHold);
    }

    private static Optional<Instant> instant(String value) {
        try {
            return value == null ? Optional.empty() : Optional.of(Instant.parse(value.strip()));
        } catch (DateTimeParseException malformed) {
            return Optional.empty();
        }
    }
}
