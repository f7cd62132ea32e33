package io.s3multi.s3.multipart;

import io.s3multi.s3.contract.ReservedMetadata;
import io.s3multi.s3.contract.SegmentsLayout;
import io.s3multi.s3.contract.UploadId;
import io.s3multi.s3.operation.S3Failures;
import io.s3multi.swift.SwiftAccount;
import io.s3multi.swift.SwiftHeaders;
import io.s3multi.swift.SwiftReply;
import io.s3multi.swift.error.SwiftException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The object {@code claims/<upload id>} in {@code <bucket>_segments}: the mark, seen by every gateway in front of
 * the same Swift, that one request is finishing the upload (a Complete or an Abort); or, named
 * {@code parts/<upload id>/patching}, that one tus PATCH is writing its next parts ({@link Purpose#PATCHING}). Whoever wants to finish an
 * upload first creates it with {@code If-None-Match: *}; whoever finds it held waits.
 *
 * <p><b>What it cannot promise.</b> Swift has no compare-and-set: the object servers check {@code If-None-Match}
 * before the body arrives, so two overlapping PUTs can both get 201. A claim therefore keeps the finishing requests
 * of different gateways apart in the usual case, and nothing relies on it for safety: inside one gateway
 * {@link FinishLocks} is exact, and across gateways Complete and Abort look for each other's traces afterwards
 * ({@link CompletionHandler}), so that two winners never leave a corrupt object nor an orphan.
 *
 * <p><b>Expiry.</b> A gateway may die holding a claim. The holder therefore refreshes it while it works (a POST of
 * the time, every quarter of the claim timeout, 2 s by default), and a claim not refreshed for the claim timeout
 * (8 s by default: four refreshes missed in a row, so one lost POST or a slow Swift is not taken for death) is
 * stale: the next Complete or Abort deletes it and claims afresh, so a Complete retried after its gateway died
 * waits seconds, not minutes. Waiters look again with backoff ({@link FinishLocks}). The times are the holders'
 * clocks (a claim without one counts from its {@code Last-Modified}), so the gateways' clocks must agree to well
 * within the timeout, and all gateways in front of one Swift should share the setting. A random token
 * lets a holder notice that its claim was taken over (it was thought dead): it then stops refreshing and leaves
 * the new holder's claim alone when it releases.
 *
 * <p>The winner keeps the claim until the marker is gone or marked finished, and whoever wins a claim checks the
 * marker again afterwards: so a request that wins a claim released by a finished Complete or Abort sees the upload
 * finished and never touches the parts of a completed object.
 */
public final class Claim {

    /** What the holder does; it names the claim's object as well. */
    public enum Purpose {
        COMPLETING, ABORTING,
        /** A tus PATCH writing the next parts: {@link SegmentsLayout#patchClaim}, apart from Complete's claim. */
        PATCHING;

        String objectName(UploadId uploadId) {
            return this == PATCHING ? SegmentsLayout.patchClaim(uploadId) : SegmentsLayout.claim(uploadId);
        }
    }


    private static final Logger LOG = LoggerFactory.getLogger(Claim.class);
    private static final Duration SHORTEST_REFRESH = Duration.ofMillis(50);
    /** How many refreshes in a row a holder must miss before its claim is stale: one lost POST is not death. */
    static final int MISSED_REFRESHES = 4;
    private static final ScheduledExecutorService REFRESHES = Executors.newScheduledThreadPool(2, r -> {
        Thread thread = new Thread(r, "s3multi-claim-refresh");
        thread.setDaemon(true);
        return thread;
    });

    private final SwiftAccount swift;
    private final UploadState upload;
    private final String name;
    private final Purpose purpose;
    private final Clock clock;
    private final String token = UUID.randomUUID().toString();
    private final AtomicBoolean released = new AtomicBoolean();
    private volatile boolean lost;
    private volatile ScheduledFuture<?> refreshing;

    private Claim(SwiftAccount swift, UploadState upload, UploadId uploadId, Purpose purpose, Clock clock) {
        this.swift = swift;
        this.upload = upload;
        this.name = purpose.objectName(uploadId);
        this.purpose = purpose;
        this.clock = clock;
    }

    /**
     * Claims the upload, taking over a claim not refreshed for {@code timeout}; empty when a live request holds
     * it. The claim returned is kept fresh until {@link #release()}.
     */
    static Optional<Claim> tryAcquire(SwiftAccount swift, UploadState upload, UploadId uploadId, Purpose purpose,
            Duration timeout, Clock clock) throws SwiftException {
        Claim claim = new Claim(swift, upload, uploadId, purpose, clock);
        if (!claim.create()) {
            Optional<Instant> refreshed = claim.lastRefreshOfHolder();
            boolean stale = refreshed.isPresent()
                    && Duration.between(refreshed.get(), clock.instant()).compareTo(timeout) >= 0;
            if (refreshed.isPresent() && !stale) {
                return Optional.empty();
            }
            if (stale) {
                LOG.warn("taking over the claim {}/{}, last refreshed {}: its holder is gone",
                        upload.container(), claim.name, refreshed.get());
                upload.deleteQuietly(claim.name);
            }
            // Released (or deleted as stale) since our PUT: one more try, no loop.
            if (!claim.create()) {
                return Optional.empty();
            }
        }
        Duration period = refreshInterval(timeout);
        claim.refreshing = REFRESHES.scheduleWithFixedDelay(claim::refresh, period.toMillis(), period.toMillis(),
                TimeUnit.MILLISECONDS);
        return Optional.of(claim);
    }

    /** How often a holder refreshes its claim: a claim is stale after {@link #MISSED_REFRESHES} missed refreshes. */
    static Duration refreshInterval(Duration timeout) {
        Duration period = timeout.dividedBy(MISSED_REFRESHES);
        return period.compareTo(SHORTEST_REFRESH) < 0 ? SHORTEST_REFRESH : period;
    }

    /** Stops refreshing and deletes the claim, unless it was taken over. Never throws: a leftover claim expires. */
    void release() {
        if (!released.compareAndSet(false, true)) {
            return;
        }
        ScheduledFuture<?> task = refreshing;
        if (task != null) {
            task.cancel(false);
        }
        if (lost) {
            return;
        }
        try {
            upload.deleteQuietly(name);
        } catch (SwiftException e) {
            LOG.warn("could not release the claim {}/{} (it expires): {}", upload.container(), name, e.toString());
        }
    }

    private boolean create() throws SwiftException {
        // 412: another claim is there already.
        return S3Failures.unlessStatus(412, () -> swift.objects().put(upload.container(), name, new byte[0],
                headers().with("If-None-Match", "*"))).isPresent();
    }

    /** Whether the refresher found another holder's token on the claim (it then stops refreshing). */
    boolean isLost() {
        return lost;
    }

    private SwiftHeaders headers() {
        return SwiftHeaders.of("Content-Type", SegmentsLayout.CLAIM_CONTENT_TYPE,
                ReservedMetadata.CLAIM_STATE, purpose.name(), ReservedMetadata.CLAIM_TOKEN, token,
                ReservedMetadata.CLAIM_REFRESHED, Long.toString(clock.millis()));
    }

    /** When the current holder last refreshed its claim; empty when there is no claim. */
    private Optional<Instant> lastRefreshOfHolder() throws SwiftException {
        return S3Failures.unlessNotFound(() -> swift.objects().head(upload.container(), name, SwiftHeaders.empty()))
                .map(Claim::refreshedAt);
    }

    /** The holder's last refresh as the claim records it; a claim without one counts from its Last-Modified. */
    static Instant refreshedAt(SwiftReply claim) {
        String millis = claim.header(ReservedMetadata.CLAIM_REFRESHED);
        if (millis != null) {
            try {
                return Instant.ofEpochMilli(Long.parseLong(millis.trim()));
            } catch (NumberFormatException e) {
                return Instant.EPOCH;
            }
        }
        Instant modified = PartHandler.lastModified(claim);
        return modified == null ? Instant.EPOCH : modified;
    }

    private void refresh() {
        if (released.get() || lost) {
            return;
        }
        try {
            SwiftReply held = swift.objects().head(upload.container(), name, SwiftHeaders.empty());
            if (!token.equals(held.header(ReservedMetadata.CLAIM_TOKEN))) {
                loseClaim("another request took it over", true);
                return;
            }
            swift.objects().post(upload.container(), name, headers());
        } catch (SwiftException e) {
            if (S3Failures.isStatus(e, 404)) {
                if (!released.get()) {
                    // A PATCH that stored an upload's last byte sees its completion delete the parts, its claim too.
                    loseClaim("it was deleted", purpose != Purpose.PATCHING);
                }
            } else {
                LOG.warn("could not refresh the claim {}/{} (trying again): {}", upload.container(), name,
                        e.toString());
            }
        }
    }

    private void loseClaim(String why, boolean unexpected) {
        lost = true;
        ScheduledFuture<?> task = refreshing;
        if (task != null) {
            task.cancel(false);
        }
        if (unexpected) {
            LOG.warn("lost the claim {}/{} while working: {}", upload.container(), name, why);
        } else {
            LOG.debug("lost the claim {}/{} while working: {}", upload.container(), name, why);
        }
    }
}
