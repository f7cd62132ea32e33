package io.s3multi.filters.s3;

import io.s3multi.filters.pipeline.ClientTooSlowException;
import io.s3multi.s3.auth.S3AuthException;
import io.s3multi.s3.error.S3Exception;
import io.s3multi.s3.integrity.S3IntegrityException;
import io.s3multi.s3.operation.SwiftStatusMapper;
import io.s3multi.s3.request.S3Request;
import io.s3multi.swift.error.SwiftException;
import java.io.EOFException;

/**
 * Turns anything an S3 operation throws into the one {@link S3Exception} its client gets: the single catch at
 * the edge of the S3 stages.
 *
 * <p>The cause chain is searched first, because the interesting failure is often wrapped: a body that failed
 * its checksum surfaces as the cause of Swift's {@code SwiftUploadAbortedException}.
 * <ol>
 *   <li>an {@link S3Exception} anywhere in the chain is the answer;</li>
 *   <li>an {@link S3AuthException} or {@link S3IntegrityException} becomes the S3 error of its code, with its
 *       detail elements ({@code SignatureDoesNotMatch}, {@code BadDigest}, {@code IncompleteBody}, ...);</li>
 *   <li>an {@link EOFException} (the client's body ended before its Content-Length) is {@code IncompleteBody};
 *       a {@link ClientTooSlowException} (the body arrived slower than the server's minimum upload rate) is
 *       {@code RequestTimeout};</li>
 *   <li>a {@link SwiftException} goes through {@link SwiftStatusMapper}, the one table of Swift failures;</li>
 *   <li>anything else is an {@code InternalError}, which the caller logs with its stack trace; the client sees
 *       only the code and the request id.</li>
 * </ol>
 */
public final class S3Failures {

    private S3Failures() {
    }

    /**
     * @param failure what was thrown
     * @param request the parsed request, for the context of Swift errors (bucket, key); may be null
     */
    public static S3Exception toS3(Throwable failure, S3Request request) {
        for (Throwable t = failure; t != null; t = t.getCause() == t ? null : t.getCause()) {
            if (t instanceof S3Exception s3) {
                return s3;
            }
            if (t instanceof S3AuthException auth) {
                return auth.toS3();
            }
            if (t instanceof S3IntegrityException integrity) {
                return integrity.toS3();
            }
        }
        if (causedBy(failure, ClientTooSlowException.class)) {   // the container may wrap it in an EOFException
            return S3Exception.requestTimeout().withReason("client.too_slow");
        }
        if (causedBy(failure, EOFException.class)) {
            return S3Exception.incompleteBody().withReason("client.eof");
        }
        if (failure instanceof SwiftException swift) {
            return SwiftStatusMapper.toS3(swift, targetOf(request));
        }
        return S3Exception.internalError(failure.getClass().getSimpleName(), failure);
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
