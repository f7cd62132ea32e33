package io.s3multi.s3.multipart;

import io.s3multi.swift.SwiftAccount;
import io.s3multi.swift.SwiftHeaders;
import io.s3multi.swift.error.SwiftException;

/**
 * The object {@code claims/<upload id>} that decides who finishes an upload: Complete and Abort both create
 * it with {@code If-None-Match: *} before they change anything, so exactly one of them wins however they
 * interleave, and the loser answers NoSuchUpload (or, for a second Complete, the winner's answer).
 *
 * <p>The winner keeps the claim until the marker is gone, and whoever wins a claim checks the marker again
 * afterwards: so a request that wins a claim released by a finished Complete or Abort sees the upload gone
 * and never touches the parts of a completed object. The claim lives only while one request works: a
 * completed upload keeps nothing in {@code <bucket>_segments} but the segments its object uses.
 */
final class Claim {

    enum State { COMPLETING, ABORTING }

    private static final String META_STATE = UploadInfo.RESERVED_META + "State";

    private Claim() {
    }

    /** Creates the claim; false when another request holds it. */
    static boolean tryCreate(SwiftAccount swift, UploadState upload, UploadId uploadId, State state)
            throws SwiftException {
        try {
            swift.objects().put(upload.container(), SegmentsLayout.claim(uploadId), new byte[0], SwiftHeaders.of(
                    "If-None-Match", "*",
                    "Content-Type", "application/x-s3multi-claim",
                    META_STATE, state.name()));
            return true;
        } catch (SwiftException e) {
            if (SwiftFailures.isStatus(e, 412)) {
                return false;
            }
            throw e;
        }
    }

    /** Whether someone holds the claim. */
    static boolean isHeld(SwiftAccount swift, UploadState upload, UploadId uploadId) throws SwiftException {
        try {
            swift.objects().head(upload.container(), SegmentsLayout.claim(uploadId), SwiftHeaders.empty());
            return true;
        } catch (SwiftException e) {
            if (SwiftFailures.isStatus(e, 404)) {
                return false;
            }
            throw e;
        }
    }

    static void release(UploadState upload, UploadId uploadId) throws SwiftException {
        upload.deleteQuietly(SegmentsLayout.claim(uploadId));
    }
}
