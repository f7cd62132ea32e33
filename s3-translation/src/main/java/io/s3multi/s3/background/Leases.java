package io.s3multi.s3.background;

import io.s3multi.swift.error.SwiftException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Taking, renewing and giving back the leases of one worker ({@link LeaseRecord} in {@link WorkRecords}).
 *
 * <p><b>Without compare-and-set.</b> Swift has none: {@code If-None-Match: *} is checked before the body arrives,
 * so two overlapping PUTs of a new lease can both succeed, and an expired lease is simply overwritten. A worker
 * therefore never trusts its own write: after writing it waits a moment ({@code settle}, a tenth of the lease, at
 * most a second) for any overlapping write to land, reads the lease back, and holds it only if the lease names it.
 * Of two overlapping writers, Swift keeps the later one's object for every reader, so at most one of them sees its
 * own id. The one case left, a writer whose read of the expired lease and write of its own are more than
 * {@code settle} apart (a stalled gateway), is caught at the next renewal: every renewal reads the lease first, and a
 * worker that finds another id there stops ({@link Lease#lose()}).
 *
 * <p><b>Expiry.</b> A holder renews every third of the lease, and stops working a quarter of the lease before its
 * confirmed expiry if renewals fail ({@link Lease#stillHeld()}). A holder that dies stops renewing; once the expiry
 * has passed, any worker takes the lease over. Times are the holders' clocks: the gateways' clocks must agree to
 * well within a quarter of the lease.
 */
final class Leases {

    private static final Logger LOG = LoggerFactory.getLogger(Leases.class);
    private static final Duration LONGEST_SETTLE = Duration.ofSeconds(1);
    private static final Duration SHORTEST_SETTLE = Duration.ofMillis(50);

    private final WorkRecords records;
    private final String holder;
    private final Duration duration;
    private final Duration interval;
    private final Clock clock;
    private final SharePacer pacer;

    /**
     * @param holder   this worker's id, written into its leases
     * @param duration how long a lease lasts without renewal
     * @param interval how long after a finished run the same bucket's job is due again
     * @param pacer    charged for every Swift request (waits only before taking a lease)
     */
    Leases(WorkRecords records, String holder, Duration duration, Duration interval, Clock clock,
            SharePacer pacer) {
        this.records = records;
        this.holder = holder;
        this.duration = duration;
        this.interval = interval;
        this.clock = clock;
        this.pacer = pacer;
    }

    /** How often a holder renews. */
    Duration renewal() {
        return duration.dividedBy(3);
    }

    /** How long before its expiry a holder stops working. */
    Duration margin() {
        return duration.dividedBy(4);
    }

    static Duration settle(Duration lease) {
        Duration tenth = lease.dividedBy(10);
        return tenth.compareTo(LONGEST_SETTLE) > 0 ? LONGEST_SETTLE
                : tenth.compareTo(SHORTEST_SETTLE) < 0 ? SHORTEST_SETTLE : tenth;
    }

    /** The lease of {@code job} on {@code bucket}, when it is free and due and this worker won it. */
    Optional<Lease> tryAcquire(String bucket, String job) throws SwiftException, InterruptedException {
        pacer.awaitTurn();
        Optional<LeaseRecord> current = records.lease(bucket, job);
        if (LeaseRecord.judge(current, clock.instant(), interval) != LeaseRecord.Verdict.TAKE) {
            return Optional.empty();
        }
        current.filter(lease -> !lease.holder().isEmpty()).ifPresent(expired -> LOG.info("taking over the lease"
                + " {}/{} of {}: it expired at {}", bucket, job, expired.holder(), expired.expires()));
        LeaseRecord mine = current.orElse(new LeaseRecord("", Instant.EPOCH, Optional.empty()))
                .heldBy(holder, clock.instant().plus(duration));
        pacer.charge();
        if (!records.writeLease(bucket, job, mine, current.isEmpty())) {
            return Optional.empty();
        }
        Thread.sleep(settle(duration).toMillis());
        return confirmed(bucket, job, mine).map(record -> new Lease(bucket, job, record, clock, margin()));
    }

    /** Extends a held lease, after checking that it is still this worker's; marks it lost otherwise. */
    void renew(Lease lease) {
        if (lease.isLost()) {
            return;
        }
        try {
            pacer.charge();
            Optional<LeaseRecord> current = records.lease(lease.bucket(), lease.job());
            if (current.isEmpty() || !holder.equals(current.get().holder())) {
                LOG.warn("lost the lease {}: {}", lease, current.map(other -> "now held by " + other.holder())
                        .orElse("it was deleted"));
                lease.lose();
                return;
            }
            LeaseRecord extended = current.get().heldBy(holder, clock.instant().plus(duration));
            pacer.charge();
            if (records.writeLease(lease.bucket(), lease.job(), extended, false)) {
                lease.renewed(extended);
            } else {
                lease.lose();
            }
        } catch (SwiftException e) {
            LOG.warn("could not renew the lease {} (trying again): {}", lease, e.toString());
        }
    }

    /**
     * Gives the lease back (unless it was lost), recording a run that went through the whole bucket so that no
     * gateway runs the job there again within the interval. Never throws: a lease not given back expires.
     */
    void release(Lease lease, boolean completed) {
        if (lease.isLost()) {
            return;
        }
        try {
            pacer.charge();
            records.writeLease(lease.bucket(), lease.job(), lease.record().released(clock.instant(), completed),
                    false);
        } catch (SwiftException e) {
            LOG.warn("could not give the lease {} back (it expires): {}", lease, e.toString());
        }
    }

    private Optional<LeaseRecord> confirmed(String bucket, String job, LeaseRecord written) throws SwiftException {
        pacer.charge();
        Optional<LeaseRecord> readBack = records.lease(bucket, job);
        if (readBack.isPresent() && holder.equals(readBack.get().holder())) {
            return Optional.of(written);
        }
        LOG.debug("the lease {}/{} went to {}", bucket, job, readBack.map(LeaseRecord::holder).orElse("nobody"));
        return Optional.empty();
    }
}
