package io.s3multi.s3.operation;

import io.s3multi.s3.error.S3Exception;
import io.s3multi.s3.request.S3Request;
import io.s3multi.swift.SwiftAccount;
import io.s3multi.swift.error.SwiftException;
import io.s3multi.swift.error.SwiftHttpStatusException;
import io.s3multi.swift.error.SwiftUploadAbortedException;
import java.io.EOFException;
import java.io.IOException;
import java.net.SocketTimeoutException;
import java.util.Optional;
import java.util.concurrent.TimeoutException;

/**
 * The one mapper from whatever an S3 operation throws to the {@link S3Exception} its client gets, on top of
 * {@link SwiftStatusMapper} (the table of Swift statuses).
 *
 * <ol>
 *   <li>An {@code S3Exception} anywhere in the cause chain is the answer, with its details: the interesting
 *       failure is often wrapped, e.g. a body that failed its checksum or chunk signature is the cause of the
 *       {@link SwiftUploadAbortedException} of the upload it stopped.</li>
 *   <li>An upload that the client's body stopped is the client's error ({@link #fromBodyFailure}): too slow is
 *       {@code RequestTimeout}, short or broken is {@code IncompleteBody}.</li>
 *   <li>Any other {@link SwiftException} goes through the status table with what the request addressed.</li>
 *   <li>Outside Swift, a body read that timed out is {@code RequestTimeout}, one that ended early is
 *       {@code IncompleteBody}; anything else is a logged {@code InternalError} that tells the client nothing.</li>
 * </ol>
 *
 * <p>A 404 on an object means a missing key or a missing bucket, which S3 tells apart: {@link #forObject} spends
 * one container HEAD on it. Operations for which one Swift status means something of their own (a HEAD's 404 is
 * "absent", a conditional PUT's 412 is "taken") say so with {@link #unlessNotFound}, {@link #unlessStatus},
 * {@link #ignoringNotFound} or {@link #isStatus} instead of a catch of their own.
 */
public final class S3Failures {

    private S3Failures() {
    }

    /** One or more Swift requests whose result is wanted. */
    @FunctionalInterface
    public interface SwiftCall<T> {
        T run() throws SwiftException;
    }

    /** One or more Swift requests run for their effect. */
    @FunctionalInterface
    public interface SwiftAction {
        void run() throws SwiftException;
    }

    // ---- the edge ----

    /**
     * The S3 error for anything an operation on {@code request} threw.
     *
     * @param request the parsed request, for the context of Swift errors (bucket, key); may be null
     */
    public static S3Exception toS3(Throwable failure, S3Request request) {
        return toS3(failure, targetOf(request));
    }

    /** The S3 error for anything a request about {@code target} threw. */
    private static S3Exception toS3(Throwable failure, SwiftStatusMapper.Target target) {
        Optional<S3Exception> s3 = findIn(failure);
        if (s3.isPresent()) {
            return s3.get();
        }
        if (failure instanceof SwiftUploadAbortedException aborted) {
            return fromBodyFailure(aborted.getCause() == null ? aborted : aborted.getCause());
        }
        if (failure instanceof SwiftException swift) {
            return SwiftStatusMapper.toS3(swift, target);
        }
        if (causedBy(failure, TimeoutException.class)) {   // the container may wrap it in an EOFException
            return S3Exception.requestTimeout().withReason("client.too_slow");
        }
        if (causedBy(failure, EOFException.class)) {
            return S3Exception.incompleteBody().withReason("client.eof");
        }
        return S3Exception.internalError(failure.getClass().getSimpleName(), failure);
    }

    /**
     * Runs one S3 operation: the edge where its Swift failures become S3 errors, addressed as the request is (its
     * object, else its bucket, else the account). Handler methods run their body here and let every Swift failure
     * that means nothing particular to them reach this point.
     */
    public static <T> T forCall(S3Call call, SwiftCall<T> operation) {
        return mapped(targetOf(call.request()), operation);
    }

    /** Runs Swift requests about {@code target}; a failure is thrown as its S3 error. */
    public static <T> T mapped(SwiftStatusMapper.Target target, SwiftCall<T> call) {
        try {
            return call.run();
        } catch (SwiftException failure) {
            throw toS3(failure, target);
        }
    }

    // ---- objects and buckets ----

    /** The S3 error for a failed request about object {@code key} of {@code bucket}: a 404 costs a bucket HEAD. */
    public static S3Exception forObject(SwiftException failure, SwiftAccount swift, String bucket, String key) {
        if (isNotFound(failure)) {
            return bucketExists(swift, bucket) ? S3Exception.noSuchKey(key) : S3Exception.noSuchBucket(bucket);
        }
        return toS3(failure, SwiftStatusMapper.Target.object(bucket, key));
    }

    /** Runs Swift requests about object {@code key} of {@code bucket}; a failure is thrown as {@link #forObject}. */
    public static <T> T onObject(SwiftAccount swift, String bucket, String key, SwiftCall<T> call) {
        try {
            return call.run();
        } catch (SwiftException failure) {
            throw forObject(failure, swift, bucket, key);
        }
    }

    /** Whether the bucket's container exists (a HEAD); failures other than 404 are thrown as S3 errors. */
    public static boolean bucketExists(SwiftAccount swift, String bucket) {
        return mapped(SwiftStatusMapper.Target.bucket(bucket),
                () -> unlessNotFound(() -> swift.containers().head(bucket)).isPresent());
    }

    /** {@code NoSuchBucket} unless the bucket's container exists. */
    public static void requireBucket(SwiftAccount swift, String bucket) {
        if (!bucketExists(swift, bucket)) {
            throw S3Exception.noSuchBucket(bucket);
        }
    }

    // ---- the client's body ----

    /**
     * The S3 error for a failure raised by the client's body or by opening it: a checksum, digest or signature
     * check, a body ending early, arriving too slowly ({@code RequestTimeout}), or the client connection breaking.
     */
    public static S3Exception fromBodyFailure(Throwable failure) {
        Optional<S3Exception> s3 = findIn(failure);
        if (s3.isPresent()) {
            return s3.get();
        }
        if (causedBy(failure, TimeoutException.class) || causedBy(failure, SocketTimeoutException.class)) {
            // The client stopped sending (the server's idle timeout) or sent too slowly (its minimum upload
            // rate): AWS answers RequestTimeout to a socket that was not read from in time.
            return S3Exception.requestTimeout().withReason("clientBody.timeout");
        }
        if (failure instanceof IOException || failure.getCause() instanceof IOException) {
            // The client's connection broke or ended before the announced length.
            return S3Exception.incompleteBody().withReason("clientBody");
        }
        return S3Exception.internalError("upload stopped: " + failure, failure);
    }

    // ---- statuses that mean something to one operation ----

    /** Whether Swift answered {@code status}. */
    public static boolean isStatus(SwiftException failure, int status) {
        return failure instanceof SwiftHttpStatusException http && http.status() == status;
    }

    /** Whether Swift answered 404. */
    public static boolean isNotFound(SwiftException failure) {
        return isStatus(failure, 404);
    }

    /** The call's result, or empty where Swift answers 404 (the thing is absent); other failures are thrown. */
    public static <T> Optional<T> unlessNotFound(SwiftCall<T> call) throws SwiftException {
        return unlessStatus(404, call);
    }

    /** The call's result, or empty where Swift answers {@code status}; other failures are thrown. */
    public static <T> Optional<T> unlessStatus(int status, SwiftCall<T> call) throws SwiftException {
        try {
            return Optional.of(call.run());
        } catch (SwiftException failure) {
            if (isStatus(failure, status)) {
                return Optional.empty();
            }
            throw failure;
        }
    }

    /** Runs the action; a 404 (already absent) is no failure. */
    public static void ignoringNotFound(SwiftAction action) throws SwiftException {
        unlessNotFound(() -> {
            action.run();
            return Boolean.TRUE;
        });
    }

    // ---- the cause chain ----

    /** The first S3 error in a cause chain (an auth or integrity failure a body stream threw, say). */
    public static Optional<S3Exception> findIn(Throwable failure) {
        for (Throwable t = failure; t != null; t = t.getCause() == t ? null : t.getCause()) {
            if (t instanceof S3Exception s3) {
                return Optional.of(s3);
            }
        }
        return Optional.empty();
    }

    private static boolean causedBy(Throwable failure, Class<? extends Throwable> type) {
        for (Throwable t = failure; t != null; t = t.getCause() == t ? null : t.getCause()) {
            if (type.isInstance(t)) {
                return true;
            }
        }
        return false;
    }

    private static SwiftStatusMapper.Target targetOf(S3Request request) {
        if (request == null || request.bucket() == null) {
            return SwiftStatusMapper.Target.account();
        }
        return request.key() == null
                ? SwiftStatusMapper.Target.bucket(request.bucket())
                : SwiftStatusMapper.Target.object(request.bucket(), request.key());
    }
}
