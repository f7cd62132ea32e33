package io.s3multi.s3.sweep;

import io.s3multi.s3.contract.UploadId;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * Everything one upload left in {@code <bucket>_segments}, as one listing pass saw it: its marker (if any), its
 * claim (if any), the traces its aborts left, and its part attempts and sub-manifests with the time Swift last wrote
 * each.
 */
final class UploadTraces {

    /** One object of the segments container, with its listing's {@code last_modified}. */
    record Stored(String name, Instant lastModified) {
    }

    private final UploadId uploadId;
    private final List<Stored> segments = new ArrayList<>();
    private final List<Stored> abortTraces = new ArrayList<>();
    private Stored marker;
    private String key;
    private boolean finished;
    private Stored claim;
    private Stored processing;
    private Instant expires;

    UploadTraces(UploadId uploadId) {
        this.uploadId = uploadId;
    }

    UploadId uploadId() {
        return uploadId;
    }

    void addSegment(Stored segment) {
        segments.add(segment);
    }

    /**
     * The marker, its key, whether its content type marks the upload finished (completed), and when the upload
     * expires unfinished ({@code null}: never; tus's {@code Upload-Expires}).
     */
    void setMarker(Stored found, String markerKey, boolean markedFinished, Instant expiresAt) {
        this.marker = found;
        this.key = markerKey;
        this.finished = markedFinished;
        this.expires = expiresAt;
    }

    void setProcessing(Stored found) {
        this.processing = found;
    }

    /** The state of the processing steps ({@code processing/<upload id>}), or {@code null}. */
    Stored processing() {
        return processing;
    }

    /** Whether the upload is open and expired unfinished by {@code now} (tus's {@code Upload-Expires}). */
    boolean expiredAt(Instant now) {
        return isOpen() && expires != null && !now.isBefore(expires);
    }

    void setClaim(Stored found) {
        this.claim = found;
    }

    void addAbortTrace(Stored trace) {
        abortTraces.add(trace);
    }

    /** The traces the upload's aborts left ({@code aborts/<upload id>}, and the previous release's {@code /<token>}). */
    List<Stored> abortTraces() {
        return abortTraces;
    }

    /** Part attempts and sub-manifests. */
    List<Stored> segments() {
        return segments;
    }

    /** The marker, or {@code null}: none (aborted, or completed and cleaned up). */
    Stored marker() {
        return marker;
    }

    /** The key the marker names; {@code null} without a marker. */
    String key() {
        return key;
    }

    boolean isOpen() {
        return marker != null && !finished;
    }

    boolean isFinished() {
        return marker != null && finished;
    }

    /** The claim, or {@code null}. */
    Stored claim() {
        return claim;
    }
}
