package io.s3multi.s3.background;

import io.s3multi.s3.contract.RegistryLayout;
import io.s3multi.swift.SwiftHeaders;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;

/**
 * What the object {@code leases/<job>} in a bucket's registry record says: who holds the lease, until when, and
 * when a run of the job last went through the whole bucket ({@link RegistryLayout}).
 *
 * @param holder   the holding worker's id; empty when released
 * @param expires  until when the holder may work without renewing (the holder's clock)
 * @param finished when a run last finished the bucket, or empty when none has
 */
record LeaseRecord(String holder, Instant expires, Optional<Instant> finished) {

    /** What a worker may do about a bucket's job, given its lease. */
    enum Verdict {
        /** Nobody holds it and a run is due: write a lease. */
        TAKE,
        /** A live lease of another worker: leave the bucket alone. */
        BUSY,
        /** Free, but a run finished less than an interval ago (on any gateway): nothing to do yet. */
        NOT_DUE
    }

    /** The lease read back from the object's headers; a missing or unreadable time counts as the epoch. */
    static LeaseRecord of(SwiftHeaders headers) {
        String holder = headers.get(RegistryLayout.LEASE_HOLDER);
        String finished = headers.get(RegistryLayout.LEASE_FINISHED);
        return new LeaseRecord(holder == null ? "" : holder.trim(), millis(headers.get(RegistryLayout.LEASE_EXPIRES)),
                finished == null ? Optional.empty() : Optional.of(millis(finished)));
    }

    /** A lease held by {@code holder} until {@code expires}, keeping the time of the last finished run. */
    LeaseRecord heldBy(String newHolder, Instant until) {
        return new LeaseRecord(newHolder, until, finished);
    }

    /** The lease released at {@code now}; {@code completed}: the run went through the whole bucket. */
    LeaseRecord released(Instant now, boolean completed) {
        return new LeaseRecord("", now, completed ? Optional.of(now) : finished);
    }

    /** The object's headers. */
    SwiftHeaders headers() {
        SwiftHeaders headers = SwiftHeaders.of("Content-Type", "application/octet-stream",
                RegistryLayout.LEASE_HOLDER, holder, RegistryLayout.LEASE_EXPIRES,
                Long.toString(expires.toEpochMilli()));
        return finished.map(at -> headers.with(RegistryLayout.LEASE_FINISHED, Long.toString(at.toEpochMilli())))
                .orElse(headers);
    }

    /**
     * Whether a worker may take the lease of a bucket's job at {@code now}: a lease another worker holds and has
     * not let expire is busy (so is a lease this worker holds: one run at a time); a released or expired one is
     * free, and worth taking when no run finished within the last {@code interval}.
     *
     * @param current the lease object's record, or empty when there is none
     */
    static Verdict judge(Optional<LeaseRecord> current, Instant now, Duration interval) {
        if (current.isEmpty()) {
            return Verdict.TAKE;
        }
        LeaseRecord lease = current.get();
        if (!lease.holder.isEmpty() && now.isBefore(lease.expires)) {
            return Verdict.BUSY;
        }
        boolean ranRecently = lease.finished.filter(at -> now.isBefore(at.plus(interval))).isPresent();
        return ranRecently ? Verdict.NOT_DUE : Verdict.TAKE;
    }

    private static Instant millis(String text) {
        if (text == null) {
            return Instant.EPOCH;
        }
        try {
            return Instant.ofEpochMilli(Long.parseLong(text.trim()));
        } catch (NumberFormatException unreadable) {
            return Instant.EPOCH;
        }
    }
}
