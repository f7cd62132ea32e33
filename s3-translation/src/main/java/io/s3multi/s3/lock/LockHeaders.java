package io.s3multi.s3.lock;

import io.s3multi.s3.contract.ObjectLockState;
import io.s3multi.s3.contract.RetentionMode;
import io.s3multi.s3.error.S3Exception;
import io.s3multi.s3.http.RequestHead;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.Optional;

/**
 * The Object Lock headers of a write (PutObject, CopyObject, CreateMultipartUpload): {@code x-amz-object-lock-mode}
 * with {@code x-amz-object-lock-retain-until-date}, and {@code x-amz-object-lock-legal-hold}. Refused as AWS refuses
 * them: a mode without a date or a date without a mode, an unknown mode, a date that is not ISO-8601 or not in the
 * future, a legal hold other than {@code ON}/{@code OFF} are {@code InvalidArgument}.
 */
public final class LockHeaders {

    public static final String MODE = "x-amz-object-lock-mode";
    public static final String RETAIN_UNTIL_DATE = "x-amz-object-lock-retain-until-date";
    public static final String LEGAL_HOLD = "x-amz-object-lock-legal-hold";

    private LockHeaders() {
    }

    /** The state the headers ask for; empty when the request has none of them. */
    public static Optional<ObjectLockState> of(RequestHead head, Instant now) {
        String mode = head.header(MODE);
        String until = head.header(RETAIN_UNTIL_DATE);
        String hold = head.header(LEGAL_HOLD);
        if (mode == null && until == null && hold == null) {
            return Optional.empty();
        }
        if ((mode == null) != (until == null)) {
            throw S3Exception.invalidArgument(mode == null ? MODE : RETAIN_UNTIL_DATE, "",
                    "x-amz-object-lock-retain-until-date and x-amz-object-lock-mode must both be supplied");
        }
        ObjectLockState state = ObjectLockState.NONE;
        if (mode != null) {
            RetentionMode parsed = RetentionMode.parse(mode)
                    .orElseThrow(() -> S3Exception.invalidArgument(MODE, mode, "Unknown wormMode directive."));
            state = state.withRetention(parsed, futureDate(RETAIN_UNTIL_DATE, until, now));
        }
        if (hold != null) {
            state = state.withLegalHold(legalHold(hold).orElseThrow(() -> S3Exception.invalidArgument(LEGAL_HOLD,
                    hold, "Legal Hold must be either of 'ON' or 'OFF'")));
        }
        return Optional.of(state);
    }

    /** {@code ON} is true, {@code OFF} false, anything else empty (S3's legal hold status). */
    public static Optional<Boolean> legalHold(String status) {
        return switch (status.strip()) {
            case "ON" -> Optional.of(true);
            case "OFF" -> Optional.of(false);
            default -> Optional.empty();
        };
    }

    /**
     * A retain-until date as S3 takes it (ISO-8601 with an offset), which must lie in the future.
     *
     * @throws S3Exception {@code InvalidArgument} for a malformed date or one not after {@code now}
     */
    public static Instant futureDate(String name, String value, Instant now) {
        Instant date;
        try {
            date = OffsetDateTime.parse(value.strip()).toInstant();
        } catch (DateTimeParseException malformed) {
            throw S3Exception.invalidArgument(name, value, "The retain until date must be provided in ISO 8601 format");
        }
        if (!date.isAfter(now)) {
            throw S3Exception.invalidArgument(name, value, "The retain until date must be in the future!");
        }
        return date;
    }
}
