package io.s3multi.s3.multipart;

import io.s3multi.s3.auth.S3AuthException;
import io.s3multi.s3.error.S3Exception;
import io.s3multi.s3.integrity.S3IntegrityException;
import io.s3multi.s3.operation.SwiftStatusMapper;
import io.s3multi.swift.error.SwiftException;
import io.s3multi.swift.error.SwiftHttpStatusException;
import io.s3multi.swift.error.SwiftUploadAbortedException;

/**
 * Swift failures of the multipart operations as S3 errors: the frame's table, plus the causes a body stream
 * throws to stop an upload (a failed signature or checksum, a body shorter than announced), which must reach the
 * client as their own code.
 */
final class SwiftFailures {

    private SwiftFailures() {
    }

    static S3Exception toS3(SwiftException failure, SwiftStatusMapper.Target target) {
        if (failure instanceof SwiftUploadAbortedException aborted) {
            // The client's body stopped the upload (short, broken, or failing a check): the client's error.
            return io.s3multi.s3.handler.object.SwiftFailures.fromBodyFailure(
                    aborted.getCause() == null ? aborted : aborted.getCause());
        }
        for (Throwable cause = failure.getCause(); cause != null; cause = cause.getCause()) {
            if (cause instanceof S3Exception s3) {
                return s3;
            }
            if (cause instanceof S3AuthException auth) {
                return auth.toS3();
            }
            if (cause instanceof S3IntegrityException integrity) {
                return integrity.toS3();
            }
        }
        return SwiftStatusMapper.toS3(failure, target);
    }

    static boolean isStatus(SwiftException failure, int status) {
        return failure instanceof SwiftHttpStatusException http && http.status() == status;
    }
}
