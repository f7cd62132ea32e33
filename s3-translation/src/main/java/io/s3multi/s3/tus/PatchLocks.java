package io.s3multi.s3.tus;

import io.s3multi.s3.multipart.Claim;
import io.s3multi.s3.multipart.FinishLocks;
import io.s3multi.s3.multipart.UploadState;
import io.s3multi.s3.operation.S3Failures;
import io.s3multi.swift.error.SwiftException;
import java.time.Duration;
import java.util.Optional;

/**
 * One PATCH per upload at a time, on every gateway in front of the same Swift: the locks Complete and Abort take
 * ({@link FinishLocks}), with a claim of its own ({@code parts/<upload id>/patching}, {@link Claim.Purpose#PATCHING}).
 * Within this gateway the second PATCH waits for the first, between gateways it looks at the claim again with
 * backoff; it is answered 423 Locked when the first does not end within a short wait (the wait lets a client that
 * resumes at once, after a connection it saw break, in while the gateway is still noticing the break). A gateway
 * that dies while a PATCH holds the claim stops refreshing it, and the claim is taken over after the claim timeout
 * ({@code filter.s3multi.claim_timeout}, the same as Complete's and Abort's: they share the lock).
 *
 * <p>Swift has no compare-and-set, so two claims created within the same moment can both succeed; behind the claim
 * {@link PatchWriter} still checks, after each piece, that its piece is the one that counts.
 */
final class PatchLocks {

    private final FinishLocks locks;
    private final Duration patience;

    /** @param claimTimeout how long a claim may go unrefreshed before another PATCH (or a finisher) takes it over */
    PatchLocks(Duration patience, Duration claimTimeout) {
        this.patience = patience;
        this.locks = new FinishLocks(claimTimeout);
    }

    /** The locks of {@code upload}, held until closed; empty when another PATCH kept them past the wait. */
    Optional<AutoCloseable> tryLock(TusCall call, TusUploadRef upload) throws SwiftException {
        try {
            return locks.lock(call.swift(), new UploadState(call.swift(), upload.bucket()), upload.uploadId(),
                    Claim.Purpose.PATCHING, call.clock(), patience).map(held -> held::release);
        } catch (SwiftException failure) {
            if (S3Failures.isStatus(failure, 404)) {
                // No <bucket>_segments to claim in: the bucket has no upload at all.
                throw new TusException(404, "no such upload in progress");
            }
            throw failure;
        }
    }
}
