package io.s3multi.s3.multipart;

import io.s3multi.s3.contract.SegmentsLayout;
import io.s3multi.s3.contract.UploadId;
import io.s3multi.s3.contract.UploadInfo;
import io.s3multi.s3.error.S3Exception;
import io.s3multi.s3.operation.S3Failures;
import io.s3multi.swift.SwiftAccount;
import io.s3multi.swift.error.SwiftException;
import java.time.Clock;
import java.time.Duration;
import java.util.Objects;

/**
 * Aborting one upload: its marker, every part and sub-manifest, under the upload's {@link FinishLocks} (so a
 * Complete or another Abort at work, here or on another gateway, is waited for). AbortMultipartUpload uses it with
 * the locks it shares with Complete; work without a request (the admin tool, lifecycle's
 * AbortIncompleteMultipartUpload) uses it too, so every abort honours the same claim and the same race rules
 * ({@link CompletionHandler} explains them).
 */
public final class UploadAbort {

    /** How long an Abort waits for another finisher: its answer has no body to keep the connection alive with. */
    private static final Duration PATIENCE = Duration.ofSeconds(20);

    private final FinishLocks locks;

    UploadAbort(FinishLocks locks) {
        this.locks = Objects.requireNonNull(locks, "locks");
    }

    /**
     * An abort with locks of its own, for a process that finishes no upload otherwise (the admin tool): only the
     * {@link Claim} in Swift keeps it apart from the gateways, as it keeps gateways apart, when
     * {@code claimTimeout} is theirs ({@code filter.s3multi.claim_timeout}).
     */
    public static UploadAbort withOwnLocks(Duration claimTimeout) {
        return new UploadAbort(new FinishLocks(claimTimeout));
    }

    /**
     * Aborts the upload {@code uploadId} of {@code key} in {@code bucket} of the account {@code swift} reaches. An
     * upload whose marker says an earlier abort began and did not end (its gateway died, or Swift failed it) is
     * aborted again, to the end.
     *
     * @throws S3Exception NoSuchUpload when the upload is unknown or finished, another request kept it longer than
     *                     the patience allows, or a Complete finished it meanwhile (its parts are then its own)
     */
    public void abort(SwiftAccount swift, String bucket, String key, UploadId uploadId, Clock clock)
            throws SwiftException {
        UploadState state = new UploadState(swift, bucket);
        if (!abortable(state, key, uploadId)) {
            state.requireUpload(key, uploadId);   // NoSuchUpload, or the error of a missing bucket
        }
        FinishLocks.Held held = locks.lock(swift, state, uploadId, Claim.Purpose.ABORTING, clock, PATIENCE)
                .orElseThrow(() -> S3Exception.noSuchUpload(uploadId.value())
                        .withReason("another request is finishing it"));
        try {
            if (!abortable(state, key, uploadId)) {
                // Finished while we waited: its parts are not ours to touch.
                throw S3Exception.noSuchUpload(uploadId.value());
            }
            if (!abortOpen(swift, state, bucket, key, uploadId)) {
                throw S3Exception.noSuchUpload(uploadId.value()).withReason("completed meanwhile");
            }
            // The state of processing steps, if the upload was kept after a step rejected it.
            state.deleteQuietly(SegmentsLayout.processing(uploadId));
        } finally {
            held.release();
        }
    }

    private static boolean abortable(UploadState state, String key, UploadId uploadId) throws SwiftException {
        UploadState.MarkerState marker = state.markerState(key, uploadId);
        return marker == UploadState.MarkerState.OPEN || marker == UploadState.MarkerState.ABORTED;
    }

    /**
     * The abort itself, by a holder of the upload's lock that found it open; every path that aborts an upload comes
     * here (AbortMultipartUpload, tus termination, lifecycle and the admin tool through {@link #abort}, a processing
     * step's rejection, the sweeper's {@link AbandonedFinish}). The order is the protocol
     * {@link CompletionHandler}'s class comment argues for:
     * <ol>
     *   <li>the marker marked aborted (a POST: a Complete that wrote its manifest from now on rolls back, a part
     *       stored from now on deletes itself, listings no longer show the upload);</li>
     *   <li>a look at the key: if it shows this upload's manifest, a Complete wrote it, and the parts are its own,
     *       kept for its object or deleted by its roll-back. The marker is marked finished again, as that
     *       Complete's clean-up marks it (a POST never brings back a marker the Complete deleted meanwhile), and
     *       the abort deletes nothing;</li>
     *   <li>otherwise the parts and sub-manifests, then the {@link AbortTrace}, then the marker: a Complete that
     *       finds the marker gone finds the trace.</li>
     * </ol>
     * Every step reads or writes an object by name; none depends on a container listing being up to date (the parts
     * are found by one, but a part stored after the marking deletes itself).
     *
     * @return false when the key shows this upload's manifest: a Complete (of another gateway) wrote it, and the
     *         parts are its own; nothing was deleted
     */
    static boolean abortOpen(SwiftAccount swift, UploadState state, String bucket, String key, UploadId uploadId)
            throws SwiftException {
        String marker = SegmentsLayout.marker(key, uploadId);
        S3Failures.ignoringNotFound(() -> swift.objects().post(state.container(), marker,
                UploadInfo.abortedMarkerHeaders()));
        if (CompletedObject.uploadOf(swift, bucket, key).filter(uploadId::equals).isPresent()) {
            S3Failures.ignoringNotFound(() -> swift.objects().post(state.container(), marker,
                    UploadInfo.finishedMarkerHeaders()));
            return false;
        }
        state.deletePrefix(SegmentsLayout.partsPrefix(uploadId));
        state.deletePrefix(SegmentsLayout.manifestsPrefix(uploadId));
        AbortTrace.leave(swift, state, uploadId);
        state.deleteQuietly(marker);
        return true;
    }
}
