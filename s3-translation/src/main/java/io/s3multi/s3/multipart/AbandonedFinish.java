package io.s3multi.s3.multipart;

import io.s3multi.s3.contract.ReservedMetadata;
import io.s3multi.s3.contract.SegmentsLayout;
import io.s3multi.s3.contract.UploadId;
import io.s3multi.s3.contract.UploadInfo;
import io.s3multi.s3.operation.S3Failures;
import io.s3multi.swift.SwiftAccount;
import io.s3multi.swift.SwiftHeaders;
import io.s3multi.swift.error.SwiftException;
import java.time.Clock;
import java.time.Duration;
import java.util.HashSet;
import java.util.Optional;
import java.util.Set;

/**
 * Finishes an upload whose Complete or Abort died while holding its {@link Claim}: the marker still shows the
 * upload open, and the claim has not been refreshed for a long time (the orphan sweeper asks only after its grace
 * period). It works as a Complete or Abort would, under the upload's lock (the stale claim is taken over; a live
 * finisher that took it over first makes this give up), so that it races with a retried Complete or Abort exactly
 * as those race with each other ({@link CompletionHandler}):
 * <ul>
 *   <li>a manifest names the upload's segments (the one at the key, or a version's that the caller found): the
 *       Complete wrote its object and died before its clean-up. The marker is marked finished, every part attempt
 *       and sub-manifest no manifest names is deleted, then the marker, as the Complete's clean-up would have;</li>
 *   <li>no manifest, and the dead claim was an Abort's: the Abort's protocol ({@link UploadAbort#abortOpen}: the
 *       marker marked aborted, a look at the key, where a Complete's manifest keeps the parts, then the parts and
 *       sub-manifests, the trace, the marker);</li>
 *   <li>no manifest, and the dead claim was a Complete's: the upload stays open (its client may complete it again,
 *       or abort it); only the claim goes.</li>
 * </ul>
 * The claim is released (deleted) in every case.
 */
public final class AbandonedFinish {

    /** What {@link #finish} found and did. */
    public enum Outcome {
        /** A live Complete or Abort holds the upload: nothing done. */
        BUSY,
        /** The marker is no longer open: nothing done (a Complete or Abort finished meanwhile). */
        NOT_OPEN,
        /** The dead Complete's clean-up was finished: unnamed attempts and the marker deleted. */
        COMPLETED,
        /** The dead Abort was finished: marker, parts and sub-manifests deleted. */
        ABORTED,
        /** The Abort's look at the key found this upload's manifest (a Complete raced it): parts kept. */
        COMPLETED_MEANWHILE,
        /** Only the expired claim went: the upload stays open. */
        LEFT_OPEN
    }

    private final FinishLocks locks;

    /** @param claimTimeout the claim timeout of the gateways ({@code filter.s3multi.claim_timeout}) */
    public AbandonedFinish(Duration claimTimeout) {
        this.locks = new FinishLocks(claimTimeout);
    }

    /** Whether the upload's claim says an Abort holds it (else a Complete); empty when there is no claim. */
    public static Optional<Boolean> claimedToAbort(SwiftAccount swift, String bucket, UploadId uploadId)
            throws SwiftException {
        return S3Failures.unlessNotFound(() -> swift.objects().head(SegmentsLayout.container(bucket),
                SegmentsLayout.claim(uploadId), SwiftHeaders.empty()))
                .map(claim -> Claim.Purpose.ABORTING.name().equals(claim.header(ReservedMetadata.CLAIM_STATE)));
    }

    /**
     * @param aborting whether the dead claim was an Abort's ({@code ABORTING})
     * @param named    the upload's segments that some version's manifest names (found by the caller)
     */
    public Outcome finish(SwiftAccount swift, String bucket, String key, UploadId uploadId, boolean aborting,
            Set<String> named, Clock clock) throws SwiftException {
        UploadState state = new UploadState(swift, bucket);
        Optional<FinishLocks.Held> held = locks.tryLock(swift, state, uploadId,
                aborting ? Claim.Purpose.ABORTING : Claim.Purpose.COMPLETING, clock);
        if (held.isEmpty()) {
            return Outcome.BUSY;
        }
        try {
            if (!state.isOpen(key, uploadId)) {
                return Outcome.NOT_OPEN;
            }
            Set<String> keep = new HashSet<>(named);
            keep.addAll(LateAttempt.segmentsNamedAt(swift, state.container(), uploadId, bucket, key));
            String marker = SegmentsLayout.marker(key, uploadId);
            if (!keep.isEmpty()) {
                S3Failures.ignoringNotFound(() -> swift.objects().post(state.container(), marker,
                        UploadInfo.finishedMarkerHeaders()));
                boolean unnamedGone = state.deleteOtherThan(SegmentsLayout.partsPrefix(uploadId), keep)
                        & state.deleteOtherThan(SegmentsLayout.manifestsPrefix(uploadId), keep);
                if (unnamedGone) {
                    state.deleteQuietly(marker);
                }
                return Outcome.COMPLETED;
            }
            if (!aborting) {
                return Outcome.LEFT_OPEN;
            }
            if (!UploadAbort.abortOpen(swift, state, bucket, key, uploadId)) {
                return Outcome.COMPLETED_MEANWHILE;
            }
            return Outcome.ABORTED;
        } finally {
            held.get().release();
        }
    }
}
