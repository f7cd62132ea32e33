package io.s3multi.s3.sweep;

import io.s3multi.s3.background.Pacer;
import io.s3multi.s3.contract.SegmentsLayout;
import io.s3multi.s3.contract.SegmentsLayout.Kind;
import io.s3multi.s3.contract.SegmentsLayout.SegmentName;
import io.s3multi.s3.contract.UploadId;
import io.s3multi.s3.contract.UploadInfo;
import io.s3multi.s3.tus.TusUpload;
import io.s3multi.swift.SwiftAccount;
import io.s3multi.swift.container.ListingQuery;
import io.s3multi.swift.container.ObjectEntry;
import io.s3multi.swift.error.SwiftException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/**
 * The uploads of one stretch of upload ids in {@code <bucket>_segments}, with everything each left there: the
 * sweeper works a big container stretch by stretch, so that it never holds more than about {@code maxSegments}
 * names (and, later, the names manifests give for those uploads only). Segment names carry their upload id and
 * list in id order, so a stretch is an id range: {@code (after, upTo]}.
 *
 * <p>The part attempts, sub-manifests, claims, processing states and abort traces are listed before the markers: an upload's marker is written
 * before any of its parts, and never comes back once deleted (ids are never reused), so a part seen here whose
 * upload shows no marker in the later marker listing belongs to an upload that had finished (or was being
 * finished) before the marker listing, never to one that began after the first listing.
 *
 * @param uploads      the uploads of the stretch, by id
 * @param unrecognised names under the layout's prefixes that are not names the gateway writes
 * @param upTo         the last id of the stretch; {@code null} when the stretch runs to the end
 */
record SegmentsWindow(Map<UploadId, UploadTraces> uploads, List<String> unrecognised, UploadId upTo) {

    static SegmentsWindow read(SwiftAccount swift, Pacer pacer, String container, UploadId after, int maxSegments)
            throws SwiftException, InterruptedException {
        Map<UploadId, UploadTraces> uploads = new TreeMap<>();
        List<String> unrecognised = new ArrayList<>();
        UploadId[] last = new UploadId[1];
        boolean[] cut = new boolean[1];
        int[] count = new int[1];
        PacedListing.forEach(swift, pacer, container, ListingQuery.all().withPrefix(SegmentsLayout.PARTS)
                .withMarker(after == null ? null : SegmentsLayout.afterEveryNameOf(SegmentsLayout.partsPrefix(after))),
                entry -> {
                    Optional<SegmentName> name = recognised(entry, Kind.PART, unrecognised);
                    if (name.isEmpty()) {
                        return true;
                    }
                    UploadId id = name.get().uploadId();
                    if (count[0] >= maxSegments && !id.equals(last[0])) {
                        cut[0] = true;
                        return false;
                    }
                    count[0]++;
                    last[0] = id;
                    traces(uploads, id).addSegment(stored(entry));
                    return true;
                });
        UploadId upTo = cut[0] ? last[0] : null;
        PacedListing.forEach(swift, pacer, container, range(SegmentsLayout.MANIFESTS, after, upTo,
                SegmentsLayout::manifestsPrefix), entry -> {
                    recognised(entry, Kind.SUB_MANIFEST, unrecognised).ifPresent(name ->
                            traces(uploads, name.uploadId()).addSegment(stored(entry)));
                    return true;
                });
        PacedListing.forEach(swift, pacer, container, range(SegmentsLayout.CLAIMS, after, upTo,
                SegmentsLayout::claim), entry -> {
                    recognised(entry, Kind.CLAIM, unrecognised).ifPresent(name ->
                            traces(uploads, name.uploadId()).setClaim(stored(entry)));
                    return true;
                });
        PacedListing.forEach(swift, pacer, container, range(SegmentsLayout.PROCESSING, after, upTo,
                SegmentsLayout::processing), entry -> {
                    recognised(entry, Kind.PROCESSING, unrecognised).ifPresent(name ->
                            traces(uploads, name.uploadId()).setProcessing(stored(entry)));
                    return true;
                });
        PacedListing.forEach(swift, pacer, container, range(SegmentsLayout.ABORTS, after, upTo,
                SegmentsLayout::abortTracesPrefix), entry -> {
                    recognised(entry, Kind.ABORT_TRACE, unrecognised).ifPresent(name ->
                            traces(uploads, name.uploadId()).addAbortTrace(stored(entry)));
                    return true;
                });
        // Every stretch lists all markers; odd names among them are reported by the first stretch only.
        List<String> oddMarkers = after == null ? unrecognised : new ArrayList<>();
        PacedListing.forEach(swift, pacer, container, ListingQuery.all().withPrefix(SegmentsLayout.UPLOADS), entry -> {
            recognised(entry, Kind.MARKER, oddMarkers).filter(name -> within(name.uploadId(), after, upTo))
                    .ifPresent(name -> traces(uploads, name.uploadId()).setMarker(stored(entry), name.key(),
                            UploadInfo.isFinishedMarker(entry.contentType()),
                            TusUpload.expiryOf(entry.contentType()).orElse(null)));
            return true;
        });
        return new SegmentsWindow(uploads, unrecognised, upTo);
    }

    /** The listing of one prefix whose names are ordered by upload id, restricted to the ids in the stretch. */
    private static ListingQuery range(String prefix, UploadId after, UploadId upTo,
            java.util.function.Function<UploadId, String> nameOf) {
        return ListingQuery.all().withPrefix(prefix)
                .withMarker(after == null ? null : SegmentsLayout.afterEveryNameOf(nameOf.apply(after)))
                .withEndMarker(upTo == null ? null : SegmentsLayout.afterEveryNameOf(nameOf.apply(upTo)));
    }

    private static boolean within(UploadId id, UploadId after, UploadId upTo) {
        return (after == null || id.compareTo(after) > 0) && (upTo == null || id.compareTo(upTo) <= 0);
    }

    private static Optional<SegmentName> recognised(ObjectEntry entry, Kind expected, List<String> unrecognised) {
        Optional<SegmentName> name = SegmentsLayout.parse(entry.name()).filter(n -> n.kind() == expected);
        if (name.isEmpty()) {
            unrecognised.add(entry.name());
        }
        return name;
    }

    private static UploadTraces traces(Map<UploadId, UploadTraces> uploads, UploadId id) {
        return uploads.computeIfAbsent(id, UploadTraces::new);
    }

    private static UploadTraces.Stored stored(ObjectEntry entry) {
        return new UploadTraces.Stored(entry.name(), entry.lastModified());
    }
}
