package io.s3multi.s3.multipart;

import io.s3multi.s3.contract.ObjectLockState;
import io.s3multi.s3.contract.SegmentsLayout;
import io.s3multi.s3.contract.StoredPart;
import io.s3multi.s3.contract.UploadId;
import io.s3multi.s3.contract.UploadInfo;
import io.s3multi.s3.error.S3Exception;
import io.s3multi.s3.lock.NewVersionLock;
import io.s3multi.s3.operation.S3Call;
import io.s3multi.s3.operation.S3Failures;
import io.s3multi.s3.operation.S3Response;
import io.s3multi.s3.operation.WriteConditions;
import io.s3multi.s3.processing.ProcessedUpload;
import io.s3multi.s3.processing.ProcessingSteps;
import io.s3multi.s3.processing.ProcessingVerdict;
import io.s3multi.s3.xml.S3Xml;
import io.s3multi.s3.xml.documents.CompleteMultipartUpload;
import io.s3multi.s3.xml.documents.CompleteMultipartUploadResult;
import io.s3multi.swift.SwiftHeaders;
import io.s3multi.swift.error.SwiftException;
import io.s3multi.swift.error.SwiftHttpStatusException;
import java.time.Duration;
import java.time.Instant;
import java.util.HashSet;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.function.IntSupplier;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The operations that finish an upload: CompleteMultipartUpload and AbortMultipartUpload.
 *
 * <p><b>One finisher at a time.</b> Both first take the upload's {@link FinishLocks}: exact between the requests
 * of this gateway (a repeated Complete waits for the first and answers as a retry would, the same result; an Abort
 * waits for a Complete in progress and then finds the upload gone: NoSuchUpload, as AWS answers for a completed
 * upload), and a {@link Claim} in Swift that keeps gateways apart in the usual case but cannot be exact.
 *
 * <p><b>Two finishers anyway (several gateways).</b> Should two of them both win the claim, each looks at the
 * other's step after its own decisive step, so the worst outcome is that neither wins, never a corrupt object nor
 * an orphan. Every look reads one object by name (a HEAD with {@code X-Newest}, {@link SwiftHeaders#newest}), never a
 * container listing, which lags behind writes while a container server is busy:
 * <ul>
 *   <li>Every abort ({@link UploadAbort#abortOpen}: AbortMultipartUpload, tus termination, lifecycle, the admin
 *       tool, a processing step's delete verdict, the sweeper) first marks the marker aborted (a POST), then looks
 *       at the object at the key. If it carries this upload id, a Complete has written its manifest: the abort
 *       marks the marker finished again and leaves the parts to it. Otherwise it deletes the parts, writes its
 *       {@link AbortTrace} ({@code aborts/<upload id>}, one name per upload) and deletes the marker.</li>
 *   <li>Complete writes its manifest first, then looks at the marker. Open: it cleans up. Marked aborted, or
 *       finished or gone with the abort's trace there: it rolls back (its own trace first, then its manifest, its
 *       parts and sub-manifests, what the object it replaced kept, the marker) and answers NoSuchUpload. Finished
 *       or gone without a trace: another Complete finished the upload (only an abort or a Complete's clean-up
 *       closes the marker, and an abort that deletes parts leaves the trace before the marker goes), so it deletes
 *       nothing and answers what the key shows, as a retry would. A manifest refused by Swift (another finisher
 *       deleted a segment it names) is followed by the same look.</li>
 * </ul>
 * Why that is enough against an abort: the abort deletes parts only when its look at the key (after its marking)
 * did not see Complete's manifest, so that manifest was written after the marking, and Complete's look at the
 * marker, later still, finds it aborted, or gone and then the trace, written before the marker went and never
 * withdrawn: Complete rolls back, and no manifest survives that names deleted parts. When the abort leaves the
 * parts, it saw the manifest: either Complete saw the marker open (the object is whole and keeps its parts), or it
 * finds the marker aborted and rolls back: nothing is corrupt nor orphaned either way. This assumes what Swift
 * gives a HEAD with {@code X-Newest} of one object's name: the newest write that reached a replica before it
 * (overwrite, POST, DELETE), as long as one replica that took that write answers; listings give no such promise.
 *
 * <p>Why that is enough against another Complete: the first to see the marker open cleans up; the other sees it
 * finished or gone, finds no trace and deletes nothing, so the object the first answered for stays whole as long as
 * the second chose the same part attempts (the same part list, no attempt stored in between). A trace the previous
 * release left ({@code aborts/<upload id>/<token>}, beside a marker still open when that abort's DELETE and
 * withdrawal both failed) is never read, so it cannot make such a Complete roll back. <b>What remains:</b> two
 * Completes of one upload that both win the claim and choose different attempts (different part lists, or a newer
 * attempt with the same ETag stored between the two looks): if the second's manifest lands after the first's
 * clean-up listed the attempts to delete, the key names a deleted segment; and both write the same sub-manifest
 * names. Three finishers that all win can still lose an object answered for: a Complete answered, an abort marks the
 * marker aborted before that Complete's clean-up deleted it, and a second Complete looks in the moment before the
 * abort, having found the object, marks it finished again (it rolls back); or a Complete that saw the marker
 * aborted is rolling back and a second one looks before the first's trace is written (it keeps an object the
 * first then deletes). Each needs Swift to let three claims through at once.
 *
 * <p>Complete checks everything it can before its answer starts (body, parts, sizes, ETags, checksums,
 * preconditions), so those errors carry their real status; the manifest is written while the answer is being
 * sent ({@link HeartbeatBody}).
 *
 * <p>Clean-up after a Complete, in this order, so that nothing is orphaned by normal operation: mark the marker
 * finished (later part attempts now fail and delete their own segment, unless the manifest names it; listings no
 * longer show the upload), then release the claim; delete every part attempt not chosen, listed afresh so an
 * attempt stored meanwhile goes too; delete the marker; delete what the overwritten object (if it was made by
 * multipart) kept in {@code <bucket>_segments} — only now, once the new manifest is durable, only when
 * {@link CompletedManifest#verifiedUpload} confirms whose they are, and only when that object was the null version
 * and Swift did not keep it as a noncurrent version ({@link OverwrittenUpload}). Each step is retried briefly; a clean-up that
 * gives up leaves the finished marker for the sweeper (see the package comment). A retried Complete finds the
 * marker gone (or marked finished) and answers from the object's reserved metadata when the object at the key was
 * made by this upload ({@code X-Object-Meta-S3multi-Upload-Id}, bound to the key: {@link CompletedManifest}). A
 * Complete retried after its gateway died
 * finds the marker still there (the claim expires, see {@link Claim}) and writes the same manifest again.
 */
public final class CompletionHandler {

    private static final Logger LOG = LoggerFactory.getLogger(CompletionHandler.class);
    /** How long a Complete waits for another finisher; its answer is kept alive meanwhile. */
    private static final Duration COMPLETE_PATIENCE = Duration.ofMinutes(5);

    private final MultipartSettings settings;
    private final IntSupplier maxManifestSegments;
    private final FinishLocks locks;
    private final UploadAbort aborts;
    private final ProcessingSteps processing;

    /** @param maxManifestSegments Swift's {@code slo.max_manifest_segments} from {@code /info} */
    public CompletionHandler(MultipartSettings settings, IntSupplier maxManifestSegments) {
        this(settings, maxManifestSegments, ProcessingSteps.NONE);
    }

    /** @param processing the steps an upload passes before its manifest is published at its key */
    public CompletionHandler(MultipartSettings settings, IntSupplier maxManifestSegments,
            ProcessingSteps processing) {
        this(settings, maxManifestSegments, processing, new FinishLocks(settings.claimTimeout()));
    }

    /**
     * @param locks the gateway's locks of uploads being finished: every handler that completes or aborts uploads in
     *              one gateway (the s3multi stage's, tus's) must share them, or they meet only through the
     *              {@link Claim} in Swift, which is not exact
     */
    public CompletionHandler(MultipartSettings settings, IntSupplier maxManifestSegments,
            ProcessingSteps processing, FinishLocks locks) {
        this.settings = Objects.requireNonNull(settings, "settings");
        this.maxManifestSegments = Objects.requireNonNull(maxManifestSegments, "maxManifestSegments");
        this.processing = Objects.requireNonNull(processing, "processing");
        this.locks = Objects.requireNonNull(locks, "locks");
        this.aborts = new UploadAbort(locks);
    }

    public S3Response completeMultipartUpload(S3Call call) {
        return S3Failures.forCall(call, () -> complete(call));
    }

    /**
     * Completes the upload named by {@code call} ({@code uploadId} parameter, bucket, key) with the parts in
     * {@code body}, as CompleteMultipartUpload does with the parts its request lists: the same checks, lock,
     * manifest and clean-up. tus finishes its uploads through here, with the parts it stored.
     */
    public S3Response completeMultipartUpload(S3Call call, CompleteMultipartUpload body) {
        return S3Failures.forCall(call, () -> complete(call, body));
    }

    /**
     * {@link #completeMultipartUpload(S3Call, CompleteMultipartUpload)} done before it returns, for callers with no
     * S3 client to keep alive (tus).
     *
     * @throws S3Exception what the Complete answered, had it failed
     */
    public void completeNow(S3Call call, CompleteMultipartUpload body) {
        try (var result = completeMultipartUpload(call, body).body()) {
            result.writeTo(java.io.OutputStream.nullOutputStream());
            if (result instanceof HeartbeatBody heartbeat && heartbeat.errorWritten().isPresent()) {
                throw heartbeat.errorWritten().get();
            }
        } catch (java.io.IOException e) {
            throw S3Exception.internalError("completing upload " + call.request().param("uploadId").orElse("")
                    + ": " + e, e);
        }
    }

    private S3Response complete(S3Call call) throws SwiftException {
        return complete(call, readBody(call));
    }

    private S3Response complete(S3Call call, CompleteMultipartUpload body) throws SwiftException {
        UploadId uploadId = UploadId.parse(call.request().param("uploadId").orElse(null));
        String key = call.key();
        WriteConditions conditions = WriteConditions.fromRequest(call.request().head());
        UploadState state = new UploadState(call.swift(), call.bucket());
        UploadInfo upload;
        try {
            upload = state.requireUpload(key, uploadId);
        } catch (S3Exception noSuchUpload) {
            CompleteMultipartUploadResult earlier = earlierAnswer(call, state, uploadId)
                    .orElseThrow(() -> noSuchUpload);
            finishCleanUpLeftBehind(call, state, uploadId);
            return S3Response.xml(earlier);
        }
        // A failed condition leaves the upload open with its parts, as AWS does: the client may retry or abort.
        conditions.check(call.swift(), call.bucket(), call.key());
        CompletionPlan plan = CompletionPlan.check(body.parts(), state.allAttempts(uploadId),
                settings.minPartSize(), upload);
        ClaimedObjectChecksum.check(call.request().head(), plan.checksum());
        SwiftHeaders headers = upload.manifestHeaders(call.bucket(), plan.eTag(), plan.parts().size(), plan.checksum())
                .toBuilder().addAll(NewVersionLock.of(call, Optional.of(upload.lock())
                        .filter(lock -> !lock.equals(ObjectLockState.NONE))).headers()).build();
        Completion completion = new Completion(call, state, upload, plan,
                headers.toBuilder().addAll(conditions.swiftHeaders()).build());
        Optional<FinishLocks.Held> held = locks.tryLock(call.swift(), state, uploadId,
                Claim.Purpose.COMPLETING, call.clock());
        if (held.isEmpty()) {
            // Another Complete or an Abort is at work: wait for it while the answer keeps the connection open.
            return heartbeat(call, completion::waitAndFinish, () -> { });
        }
        // Locked at once: whether the upload is still open is decided before the answer starts, so a
        // NoSuchUpload has its real status.
        Found found = completion.lookAround(held.get());
        if (found.earlierAnswer() != null) {
            return S3Response.xml(found.earlierAnswer());
        }
        return heartbeat(call, () -> completion.finish(found.atKey(), held.get()), held.get()::release);
    }

    /**
     * The answer of the Complete that made the object at the key, for a Complete that finds the upload finished. None
     * when an abort's {@link AbortTrace} is there: that abort deleted the parts the object's manifest names (the
     * manifest landed after the abort's look at the key, and its Complete died, or failed, before its look at the
     * marker could roll it back). The manifest and its sub-manifests are deleted then, as that roll-back would have.
     */
    private static Optional<CompleteMultipartUploadResult> earlierAnswer(S3Call call, UploadState state,
            UploadId uploadId) throws SwiftException {
        Optional<CompleteMultipartUploadResult> earlier = CompletedObject.earlierAnswer(call, uploadId);
        if (earlier.isEmpty() || !AbortTrace.isLeft(call.swift(), state, uploadId)) {
            return earlier;
        }
        S3Failures.ignoringNotFound(() -> call.swift().objects().delete(call.bucket(), call.key(),
                SwiftHeaders.empty()));
        state.deletePrefix(SegmentsLayout.manifestsPrefix(uploadId));
        return Optional.empty();
    }

    /**
     * A retried Complete that finds its upload completed, but the marker still there marked finished (the clean-up
     * of the Complete that made the object gave up, or its gateway died), finishes that clean-up: every attempt and
     * sub-manifest the object's manifest does not name, then the marker. Failures are left for the sweeper.
     */
    private static void finishCleanUpLeftBehind(S3Call call, UploadState state, UploadId uploadId) {
        try {
            if (state.markerState(call.key(), uploadId) != UploadState.MarkerState.FINISHED) {
                return;
            }
            Set<String> named = LateAttempt.segmentsNamedAt(call.swift(), state.container(), uploadId, call.bucket(),
                    call.key());
            if (named.isEmpty()) {
                return;
            }
            String upload = call.bucket() + "/" + call.key() + " (upload " + uploadId + ")";
            boolean unnamedGone = CleanUpRetry.run("deleting what " + upload + " left unnamed",
                    () -> state.deletePartsOtherThan(uploadId, named));
            if (unnamedGone) {
                CleanUpRetry.run("deleting the finished marker of " + upload, () -> {
                    state.deleteQuietly(SegmentsLayout.marker(call.key(), uploadId));
                    return true;
                });
            }
        } catch (SwiftException e) {
            LOG.warn("could not finish the clean-up of upload {} of {}/{}: {}", uploadId, call.bucket(), call.key(),
                    e.toString());
        }
    }

    private S3Response heartbeat(S3Call call, Supplier<Object> work, Runnable abandon) {
        return S3Response.status(200).withHeader("Content-Type", "application/xml")
                .withBody(new HeartbeatBody(new HeartbeatBody.Work() {
                    @Override
                    public Object run() {
                        return work.get();
                    }

                    @Override
                    public void abandon() {
                        abandon.run();
                    }
                }, settings.heartbeatInterval(), call.requestId()));
    }

    /**
     * What a Complete that holds the lock finds: the upload still open ({@code earlierAnswer} null), with the
     * multipart upload whose object it will replace, if any; or the upload completed, with the answer of the
     * Complete that did it (an aborted upload is NoSuchUpload, thrown).
     */
    private record Found(CompletedObject.Before atKey, CompleteMultipartUploadResult earlierAnswer) {
    }

    /** One Complete request, checked, from the lock to the answer. */
    private final class Completion {

        private final S3Call call;
        private final UploadState state;
        private final UploadInfo upload;
        private final UploadId uploadId;
        private final CompletionPlan plan;
        private final SwiftHeaders manifestHeaders;

        Completion(S3Call call, UploadState state, UploadInfo upload, CompletionPlan plan,
                SwiftHeaders manifestHeaders) {
            this.call = call;
            this.state = state;
            this.upload = upload;
            this.uploadId = upload.uploadId();
            this.plan = plan;
            this.manifestHeaders = manifestHeaders;
        }

        /** Run by the answer of a Complete that had to wait for the lock: what a retry would do, once locked. */
        Object waitAndFinish() {
            FinishLocks.Held held = S3Failures.forCall(call, () -> locks.lock(call.swift(), state, uploadId,
                    Claim.Purpose.COMPLETING, call.clock(), COMPLETE_PATIENCE)
                    .orElseThrow(() -> S3Exception.noSuchUpload(uploadId.value())
                            .withReason("another request is finishing it")));
            Found found = S3Failures.forCall(call, () -> lookAround(held));
            if (found.earlierAnswer() != null) {
                return found.earlierAnswer();
            }
            return finish(found.atKey(), held);
        }

        /**
         * With the lock held: is the upload still open (see {@link Claim}), and what does the key hold now? The
         * lock is released unless the upload is open.
         */
        Found lookAround(FinishLocks.Held held) throws SwiftException {
            boolean open = false;
            try {
                if (!state.isOpen(call.key(), uploadId)) {
                    return new Found(null, earlierAnswer(call, state, uploadId)
                            .orElseThrow(() -> S3Exception.noSuchUpload(uploadId.value())));
                }
                // Only an object verified as an upload's own manifest takes that upload's segments along.
                CompletedObject.Before before = CompletedObject.before(call);
                Found found = new Found(new CompletedObject.Before(before.overwritten()
                        .filter(old -> !old.uploadId().equals(uploadId)), before.versioningConfigured()), null);
                open = true;
                return found;
            } finally {
                if (!open) {
                    held.release();
                }
            }
        }

        /** Writes the manifest, checks no Abort interfered, cleans up; releases the lock whatever happens. */
        Object finish(CompletedObject.Before atKey, FinishLocks.Held held) {
            String key = call.key();
            Optional<OverwrittenUpload> overwritten = atKey.overwritten();
            try {
                ProcessingVerdict verdict = S3Failures.forCall(call, () -> processing.process(new ProcessedUpload(
                        call.swift(), call.bucket(), upload, plan.parts(), plan.checksum())));
                if (!verdict.publishes()) {
                    throw rejected(verdict);
                }
                // A PutObject that took the bucket for segment-free must not come after the manifest.
                Optional<Instant> checkDue = S3Failures.forCall(call, () -> SegmentFreeBuckets.awaitTrusted(
                        call.swift(), call.bucket(), uploadId, call.clock()));
                try {
                    new ManifestWriter(call.swift(), state.container()).write(call.bucket(), key, uploadId,
                            plan.parts(), maxManifestSegments.getAsInt(), manifestHeaders);
                } catch (SwiftException e) {
                    return afterManifestFailure(e, overwritten);
                }
                // Not knowing after a few tries, keep everything: the upload stays open, a retried Complete writes it
                // again.
                UploadState.MarkerState marker = S3Failures.forCall(call,
                        () -> CleanUpRetry.look(() -> state.newestMarkerState(key, uploadId)));
                if (marker != UploadState.MarkerState.OPEN) {
                    return finishedByOther(marker, overwritten);
                }
                cleanUp(overwritten, held);
                // Not waited for (another gateway's PutObject may have skipped its look): looked at once it is over.
                checkDue.ifPresent(due -> SkippedLookCheck.schedule(call.swift(), call.bucket(), key, uploadId, due,
                        call.clock()));
                return CompletedObject.withVersion(call, uploadId,
                        CompletedObject.result(call, plan.eTag(), plan.checksum()), atKey.versioningConfigured());
            } finally {
                held.release();
            }
        }

        /**
         * The marker is no longer open behind this Complete's manifest (or its failed manifest): who closed it? An
         * abort marked it aborted, and before it deleted the marker left its {@link AbortTrace}; it may be deleting
         * the parts: roll back, answer NoSuchUpload. Marked finished or gone without a trace: another Complete (of
         * another gateway, past the claim) finished the upload and answered for the object at the key: keep
         * everything and answer as a retry would, with what the key shows. The trace is looked for by name also
         * behind a marker marked finished: an abort that found a manifest at the key marks it finished again while
         * that manifest's Complete, having seen the marker aborted, rolls back (its trace first).
         */
        private Object finishedByOther(UploadState.MarkerState marker, Optional<OverwrittenUpload> overwritten) {
            boolean aborted = marker == UploadState.MarkerState.ABORTED || S3Failures.forCall(call,
                    () -> CleanUpRetry.look(() -> AbortTrace.isLeft(call.swift(), state, uploadId)));
            if (aborted) {
                rollBack(overwritten);
                throw S3Exception.noSuchUpload(uploadId.value()).withReason("aborted while completing");
            }
            return CompletedObject.earlierAnswer(call, uploadId)
                    .orElseThrow(() -> S3Exception.noSuchUpload(uploadId.value()));
        }

        /**
         * The steps refused the upload: it is not published; deleted (as an Abort, {@link UploadAbort#abortOpen}) or
         * kept open with its parts, as configured. The client is told why.
         */
        private S3Exception rejected(ProcessingVerdict verdict) {
            if (verdict.decision() == ProcessingVerdict.Decision.REJECT_DELETE) {
                try {
                    UploadAbort.abortOpen(call.swift(), state, call.bucket(), call.key(), uploadId);
                } catch (SwiftException e) {
                    LOG.warn("deleting rejected upload {} of {}/{} failed (left for the sweeper): {}", uploadId,
                            call.bucket(), call.key(), e.toString());
                }
            }
            return S3Exception.accessDenied("The upload was rejected by processing step " + verdict.step() + ": "
                    + verdict.reason());
        }

        /**
         * The marker marked finished first, the lock after it (see {@link Claim}); then the attempts not chosen and
         * the marker; then what the overwritten object kept. Each Swift step is retried briefly
         * ({@link CleanUpRetry}); the marker is deleted only once the attempts are gone, so that a clean-up that
         * gave up leaves the finished marker behind, pointing a sweeper at the key and the upload (see the package
         * comment), and never looks like an upload in progress.
         */
        private void cleanUp(Optional<OverwrittenUpload> overwritten, FinishLocks.Held held) {
            String marker = SegmentsLayout.marker(call.key(), uploadId);
            String upload = call.bucket() + "/" + call.key() + " (upload " + uploadId + ")";
            // From now on a part attempt that lands sees the upload closed and removes itself (LateAttempt), and
            // ListMultipartUploads no longer shows the upload.
            boolean marked = CleanUpRetry.run("marking the marker of " + upload + " finished", () -> {
                S3Failures.ignoringNotFound(() -> call.swift().objects().post(state.container(), marker,
                        UploadInfo.finishedMarkerHeaders()));
                return true;
            });
            if (!marked) {
                // Swift refuses even that: at least do not leave it looking open (the attempts may stay then).
                CleanUpRetry.run("deleting the marker of " + upload, () -> {
                    state.deleteQuietly(marker);
                    return true;
                });
            }
            held.release();
            Set<String> chosen = new HashSet<>();
            plan.parts().forEach(part -> chosen.add(part.segment()));
            boolean unchosenGone = CleanUpRetry.run("deleting the part attempts " + upload + " did not choose",
                    () -> state.deletePartsOtherThan(uploadId, chosen));
            if (marked && unchosenGone) {
                CleanUpRetry.run("deleting the finished marker of " + upload, () -> {
                    state.deleteQuietly(marker);
                    processing.published(call.swift(), call.bucket(), uploadId);
                    return true;
                });
            }
            if (overwritten.isPresent()) {
                try {
                    deleteUnlessKeptAsVersion(overwritten.get());
                } catch (SwiftException e) {
                    // The object is complete and durable; what is left over is garbage, not a failure of the request.
                    LOG.warn("clean-up after completing upload {} of {}/{} failed: {}", uploadId, call.bucket(),
                            call.key(), e.toString());
                }
            }
        }

        /**
         * An abort closed the upload while this Complete wrote its manifest: undo the Complete, as an abort that
         * deletes the parts does ({@link UploadAbort#abortOpen}). The {@link AbortTrace} first, so that another
         * Complete that finds the marker finished or gone from now on rolls back too; then the manifest, if the key
         * still shows this upload's; the parts and sub-manifests (the abort left them if it saw the manifest); what
         * the replaced object kept, unless the key still shows that object (the manifest never landed); the marker
         * last. Failures are logged and the next step is tried: the answer is NoSuchUpload either way, and no
         * manifest may stay that names parts an abort deletes.
         */
        private void rollBack(Optional<OverwrittenUpload> overwritten) {
            try {
                AbortTrace.leave(call.swift(), state, uploadId);
            } catch (SwiftException | RuntimeException e) {
                LOG.warn("could not leave the abort trace of upload {} of {}/{} before rolling back: {}", uploadId,
                        call.bucket(), call.key(), e.toString());
            }
            try {
                Optional<UploadId> atKey = CompletedObject.uploadOf(call);
                if (atKey.isPresent() && atKey.get().equals(uploadId)) {
                    call.swift().objects().delete(call.bucket(), call.key(), SwiftHeaders.empty());
                }
                state.deletePrefix(SegmentsLayout.partsPrefix(uploadId));
                state.deletePrefix(SegmentsLayout.manifestsPrefix(uploadId));
                if (overwritten.isPresent() && !atKey.equals(Optional.of(overwritten.get().uploadId()))) {
                    deleteUnlessKeptAsVersion(overwritten.get());
                }
                state.deleteQuietly(SegmentsLayout.marker(call.key(), uploadId));
            } catch (SwiftException e) {
                LOG.warn("rolling back upload {} of {}/{} after an Abort failed: {}", uploadId, call.bucket(),
                        call.key(), e.toString());
            }
        }

        /** What the replaced null version's upload stored, unless Swift kept that object as a noncurrent version. */
        private void deleteUnlessKeptAsVersion(OverwrittenUpload overwritten) throws SwiftException {
            if (!overwritten.keptAsVersion(call)) {
                state.deleteObjectSegments(overwritten.uploadId());
            }
        }

        /**
         * The manifest PUT failed: an error of its own, or the upload was closed meanwhile (an abort deleting the
         * parts, another Complete's clean-up deleting the attempts it did not choose), or it landed after all.
         * Thrown as the answer, or the earlier answer of another Complete that finished ({@link #finishedByOther}).
         */
        private Object afterManifestFailure(SwiftException failure, Optional<OverwrittenUpload> overwritten) {
            UploadState.MarkerState marker = UploadState.MarkerState.OPEN;
            try {
                // The sub-manifests go, unless an object of this upload already uses them (a Complete retried
                // after its gateway died, or another gateway's Complete, whose manifest is at the key).
                if (!CompletedObject.uploadOf(call).equals(Optional.of(uploadId))) {
                    state.deletePrefix(SegmentsLayout.manifestsPrefix(uploadId));
                }
                marker = state.newestMarkerState(call.key(), uploadId);
            } catch (SwiftException e) {
                LOG.warn("clean-up after a failed manifest of upload {} failed: {}", uploadId, e.toString());
            }
            if (marker != UploadState.MarkerState.OPEN) {
                return finishedByOther(marker, overwritten);
            }
            throw manifestFailure(failure, call, uploadId, plan);
        }
    }

    private static S3Exception manifestFailure(SwiftException e, S3Call call, UploadId uploadId, CompletionPlan plan) {
        if (e instanceof SwiftHttpStatusException status) {
            if (status.status() == 412) {
                return S3Exception.preconditionFailed("If-None-Match");
            }
            String snippet = status.bodySnippet() == null ? "" : status.bodySnippet();
            if (status.status() == 400 && (snippet.contains("Etag Mismatch") || snippet.contains("404")
                    || snippet.contains("Size Mismatch"))) {
                StoredPart first = plan.parts().get(0);
                return S3Exception.invalidPart(uploadId.value(), first.number(), MultipartEtag.quote(first.md5Hex()))
                        .withReason("segment changed");
            }
        }
        return S3Failures.toS3(e, call.request());
    }

    /**
     * AbortMultipartUpload: the marker, every part and sub-manifest; NoSuchUpload when unknown or finished. Waits
     * (briefly) for a Complete or Abort at work, then finds the upload gone or takes its turn.
     */
    public S3Response abortMultipartUpload(S3Call call) {
        return S3Failures.forCall(call, () -> abort(call));
    }

    private S3Response abort(S3Call call) throws SwiftException {
        UploadId uploadId = UploadId.parse(call.request().param("uploadId").orElse(null));
        aborts.abort(call.swift(), call.bucket(), call.key(), uploadId, call.clock());
        return S3Response.noContent();
    }

    private static CompleteMultipartUpload readBody(S3Call call) {
        return S3Xml.read(call.body().openWithObjectChecksumHeaders().stream(), CompleteMultipartUpload.class,
                S3Xml.MAX_COMPLETE_MULTIPART_UPLOAD_BYTES);
    }
}
