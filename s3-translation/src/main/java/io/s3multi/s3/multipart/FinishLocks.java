package io.s3multi.s3.multipart;

import io.s3multi.s3.contract.UploadId;
import io.s3multi.swift.SwiftAccount;
import io.s3multi.swift.error.SwiftException;
import java.time.Clock;
import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * Who may finish an upload now: at most one Complete or Abort per upload works at a time (and, with the
 * {@code PATCHING} claim, who may write a tus upload's next parts: {@code io.s3multi.s3.tus.PatchLocks}). Two
 * locks, taken in this order and released together:
 * <ol>
 *   <li>an entry in this gateway's own map of uploads being finished: exact, because it is one
 *       {@link ConcurrentHashMap} of one process, and cheap to wait for (the waiter wakes when the holder
 *       releases);</li>
 *   <li>the upload's {@link Claim} in Swift, for other gateways in front of the same Swift: not exact (Swift has
 *       no compare-and-set), and taken over when its holder stopped refreshing it.</li>
 * </ol>
 * One instance serves a whole gateway: the s3multi stage's {@link CompletionHandler} and tus's share it (the
 * pipeline hands it to both), so a tus completion and an S3 Complete or Abort of one upload are ordered exactly
 * within the gateway; a tus PATCH lock ({@code PatchLocks}) and a process without requests (the admin tool, the
 * sweeper) have instances of their own. The lock is released by whoever ends
 * the work, which may be another thread than the one that locked (the Complete's work runs while its answer is
 * written): {@link Held#release()} may be called from any thread, and more than once.
 */
public final class FinishLocks {

    /** The first pause before looking at a claim held elsewhere again; it doubles up to the refresh interval. */
    private static final Duration FIRST_FOREIGN_POLL = Duration.ofMillis(100);

    private final ConcurrentHashMap<String, CompletableFuture<Void>> finishing = new ConcurrentHashMap<>();
    private final Duration claimTimeout;

    public FinishLocks(Duration claimTimeout) {
        this.claimTimeout = claimTimeout;
    }

    /** Both locks, or empty at once when another request holds either. */
    Optional<Held> tryLock(SwiftAccount swift, UploadState upload, UploadId uploadId, Claim.Purpose purpose,
            Clock clock) throws SwiftException {
        String key = key(upload, uploadId);
        CompletableFuture<Void> released = new CompletableFuture<>();
        if (finishing.putIfAbsent(key, released) != null) {
            return Optional.empty();
        }
        Optional<Claim> claim;
        try {
            claim = Claim.tryAcquire(swift, upload, uploadId, purpose, claimTimeout, clock);
        } catch (SwiftException | RuntimeException e) {
            unlock(key, released);
            throw e;
        }
        if (claim.isEmpty()) {
            unlock(key, released);
            return Optional.empty();
        }
        return Optional.of(new Held(key, released, claim.get()));
    }

    /**
     * Both locks, waiting up to {@code patience} for the holder to release them (or, in another gateway, for
     * its claim to go stale: looked at again after 0.1 s, then twice as long each time, up to the claim's refresh
     * interval); empty when the patience ran out or the thread was interrupted.
     */
    public Optional<Held> lock(SwiftAccount swift, UploadState upload, UploadId uploadId, Claim.Purpose purpose,
            Clock clock, Duration patience) throws SwiftException {
        long deadline = System.nanoTime() + patience.toNanos();
        Duration poll = FIRST_FOREIGN_POLL;
        Duration longestPoll = Claim.refreshInterval(claimTimeout);
        while (true) {
            Optional<Held> held = tryLock(swift, upload, uploadId, purpose, clock);
            if (held.isPresent()) {
                return held;
            }
            long left = deadline - System.nanoTime();
            if (left <= 0 || !awaitTurn(key(upload, uploadId), Math.min(left, poll.toNanos()), left)) {
                return Optional.empty();
            }
            // Backing off: a claim held elsewhere changes at most once a refresh interval, or goes stale.
            poll = poll.multipliedBy(2).compareTo(longestPoll) > 0 ? longestPoll : poll.multipliedBy(2);
        }
    }

    /** Whether a request of this gateway is finishing the upload now (for tests and logs). */
    boolean isFinishingHere(UploadState upload, UploadId uploadId) {
        return finishing.containsKey(key(upload, uploadId));
    }

    /**
     * Waits for the local holder's release (at most {@code maxNanos}), or {@code pollNanos} for a holder elsewhere;
     * false if interrupted.
     */
    private boolean awaitTurn(String key, long pollNanos, long maxNanos) {
        CompletableFuture<Void> local = finishing.get(key);
        try {
            if (local != null) {
                local.get(maxNanos, TimeUnit.NANOSECONDS);
            } else {
                Thread.sleep(TimeUnit.NANOSECONDS.toMillis(pollNanos) + 1);
            }
            return true;
        } catch (TimeoutException | ExecutionException e) {
            return true;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }

    private void unlock(String key, CompletableFuture<Void> released) {
        finishing.remove(key, released);
        released.complete(null);
    }

    private static String key(UploadState upload, UploadId uploadId) {
        return upload.container() + "/" + uploadId.value();
    }

    /** Both locks of one upload, held by one request until {@link #release()}. */
    public final class Held {

        private final String key;
        private final CompletableFuture<Void> released;
        private final Claim claim;
        private final AtomicBoolean done = new AtomicBoolean();

        private Held(String key, CompletableFuture<Void> released, Claim claim) {
            this.key = key;
            this.released = released;
            this.claim = claim;
        }

        /** The claim in Swift first, then the local entry, whose release wakes the local waiters. Idempotent. */
        public void release() {
            if (done.compareAndSet(false, true)) {
                try {
                    claim.release();
                } finally {
                    unlock(key, released);
                }
            }
        }
    }
}
