package io.s3multi.s3.multipart;

import io.s3multi.s3.error.S3ErrorCode;
import io.s3multi.s3.error.S3Exception;
import io.s3multi.s3.operation.MissingBucket;
import io.s3multi.s3.operation.S3Call;
import io.s3multi.s3.operation.S3Failures;
import io.s3multi.s3.request.S3Operation;
import java.util.Objects;

/**
 * Another account's multipart state is {@code AccessDenied}, as AWS answers, not a 404.
 *
 * <p>The multipart handlers see only the caller's Swift account, where another account's bucket, its uploads and
 * a copy source in it are all simply missing. Answering {@code NoSuchBucket}, {@code NoSuchUpload} or
 * {@code NoSuchKey} there would tell an outsider which buckets and uploads do not exist. So a 404 of that kind is
 * checked against the bucket registry ({@link MissingBucket}): when the bucket (the target, or UploadPartCopy's
 * source) is recorded for another account and is not a container of the caller's account, the answer is
 * {@code AccessDenied}. Only failures pay for the check (a registry HEAD, and a container HEAD for an upload or
 * a key); without a registry nothing changes.
 */
final class ForeignUploads {

    private final MissingBucket missingBucket;

    ForeignUploads(MissingBucket missingBucket) {
        this.missingBucket = Objects.requireNonNull(missingBucket, "missingBucket");
    }

    /** {@code failure}, or {@code AccessDenied} when it only hides another account's bucket. */
    S3Exception translate(S3Operation operation, S3Call call, S3Exception failure) {
        if (failure.code() == S3ErrorCode.NO_SUCH_BUCKET) {
            return missingBucket.translate(call, failure);
        }
        if (failure.code() == S3ErrorCode.NO_SUCH_UPLOAD) {
            return denied(call, call.bucket()) ? accessDenied() : failure;
        }
        if (failure.code() == S3ErrorCode.NO_SUCH_KEY && operation == S3Operation.UPLOAD_PART_COPY) {
            String source = PartCopySource.parse(call.request().header("x-amz-copy-source")).bucket();
            return denied(call, source) ? accessDenied() : failure;
        }
        return failure;
    }

    /** Whether {@code bucket} is recorded for another account and missing from the caller's. */
    private boolean denied(S3Call call, String bucket) {
        return missingBucket.answer(call, bucket).code() == S3ErrorCode.ACCESS_DENIED
                && !S3Failures.bucketExists(call.swift(), bucket);
    }

    private static S3Exception accessDenied() {
        return S3Exception.accessDenied().withReason("bucket.other_owner");
    }
}
