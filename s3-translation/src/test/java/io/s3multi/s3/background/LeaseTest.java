package io.s3multi.s3.background;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.s3multi.s3.background.LeaseRecord.Verdict;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** The lease decisions, with a clock the test moves. */
class LeaseTest {

    private static final Duration LEASE = Duration.ofSeconds(60);
    private static final Duration INTERVAL = Duration.ofHours(1);
    private final MutableClock clock = new MutableClock(Instant.parse("2026-12-07T05:00:00Z"));

    private Optional<LeaseRecord> held(String holder, Instant until, Instant finished) {
        return Optional.of(new LeaseRecord(holder, until, Optional.ofNullable(finished)));
    }

    @Test
    void noLeaseYetIsTaken() {
        assertEquals(Verdict.TAKE, LeaseRecord.judge(Optional.empty(), clock.instant(), INTERVAL));
    }

    @Test
    void aLiveLeaseIsBusyUntilItExpiresAndThenTakenOver() {
        Optional<LeaseRecord> other = held("gw-b/1", clock.instant().plus(LEASE), null);
        assertEquals(Verdict.BUSY, LeaseRecord.judge(other, clock.instant(), INTERVAL));
        clock.advance(LEASE.minusMillis(1));
        assertEquals(Verdict.BUSY, LeaseRecord.judge(other, clock.instant(), INTERVAL));
        clock.advance(Duration.ofMillis(1));
        assertEquals(Verdict.TAKE, LeaseRecord.judge(other, clock.instant(), INTERVAL));
    }

    @Test
    void aReleasedLeaseWhoseRunFinishedIsNotDueUntilTheIntervalHasPassed() {
        LeaseRecord released = new LeaseRecord("gw-b/1", clock.instant().plus(LEASE), Optional.empty())
                .released(clock.instant(), true);
        assertEquals(Verdict.NOT_DUE, LeaseRecord.judge(Optional.of(released), clock.instant(), INTERVAL));
        clock.advance(INTERVAL.minusSeconds(1));
        assertEquals(Verdict.NOT_DUE, LeaseRecord.judge(Optional.of(released), clock.instant(), INTERVAL));
        clock.advance(Duration.ofSeconds(1));
        assertEquals(Verdict.TAKE, LeaseRecord.judge(Optional.of(released), clock.instant(), INTERVAL));
    }

    @Test
    void aLeaseReleasedMidRunIsDueAtOnceAndKeepsTheLastFinishedRun() {
        Instant lastRun = clock.instant().minus(INTERVAL.multipliedBy(2));
        LeaseRecord interrupted = new LeaseRecord("gw-b/1", clock.instant().plus(LEASE), Optional.of(lastRun))
                .released(clock.instant(), false);
        assertEquals(Optional.of(lastRun), interrupted.finished());
        assertEquals(Verdict.TAKE, LeaseRecord.judge(Optional.of(interrupted), clock.instant(), INTERVAL));
    }

    @Test
    void aTakenOverLeaseKeepsTheTimeOfTheLastFinishedRun() {
        Instant lastRun = clock.instant().minus(INTERVAL);
        LeaseRecord mine = held("gw-b/1", clock.instant(), lastRun).get().heldBy("gw-a/2", clock.instant()
                .plus(LEASE));
        LeaseRecord readBack = LeaseRecord.of(mine.headers());
        assertEquals(mine, readBack);
        assertEquals("gw-a/2", readBack.holder());
    }

    @Test
    void anUnreadableLeaseCountsAsExpired() {
        LeaseRecord garbled = LeaseRecord.of(io.s3multi.swift.SwiftHeaders.of(
                "X-Object-Meta-Lease-Holder", "gw-b/1", "X-Object-Meta-Lease-Expires", "soon"));
        assertEquals(Instant.EPOCH, garbled.expires());
        assertEquals(Verdict.TAKE, LeaseRecord.judge(Optional.of(garbled), clock.instant(), INTERVAL));
    }

    @Test
    void theHolderStopsAQuarterLeaseBeforeTheConfirmedExpiryUnlessRenewed() {
        Lease lease = new Lease("b", "job", new LeaseRecord("me", clock.instant().plus(LEASE), Optional.empty()),
                clock, LEASE.dividedBy(4));
        assertTrue(lease.stillHeld());
        clock.advance(Duration.ofSeconds(44));
        assertTrue(lease.stillHeld());
        clock.advance(Duration.ofSeconds(1));
        assertFalse(lease.stillHeld(), "15 s before expiry, without a renewal");
        lease.renewed(new LeaseRecord("me", clock.instant().plus(LEASE), Optional.empty()));
        assertTrue(lease.stillHeld());
        lease.lose();
        assertFalse(lease.stillHeld(), "another worker holds it now");
    }

    @Test
    void theSettleWaitIsATenthOfTheLeaseWithinBounds() {
        assertEquals(Duration.ofSeconds(1), Leases.settle(Duration.ofSeconds(60)));
        assertEquals(Duration.ofMillis(300), Leases.settle(Duration.ofSeconds(3)));
        assertEquals(Duration.ofMillis(50), Leases.settle(Duration.ofMillis(100)));
    }
}
