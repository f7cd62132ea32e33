package io.s3multi.s3.multipart;

import io.s3multi.s3.contract.ReservedMetadata;
import io.s3multi.s3.contract.SegmentsLayout;
import io.s3multi.s3.contract.StoredPart;
import io.s3multi.s3.contract.UploadId;
import io.s3multi.s3.contract.UploadInfo;
import io.s3multi.s3.error.S3Exception;
import io.s3multi.s3.operation.S3Failures;
import io.s3multi.s3.operation.SwiftStatusMapper;
import io.s3multi.swift.ObjectPath;
import io.s3multi.swift.SwiftAccount;
import io.s3multi.swift.SwiftHeaders;
import io.s3multi.swift.SwiftReply;
import io.s3multi.swift.container.ListingCursor;
import io.s3multi.swift.container.ListingQuery;
import io.s3multi.swift.container.ObjectEntry;
import io.s3multi.swift.error.SwiftException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;

/**
 * Reading and removing what one upload keeps in {@code <bucket>_segments}: its marker, its parts, its
 * sub-manifests, its claim. Deletions go through Swift's bulk delete, a thousand names per request.
 */
public final class UploadState {

    private final SwiftAccount swift;
    private final String bucket;
    private final String container;

    public UploadState(SwiftAccount swift, String bucket) {
        this.swift = swift;
        this.bucket = bucket;
        this.container = SegmentsLayout.container(bucket);
    }

    public String container() {
        return container;
    }

    /**
     * The upload as its marker describes it.
     *
     * @throws S3Exception NoSuchUpload when the marker (or the whole segments container) is missing, or marked
     *                     finished ({@link UploadInfo#isFinishedMarker})
     */
    public UploadInfo requireUpload(String key, UploadId uploadId) {
        SwiftReply marker = S3Failures.mapped(SwiftStatusMapper.Target.object(bucket, key),
                        () -> marker(key, uploadId, SwiftHeaders.empty()))
                .filter(found -> !UploadInfo.isFinishedMarker(found.header("Content-Type")))
                .orElseThrow(() -> S3Exception.noSuchUpload(uploadId.value()));
        return UploadInfo.fromMarker(key, uploadId, marker.headers());
    }

    /**
     * What an upload's marker says: in progress, completed but not yet cleaned up, being aborted
     * ({@link UploadInfo#isAbortedMarker}), or gone.
     */
    public enum MarkerState { OPEN, FINISHED, ABORTED, GONE }

    /** The state of the upload's marker (a part PUT checks it after its decisive step). */
    public MarkerState markerState(String key, UploadId uploadId) throws SwiftException {
        return markerState(key, uploadId, SwiftHeaders.empty());
    }

    /**
     * {@link #markerState} from the newest of the marker's replicas ({@link SwiftHeaders#newest}): what a Complete
     * reads after its manifest and an abort before it deletes anything.
     */
    MarkerState newestMarkerState(String key, UploadId uploadId) throws SwiftException {
        return markerState(key, uploadId, SwiftHeaders.newest());
    }

    private MarkerState markerState(String key, UploadId uploadId, SwiftHeaders headers) throws SwiftException {
        return marker(key, uploadId, headers).map(marker -> stateOf(marker.header("Content-Type")))
                .orElse(MarkerState.GONE);
    }

    private static MarkerState stateOf(String markerContentType) {
        if (UploadInfo.isAbortedMarker(markerContentType)) {
            return MarkerState.ABORTED;
        }
        return UploadInfo.isFinishedMarker(markerContentType) ? MarkerState.FINISHED : MarkerState.OPEN;
    }

    private Optional<SwiftReply> marker(String key, UploadId uploadId, SwiftHeaders headers) throws SwiftException {
        return S3Failures.unlessNotFound(() -> swift.objects().head(container, SegmentsLayout.marker(key, uploadId),
                headers));
    }

    /** Whether the upload is still in progress: its marker exists and is not marked finished. */
    public boolean isOpen(String key, UploadId uploadId) throws SwiftException {
        return markerState(key, uploadId) == MarkerState.OPEN;
    }

    /**
     * Every attempt stored for each part of the upload, by part number, oldest first (Complete needs all of them;
     * it lists page by page).
     */
    public Map<Integer, List<StoredPart>> allAttempts(UploadId uploadId) throws SwiftException {
        Map<Integer, List<StoredPart>> parts = new TreeMap<>();
        for (ObjectEntry entry : listAll(SegmentsLayout.partsPrefix(uploadId))) {
            PartsPage.storedPart(uploadId, entry)
                    .ifPresent(part -> parts.computeIfAbsent(part.number(), n -> new ArrayList<>()).add(part));
        }
        return parts;
    }

    /** Deletes one object of the segments container; a missing one is no failure. */
    public void deleteQuietly(String name) throws SwiftException {
        S3Failures.ignoringNotFound(() -> swift.objects().delete(container, name, SwiftHeaders.empty()));
    }

    /** Deletes the named objects of the segments container in bulk. */
    public void deleteAll(List<String> names) throws SwiftException {
        if (!names.isEmpty()) {
            swift.bulkDelete().delete(names.stream().map(name -> new ObjectPath(container, name)).toList());
        }
    }

    /** Deletes the named objects in bulk; whether Swift deleted (or did not find) every one of them. */
    public boolean deleteAllCompletely(List<String> names) throws SwiftException {
        return names.isEmpty() || swift.bulkDelete().delete(names.stream()
                .map(name -> new ObjectPath(container, name)).toList()).isComplete();
    }

    /**
     * Deletes every stored part attempt of the upload that {@code keep} does not name (segment names); whether
     * Swift deleted (or did not find) every one of them.
     */
    public boolean deletePartsOtherThan(UploadId uploadId, Set<String> keep) throws SwiftException {
        return deleteOtherThan(SegmentsLayout.partsPrefix(uploadId), keep);
    }

    /** Deletes every object under {@code prefix} that {@code keep} does not name; whether all of them went. */
    public boolean deleteOtherThan(String prefix, Set<String> keep) throws SwiftException {
        List<String> others = new ArrayList<>();
        for (ObjectEntry entry : listAll(prefix)) {
            if (!keep.contains(entry.name())) {
                others.add(entry.name());
            }
        }
        return deleteAllCompletely(others);
    }

    /** Deletes every object under a prefix of the segments container, page by page. */
    public void deletePrefix(String prefix) throws SwiftException {
        List<String> names = new ArrayList<>();
        for (ObjectEntry entry : listAll(prefix)) {
            names.add(entry.name());
        }
        deleteAll(names);
    }

    List<ObjectEntry> listAll(String prefix) throws SwiftException {
        List<ObjectEntry> entries = new ArrayList<>();
        S3Failures.ignoringNotFound(() -> {   // no segments container: nothing stored
            ListingCursor<ObjectEntry> cursor = swift.containers()
                    .listAllObjects(container, ListingQuery.all().withPrefix(prefix));
            while (cursor.hasMorePages()) {
                entries.addAll(cursor.nextPage().entries());
            }
        });
        return entries;
    }

    /**
     * Deletes everything a finished upload left behind for its object: parts, sub-manifests and claim. Called
     * when the object made from it is overwritten or deleted (the object's
     * {@link ReservedMetadata#UPLOAD_ID} names the upload).
     */
    public void deleteObjectSegments(UploadId uploadId) throws SwiftException {
        deletePrefix(SegmentsLayout.partsPrefix(uploadId));
        deletePrefix(SegmentsLayout.manifestsPrefix(uploadId));
        deleteQuietly(SegmentsLayout.claim(uploadId));
    }
}
