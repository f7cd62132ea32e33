package io.s3multi.s3.sweep;

import io.s3multi.s3.background.BucketJob;
import io.s3multi.s3.background.BucketWork;
import io.s3multi.s3.contract.SegmentsLayout;
import io.s3multi.s3.contract.UploadId;
import io.s3multi.s3.multipart.AbandonedFinish;
import io.s3multi.swift.ObjectPath;
import io.s3multi.swift.bulk.BulkDeleteError;
import io.s3multi.swift.bulk.BulkDeleteResult;
import io.s3multi.swift.bulk.SwiftBulkDelete;
import io.s3multi.swift.container.ListingQuery;
import io.s3multi.swift.error.SwiftException;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * Removes what crashes leave in a bucket's {@code <bucket>_segments}, after a grace period: part attempts and
 * sub-manifests that no version of any object of the bucket names and no upload in progress owns, claims whose
 * holder died, markers of uploads whose Complete or Abort died, markers a Complete marked finished but could not
 * delete. The rules are in {@link UploadVerdict}; docs/BACKGROUND.md says what and why for operators.
 *
 * <p><b>Construction.</b> {@code new OrphanSweeper(grace, interval, claimTimeout)} (the worker) or
 * {@code new OrphanSweeper(grace, claimTimeout)} (the admin tool: sweeps whenever run). {@code grace} is {@code filter.s3api.sweep_grace} ({@link #DEFAULT_GRACE},
 * one day): nothing whose Swift {@code last_modified} is younger is removed. {@code interval} is
 * {@code filter.s3api.sweep_interval} ({@link #DEFAULT_INTERVAL}, one day): the least time between two finished
 * sweeps of a bucket. {@code claimTimeout} is {@code filter.s3multi.claim_timeout}: a claim refreshed within it is
 * a live Complete's or Abort's, whatever its age by {@code last_modified}. The time is {@link BucketWork#clock()},
 * so one instance serves every bucket and run.
 *
 * <p><b>A run</b> works the container in stretches of upload ids ({@link SegmentsWindow}), each: list the
 * stretch's traces; if anything in it might go, read the manifests of every SLO version of the bucket
 * ({@link ManifestReferences}) for the names they use; decide; act. Every Swift request waits for
 * {@link BucketWork#pacer()}; the position after each stretch is saved in the {@link BucketWork#checkpoint()} (the
 * last upload id done; at the end {@code finished <ms>}), and a run that lost its lease returns before acting. In a
 * dry run ({@link BucketWork#dryRun()}) every removal is only
 * reported to the {@link BucketWork#log()} ({@code performed} false), and Swift is only read. Names the gateway does
 * not write are left alone and reported ({@code leave}); leftovers younger than the grace period are reported
 * ({@code keep}).
 *
 * <p><b>Races.</b> A segment is deleted only when its upload's marker is absent or marked finished (or, for an
 * abandoned finisher, under the upload's claim, as a Complete or Abort would), and no manifest named it. A
 * marker once gone never comes back (ids are never reused), and a Complete writes its manifest before it marks or
 * deletes the marker; the stretch lists markers after the parts, and the manifests are read after that: so a
 * manifest that a normal Complete wrote is seen. A Complete that writes its manifest after the marker was deleted
 * (an Abort won) rolls itself back, manifest and parts. What is left is Swift's listings lagging behind (a
 * container server overloaded for a while): the grace period, a day by default, covers that.
 */
public final class OrphanSweeper implements BucketJob {

    /** The job's name: its lease is {@code leases/sweep}. */
    public static final String NAME = "sweep";
    public static final Duration DEFAULT_GRACE = Duration.ofDays(1);
    public static final Duration DEFAULT_INTERVAL = Duration.ofDays(1);
    /** About how many segment names one stretch holds (a few MB of memory). */
    static final int STRETCH_SEGMENTS = 50_000;

    /** The checkpoint of a finished run: this prefix and the time it finished, in ms since the epoch. */
    static final String FINISHED_AT = "finished ";

    private final Duration grace;
    private final Duration interval;
    private final int stretchSegments;
    private final AbandonedFinish abandoned;

    /** A sweeper that sweeps whenever it is run (the admin tool). */
    public OrphanSweeper(Duration grace, Duration claimTimeout) {
        this(grace, Duration.ZERO, claimTimeout);
    }

    /**
     * @param grace    nothing younger (by Swift's {@code last_modified}) is removed; positive
     *                 ({@code filter.s3api.sweep_grace})
     * @param interval a run within this time of the last finished one (on any gateway: the time is kept in the
     *                 bucket's checkpoint) returns at once ({@code filter.s3api.sweep_interval}): a sweep reads every
     *                 multipart object's manifest, more than the worker's other jobs should pay on every pass
     * @param claimTimeout the gateways' {@code filter.s3multi.claim_timeout}: an abandoned Complete or Abort is
     *                 finished only under its upload's lock, which a claim younger than this still holds
     */
    public OrphanSweeper(Duration grace, Duration interval, Duration claimTimeout) {
        this(grace, interval, claimTimeout, STRETCH_SEGMENTS);
    }

    OrphanSweeper(Duration grace, Duration interval, Duration claimTimeout, int stretchSegments) {
        this.grace = Objects.requireNonNull(grace, "grace");
        this.interval = Objects.requireNonNull(interval, "interval");
        if (grace.isNegative() || grace.isZero() || interval.isNegative()) {
            throw new IllegalArgumentException("the sweep grace period must be positive and its interval not"
                    + " negative: " + grace + ", " + interval);
        }
        this.stretchSegments = stretchSegments;
        this.abandoned = new AbandonedFinish(claimTimeout);
    }

    @Override
    public String name() {
        return NAME;
    }

    public Duration grace() {
        return grace;
    }

    @Override
    public void run(BucketWork work) throws SwiftException, InterruptedException {
        String container = SegmentsLayout.container(work.bucket());
        Optional<String> position = work.checkpoint().position();
        if (position.flatMap(OrphanSweeper::finishedAt)
                .filter(finished -> work.clock().instant().isBefore(finished.plus(interval))).isPresent()) {
            return;
        }
        UploadId after = position.filter(UploadId::isWellFormed).map(UploadId::new).orElse(null);
        if (after == null) {
            reportForeignNames(work, container);
        }
        while (true) {
            SegmentsWindow stretch = SegmentsWindow.read(work.owner(), work.pacer(), container, after,
                    stretchSegments);
            stretch.unrecognised().forEach(name -> work.log().record(container, name, "leave",
                    "not a name s3multi writes in " + container, false));
            if (!work.stillLeased() || !sweep(work, container, stretch)) {
                return;
            }
            if (stretch.upTo() == null) {
                work.checkpoint().save(FINISHED_AT + work.clock().millis());
                return;
            }
            after = stretch.upTo();
            work.checkpoint().save(after.value());
        }
    }

    /** When the run that saved {@code position} finished; empty for a position inside a run. */
    private static Optional<Instant> finishedAt(String position) {
        if (!position.startsWith(FINISHED_AT)) {
            return Optional.empty();
        }
        try {
            return Optional.of(Instant.ofEpochMilli(Long.parseLong(position.substring(FINISHED_AT.length()))));
        } catch (NumberFormatException e) {
            return Optional.empty();
        }
    }

    /** Names outside the layout's four prefixes: left alone, reported (one listing, rolled up by {@code /}). */
    private static void reportForeignNames(BucketWork work, String container)
            throws SwiftException, InterruptedException {
        Set<String> ours = Set.of(SegmentsLayout.UPLOADS, SegmentsLayout.PARTS, SegmentsLayout.MANIFESTS,
                SegmentsLayout.CLAIMS, SegmentsLayout.PROCESSING, SegmentsLayout.ABORTS);
        PacedListing.forEach(work.owner(), work.pacer(), container, ListingQuery.all().withDelimiter("/"), entry -> {
            if (!ours.contains(entry.name())) {
                work.log().record(container, entry.name(), "leave", "not a name s3multi writes in " + container,
                        false);
            }
            return true;
        });
    }

    /** Decides and acts on one stretch; false when the bucket's container is gone (nothing can be told). */
    private boolean sweep(BucketWork work, String container, SegmentsWindow stretch)
            throws SwiftException, InterruptedException {
        // Uploads in progress without a claim are never touched (unless expired): no need to read the bucket's
        // manifests for them.
        Instant now = work.clock().instant();
        if (stretch.uploads().values().stream().allMatch(upload -> upload.isOpen() && upload.claim() == null
                && upload.abortTraces().isEmpty() && !upload.expiredAt(now))) {
            return true;
        }
        Optional<Map<UploadId, Set<String>>> named = ManifestReferences.scan(work.owner(), work.pacer(),
                work.bucket(), stretch.uploads().keySet());
        if (named.isEmpty()) {
            work.log().record(work.bucket(), "", "leave", "the bucket's container is gone: nothing in " + container
                    + " can be told from an orphan", false);
            return false;
        }
        return work.stillLeased() && act(work, container, List.copyOf(stretch.uploads().values()), named.get());
    }

    private boolean act(BucketWork work, String container, List<UploadTraces> uploads,
            Map<UploadId, Set<String>> named) throws SwiftException, InterruptedException {
        for (UploadTraces upload : uploads) {
            Set<String> names = named.getOrDefault(upload.uploadId(), Set.of());
            UploadVerdict verdict = UploadVerdict.of(upload, names, work.clock().instant(), grace);
            verdict.kept().forEach(kept -> work.log().record(container, kept.name(), "keep",
                    kept.reason() + "; younger than the grace period " + grace, false));
            if (verdict.finishAbandoned()) {
                finishAbandoned(work, container, upload, names);
            }
            if (verdict.expired()) {
                expire(work, container, upload, names);
            }
            boolean removed = remove(work, container, verdict.removals());
            if (verdict.marker() != null && removed) {
                remove(work, container, List.of(verdict.marker()));
            }
        }
        return true;
    }

    /** Deletes (or, in a dry run, reports) the names in bulk; whether Swift deleted every one of them. */
    private static boolean remove(BucketWork work, String container, List<UploadVerdict.Removal> removals)
            throws SwiftException, InterruptedException {
        boolean complete = true;
        for (int from = 0; from < removals.size(); from += SwiftBulkDelete.MAX_BATCH) {
            List<UploadVerdict.Removal> batch = removals.subList(from,
                    Math.min(removals.size(), from + SwiftBulkDelete.MAX_BATCH));
            Set<String> failed = Set.of();
            if (!work.dryRun()) {
                work.pacer().awaitTurn();
                BulkDeleteResult result = work.owner().bulkDelete().delete(batch.stream()
                        .map(removal -> new ObjectPath(container, removal.name())).toList());
                failed = result.errors().stream().map(BulkDeleteError::path).collect(Collectors.toSet());
                complete &= result.isComplete();
            }
            for (UploadVerdict.Removal removal : batch) {
                boolean refused = failed.contains("/" + container + "/" + removal.name());
                work.log().record(container, removal.name(), refused ? "delete-failed" : "delete",
                        removal.reason(), !work.dryRun() && !refused);
            }
        }
        return complete;
    }

    /** A Complete or Abort died holding the claim: finish it as it would have, under the upload's lock. */
    private void finishAbandoned(BucketWork work, String container, UploadTraces upload, Set<String> named)
            throws SwiftException, InterruptedException {
        work.pacer().awaitTurn();
        Optional<Boolean> claimed = AbandonedFinish.claimedToAbort(work.owner(), work.bucket(), upload.uploadId());
        if (claimed.isEmpty()) {
            return;
        }
        boolean aborting = claimed.get();
        String what = (aborting ? "an Abort" : "a Complete") + " of upload " + upload.uploadId() + " (key "
                + upload.key() + ") died holding its claim, last refreshed " + upload.claim().lastModified();
        String outcome = "finish-" + (aborting ? "abort" : "complete");
        if (work.dryRun()) {
            work.log().record(container, upload.marker().name(), outcome, what + ": would finish it ("
                    + (named.isEmpty() ? "no manifest names its parts" : "a manifest names its parts") + ")", false);
            return;
        }
        // A handful of requests, each as short as the other sweeper requests; paced once for the lot.
        work.pacer().awaitTurn();
        AbandonedFinish.Outcome done = abandoned.finish(work.owner(), work.bucket(), upload.key(),
                upload.uploadId(), aborting, named, work.clock());
        work.log().record(container, upload.marker().name(), outcome, what + ": " + describe(done),
                done != AbandonedFinish.Outcome.BUSY && done != AbandonedFinish.Outcome.NOT_OPEN);
    }

    /**
     * An open upload past its expiry (tus): aborted as AbortMultipartUpload would, under its lock (a live Complete
     * or Abort that holds it makes this give up until the next run), then its processing state goes.
     */
    private void expire(BucketWork work, String container, UploadTraces upload, Set<String> named)
            throws SwiftException, InterruptedException {
        String what = "upload " + upload.uploadId() + " (key " + upload.key() + ") expired unfinished";
        if (work.dryRun()) {
            work.log().record(container, upload.marker().name(), "expire", what + ": would abort it", false);
            return;
        }
        work.pacer().awaitTurn();
        AbandonedFinish.Outcome done = abandoned.finish(work.owner(), work.bucket(), upload.key(),
                upload.uploadId(), true, named, work.clock());
        boolean performed = done != AbandonedFinish.Outcome.BUSY && done != AbandonedFinish.Outcome.NOT_OPEN;
        work.log().record(container, upload.marker().name(), "expire", what + ": " + describe(done), performed);
        if (performed && upload.processing() != null) {
            remove(work, container, List.of(new UploadVerdict.Removal(upload.processing().name(),
                    "processing state of " + what)));
        }
    }

    private static String describe(AbandonedFinish.Outcome outcome) {
        return switch (outcome) {
            case BUSY -> "a live request is finishing it now; left to it";
            case NOT_OPEN -> "finished meanwhile; nothing done";
            case COMPLETED -> "its object exists; the clean-up of its Complete was finished";
            case ABORTED -> "aborted: marker, parts and sub-manifests deleted";
            case COMPLETED_MEANWHILE -> "marker deleted; the key shows its object, so the parts were kept";
            case LEFT_OPEN -> "no object was made; the expired claim was removed and the upload stays open";
        };
    }
}
