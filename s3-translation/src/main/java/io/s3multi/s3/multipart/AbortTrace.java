package io.s3multi.s3.multipart;

import io.s3multi.s3.contract.SegmentsLayout;
import io.s3multi.s3.contract.UploadId;
import io.s3multi.s3.operation.S3Failures;
import io.s3multi.swift.SwiftAccount;
import io.s3multi.swift.SwiftHeaders;
import io.s3multi.swift.error.SwiftException;

/**
 * The trace an abort leaves once it has decided to delete an upload's parts, before it deletes the marker
 * ({@link SegmentsLayout#abortTrace(UploadId)}). A Complete that finds the marker gone behind its manifest needs it
 * to tell who deleted the marker: an abort (the Complete rolls back, as the parts are going) or another Complete's
 * clean-up (the object at the key is whole and answered for: the Complete keeps it). Only aborts that delete parts
 * write it (and a Complete's roll-back, which is one), so it is never withdrawn, and every abort of an upload writes
 * the same name: it is read by name, one HEAD, never found through a container listing, which can lag behind the
 * write ({@link CompletionHandler} has the whole argument). A Complete pays nothing for it on its common path.
 *
 * <p>It stays until the orphan sweeper removes it, older than its grace period, long after any Complete that could
 * race the abort has looked, or until Swift's object expirer does ({@link #EXPIRES_AFTER_SECONDS}).
 */
final class AbortTrace {

    /**
     * When Swift's object expirer removes a trace the sweeper did not: a gateway without background work (no
     * {@code service_key}) never sweeps, and its aborts would otherwise leave one object each for good. Two days:
     * far beyond any Complete that could race the abort (minutes), and beyond the sweeper's default grace (a day).
     */
    static final long EXPIRES_AFTER_SECONDS = 2 * 24 * 3600;

    private AbortTrace() {
    }

    /** Writes the trace of an abort of {@code uploadId} that deletes its parts: before the marker goes. */
    static void leave(SwiftAccount swift, UploadState state, UploadId uploadId) throws SwiftException {
        swift.objects().put(state.container(), SegmentsLayout.abortTrace(uploadId), new byte[0],
                SwiftHeaders.of("Content-Type", SegmentsLayout.ABORT_TRACE_CONTENT_TYPE,
                        "X-Delete-After", Long.toString(EXPIRES_AFTER_SECONDS)));
    }

    /**
     * Whether an abort of {@code uploadId} deleted (or is deleting) its parts: one HEAD of the trace's name, asking
     * Swift for the newest copy ({@link SwiftHeaders#newest}).
     */
    static boolean isLeft(SwiftAccount swift, UploadState state, UploadId uploadId) throws SwiftException {
        return S3Failures.unlessNotFound(() -> swift.objects().head(state.container(),
                SegmentsLayout.abortTrace(uploadId), SwiftHeaders.newest())).isPresent();
    }
}
