package io.s3multi.s3.multipart;

import io.s3multi.s3.contract.SegmentsLayout;
import io.s3multi.s3.contract.UploadId;
import io.s3multi.swift.SwiftAccount;
import io.s3multi.swift.SwiftHeaders;
import io.s3multi.swift.error.SwiftException;
import java.util.UUID;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The trace one abort leaves before it deletes an upload's marker ({@link SegmentsLayout#abortTrace}). A Complete
 * that finds the marker gone behind its manifest needs it to tell who deleted the marker: an abort (the Complete
 * rolls back, as the abort may be deleting the parts) or another Complete's clean-up (the object at the key is
 * whole and answered for: the Complete keeps it). Only aborts write it, and aborts are rare: a Complete pays nothing
 * for it on its common path ({@link CompletionHandler} has the whole argument).
 *
 * <p>An abort withdraws its own trace when it deleted nothing (its marker delete failed, or it found a Complete's
 * manifest at the key and left the parts to it); otherwise the trace stays until the orphan sweeper removes it,
 * older than its grace period, long after any Complete that could race the abort has looked, or until Swift's
 * object expirer does ({@link #EXPIRES_AFTER_SECONDS}).
 */
final class AbortTrace {

    private static final Logger LOG = LoggerFactory.getLogger(AbortTrace.class);
    /**
     * When Swift's object expirer removes a trace the sweeper did not: a gateway without background work (no
     * {@code service_key}) never sweeps, and its aborts would otherwise leave one object each for good. Two days:
     * far beyond any Complete that could race the abort (minutes), and beyond the sweeper's default grace (a day).
     */
    static final long EXPIRES_AFTER_SECONDS = 2 * 24 * 3600;

    private final UploadState state;
    private final String name;

    private AbortTrace(UploadState state, String name) {
        this.state = state;
        this.name = name;
    }

    /** Writes a trace of an abort of {@code uploadId}: before the marker goes. */
    static AbortTrace leave(SwiftAccount swift, UploadState state, UploadId uploadId) throws SwiftException {
        String name = SegmentsLayout.abortTrace(uploadId, UUID.randomUUID().toString().replace("-", ""));
        swift.objects().put(state.container(), name, new byte[0],
                SwiftHeaders.of("Content-Type", SegmentsLayout.ABORT_TRACE_CONTENT_TYPE,
                        "X-Delete-After", Long.toString(EXPIRES_AFTER_SECONDS)));
        return new AbortTrace(state, name);
    }

    /** Whether any abort of {@code uploadId} left its trace (one listing of {@link SegmentsLayout#abortTracesPrefix}). */
    static boolean anyLeft(UploadState state, UploadId uploadId) throws SwiftException {
        return !state.listAll(SegmentsLayout.abortTracesPrefix(uploadId)).isEmpty();
    }

    /**
     * Removes this abort's trace: it deleted no part. Never throws: a trace left over (until the sweeper removes it)
     * only matters to a Complete that finds the marker gone, which then rolls back: the outcome of a Complete that
     * raced an abort, instead of the earlier answer of another Complete that finished.
     */
    void withdraw() {
        try {
            state.deleteQuietly(name);
        } catch (SwiftException | RuntimeException e) {
            LOG.warn("could not withdraw the abort trace {}/{} (the sweeper removes it): {}", state.container(), name,
                    e.toString());
        }
    }
}
