package io.s3multi.s3.sweep;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * What the sweeper does with one upload's traces, decided from one listing pass and the names the bucket's
 * manifests use (no request to Swift: the rules, in one place).
 *
 * <p>"Old" is older than the grace period by Swift's {@code last_modified} (a claim's refresh and the marking of a
 * marker are POSTs, which move it). Nothing younger is ever removed.
 * <ul>
 *   <li><b>Marker open, no claim or a claim refreshed within the grace period</b>: an upload in progress (or one
 *       being finished): untouched, however old its parts, and so is its processing state. Abandoned uploads are
 *       the lifecycle rule's business, except:</li>
 *   <li><b>Marker open, expired, no claim</b>: a tus upload past its {@code Upload-Expires} (the marker's
 *       {@code expires}), answered 410 since: {@link #expired()}, aborted under the upload's lock, its processing
 *       state deleted with it. No grace period: the expiry is the upload's own deadline.</li>
 *   <li><b>Marker open with an old claim</b>, marker and every segment old: a Complete or Abort died holding the
 *       claim; {@link #finishAbandoned()} (done under the upload's lock, see
 *       {@link io.s3multi.s3.multipart.AbandonedFinish}).</li>
 *   <li><b>Marker marked finished and old</b>: a Complete whose clean-up gave up, or ({@code finished=aborted}) an
 *       abort that died before its end, whose key holds no manifest of it. Old segments no manifest names
 *       go, and an old claim; the marker last, once nothing unnamed is left.</li>
 *   <li><b>Abort traces</b> ({@code aborts/<upload id>}, and the previous release's {@code aborts/<upload id>/<token>}),
 *       whatever the marker says: old ones go (a Complete that raced the abort looked long ago; with the marker
 *       still there, the abort died before deleting it).</li>
 *   <li><b>No marker</b>: the upload was aborted or completed. Old segments no manifest names go (attempts a
 *       Complete did not choose, an aborted upload's parts, what a deleted or replaced object kept), and an old
 *       claim (its holder died; without a marker no Complete or Abort claims again), and an old processing state
 *       (of an upload rejected and deleted, or one whose Complete died before deleting it).</li>
 * </ul>
 *
 * @param removals        abort traces, segments and claim to delete, in this order
 * @param marker          the marker to delete once every removal is done, or {@code null}
 * @param kept            unnamed traces that would go but are younger than the grace period (reported only)
 * @param finishAbandoned whether to finish a Complete or Abort that died holding the claim
 * @param expired         whether to abort the open upload because it expired
 */
record UploadVerdict(List<Removal> removals, Removal marker, List<Removal> kept, boolean finishAbandoned,
        boolean expired) {

    /** One name, and why it goes (or would go). */
    record Removal(String name, String reason) {
    }

    static UploadVerdict of(UploadTraces upload, Set<String> named, Instant now, Duration grace) {
        Instant oldest = now.minus(grace);
        List<Removal> removals = new ArrayList<>();
        List<Removal> kept = new ArrayList<>();
        String id = upload.uploadId().value();
        // An abort's trace is needed only while a Complete racing that abort may still look for it: an old one goes,
        // whatever the marker says (an open marker with an old trace: the abort died before deleting the marker).
        for (UploadTraces.Stored trace : upload.abortTraces()) {
            Removal removal = new Removal(trace.name(), "abort trace of upload " + id + ", left "
                    + trace.lastModified());
            (isOld(trace, oldest) ? removals : kept).add(removal);
        }
        if (upload.isOpen()) {
            boolean abandoned = upload.claim() != null && isOld(upload.claim(), oldest)
                    && isOld(upload.marker(), oldest) && upload.segments().stream().allMatch(segment -> isOld(segment, oldest));
            boolean expired = upload.claim() == null && upload.expiredAt(now);
            return new UploadVerdict(removals, null, kept, abandoned, expired);
        }
        String owner = upload.isFinished()
                ? "of upload " + id + " (completed at key " + upload.key() + ", clean-up unfinished)"
                : "of upload " + id + " (no marker: aborted, or completed and its object gone or replaced)";
        for (UploadTraces.Stored segment : upload.segments()) {
            if (named.contains(segment.name())) {
                continue;
            }
            Removal removal = new Removal(segment.name(), "segment " + owner + " that no object version's manifest "
                    + "names, last modified " + segment.lastModified());
            (isOld(segment, oldest) ? removals : kept).add(removal);
        }
        if (upload.claim() != null) {
            Removal removal = new Removal(upload.claim().name(), "claim " + owner + " not refreshed since "
                    + upload.claim().lastModified() + ": its holder died");
            (isOld(upload.claim(), oldest) ? removals : kept).add(removal);
        }
        if (upload.processing() != null) {
            Removal removal = new Removal(upload.processing().name(), "processing state " + owner
                    + ", last written " + upload.processing().lastModified());
            (isOld(upload.processing(), oldest) ? removals : kept).add(removal);
        }
        Removal marker = null;
        if (upload.isFinished()) {
            Removal removal = new Removal(upload.marker().name(), "finished marker " + owner
                    + ", marked " + upload.marker().lastModified());
            if (isOld(upload.marker(), oldest) && kept.isEmpty()) {
                marker = removal;
            } else {
                kept.add(removal);
            }
        }
        return new UploadVerdict(removals, marker, kept, false, false);
    }

    private static boolean isOld(UploadTraces.Stored stored, Instant oldest) {
        return stored.lastModified() != null && !stored.lastModified().isAfter(oldest);
    }
}
