package io.s3multi.s3.handler.object;

import io.s3multi.s3.auth.S3AuthException;
import io.s3multi.s3.error.S3Exception;
import io.s3multi.s3.integrity.S3IntegrityException;
import io.s3multi.s3.operation.SwiftStatusMapper;
import io.s3multi.swift.SwiftAccount;
import io.s3multi.swift.error.SwiftException;
import io.s3multi.swift.error.SwiftHttpStatusException;
import io.s3multi.swift.error.SwiftUploadAbortedException;
import java.io.IOException;
import java.net.SocketTimeoutException;
import java.util.Map;
import java.util.concurrent.TimeoutException;

/**
 * Turns failures of object requests into the S3 errors AWS gives, on top of {@link SwiftStatusMapper}.
 *
 * <p>Two things need more than the status table. A 404 on an object means either a missing key or a missing
 * bucket, which S3 tells apart ({@code NoSuchKey} / {@code NoSuchBucket}), so a 404 costs one container HEAD.
 * And an upload that the gateway stopped on purpose carries its reason as the cause: a checksum or signature
 * failure of the client's body ({@link S3IntegrityException}, {@link S3AuthException}) becomes that S3 error.
 */
public final class SwiftFailures {

    private SwiftFailures() {
    }

    /** The S3 error for a failed request about object {@code key} of {@code bucket}. */
    public static S3Exception forObject(SwiftException failure, SwiftAccount swift, String bucket, String key) {
        if (isNotFound(failure)) {
            return bucketExists(swift, bucket) ? S3Exception.noSuchKey(key) : S3Exception.noSuchBucket(bucket);
        }
        if (failure instanceof SwiftUploadAbortedException aborted) {
            return fromBodyFailure(aborted.getCause() == null ? aborted : aborted.getCause());
        }
        return SwiftStatusMapper.toS3(failure, SwiftStatusMapper.Target.object(bucket, key));
    }

    /** Whether Swift answered 404. */
    public static boolean isNotFound(SwiftException failure) {
        return failure instanceof SwiftHttpStatusException status && status.status() == 404;
    }

    /** Whether the bucket's container exists (a HEAD); failures other than 404 are thrown as S3 errors. */
    public static boolean bucketExists(SwiftAccount swift, String bucket) {
        try {
            swift.containers().head(bucket);
            return true;
        } catch (SwiftException failure) {
            if (isNotFound(failure)) {
                return false;
            }
            throw SwiftStatusMapper.toS3(failure, SwiftStatusMapper.Target.bucket(bucket));
        }
    }

    /** {@code NoSuchBucket} unless the bucket's container exists. */
    public static void requireBucket(SwiftAccount swift, String bucket) {
        if (!bucketExists(swift, bucket)) {
            throw S3Exception.noSuchBucket(bucket);
        }
    }

    /**
     * The S3 error for a failure raised by the client's body or by opening it: a checksum, digest or signature
     * check, a body ending early, arriving too slowly ({@code RequestTimeout}), or the client connection breaking.
     */
    public static S3Exception fromBodyFailure(Throwable failure) {
        if (failure instanceof S3Exception s3) {
            return s3;
        }
        var integrity = S3IntegrityException.findIn(failure);
        if (integrity.isPresent()) {
            return integrity.get().toS3();
        }
        for (Throwable t = failure; t != null; t = t.getCause()) {
            if (t instanceof S3AuthException auth) {
                return auth.toS3();
            }
            if (t instanceof S3Exception s3) {
                return s3;
            }
        }
        for (Throwable t = failure; t != null; t = t.getCause()) {
            if (t instanceof TimeoutException || t instanceof SocketTimeoutException) {
                // The client stopped sending (the server's idle timeout) or sent too slowly (its minimum upload
                // rate): AWS answers RequestTimeout to a socket that was not read from in time.
                return S3Exception.requestTimeout().withReason("clientBody.timeout");
            }
        }
        if (failure instanceof IOException || failure.getCause() instanceof IOException) {
            // The client's connection broke or ended before the announced length.
            return S3Exception.incompleteBody().withReason("clientBody");
        }
        return S3Exception.internalError("upload stopped: " + failure, failure);
    }

}
