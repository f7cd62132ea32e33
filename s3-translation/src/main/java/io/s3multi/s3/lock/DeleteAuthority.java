package io.s3multi.s3.lock;

import io.s3multi.s3.contract.ObjectLockState;
import io.s3multi.s3.contract.RetentionMode;
import io.s3multi.s3.error.S3Exception;
import io.s3multi.s3.operation.S3Call;
import io.s3multi.swift.SwiftHeaders;
import java.time.Clock;
import java.time.Instant;
import java.util.Objects;

/**
 * Whether a delete may destroy an object version that Object Lock may protect (DeleteObject and DeleteObjects with a
 * version id, PutObjectRetention that shortens or removes a retention).
 *
 * <p>A legal hold, or a {@code COMPLIANCE} retention whose date has not passed, protects a version from everyone. A
 * {@code GOVERNANCE} retention protects it unless the request sends {@code x-amz-bypass-governance-retention: true}
 * and its user administers the account ({@link io.s3multi.s3.operation.S3Identity#accountAdmin}); a user who is not
 * an administrator is refused even with the header. Refusals are {@code AccessDenied}, as AWS answers. Work that no
 * client asked for (lifecycle expiration) uses {@link #noBypass}: it never bypasses governance.
 *
 * @param bypassGovernance whether governance retention may be bypassed
 * @param clock            the time a retention's date is compared with
 */
public record DeleteAuthority(boolean bypassGovernance, Clock clock) {

    public static final String BYPASS_HEADER = "x-amz-bypass-governance-retention";

    public DeleteAuthority {
        Objects.requireNonNull(clock, "clock");
    }

    /** No bypass: what every delete not sent by a client uses. */
    public static DeleteAuthority noBypass(Clock clock) {
        return new DeleteAuthority(false, clock);
    }

    /** What the call's user may do: bypass governance when asked to and an administrator of the account. */
    public static DeleteAuthority of(S3Call call) {
        String bypass = call.request().header(BYPASS_HEADER);
        boolean asked = bypass != null && bypass.strip().equalsIgnoreCase("true");
        return new DeleteAuthority(asked && call.identity().accountAdmin(), call.clock());
    }

    /**
     * Refuses the destruction of a version whose headers (a HEAD of it) show a lock that holds.
     *
     * @throws S3Exception {@code AccessDenied} when the version is protected
     */
    public void requireDeletable(SwiftHeaders version) {
        ObjectLockState state = ObjectLockState.of(version);
        if (state.legalHold() || (state.retainedAt(now())
                && (state.mode() == RetentionMode.COMPLIANCE || !bypassGovernance))) {
            throw protectedVersion();
        }
    }

    /**
     * Refuses a change of retention that would weaken a retention that holds: a {@code COMPLIANCE} retention can only
     * be extended; a {@code GOVERNANCE} one shortened, removed or turned into nothing only with bypass.
     */
    public void requireRetentionChange(ObjectLockState current, ObjectLockState wanted) {
        if (!current.retainedAt(now())) {
            return;
        }
        boolean weaker = !wanted.hasRetention() || wanted.retainUntil().isBefore(current.retainUntil())
                || (current.mode() == RetentionMode.COMPLIANCE && wanted.mode() != RetentionMode.COMPLIANCE);
        if (weaker && (current.mode() == RetentionMode.COMPLIANCE || !bypassGovernance)) {
            throw protectedVersion();
        }
    }

    public Instant now() {
        return clock.instant();
    }

    private static S3Exception protectedVersion() {
        return S3Exception.accessDenied("Access Denied because object protected by object lock.")
                .withReason("objectLock");
    }
}
