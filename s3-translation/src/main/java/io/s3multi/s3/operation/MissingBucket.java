package io.s3multi.s3.operation;

import io.s3multi.s3.error.S3ErrorCode;
import io.s3multi.s3.error.S3Exception;

/**
 * What an object operation answers when a bucket it names (the target, or a copy's source) is not a container
 * of the caller's account.
 *
 * <p>The object handlers only know the caller's account, so on their own they answer {@code NoSuchBucket}
 * ({@link #NO_SUCH_BUCKET}). AWS answers {@code AccessDenied} when the bucket exists but belongs to someone else;
 * a stage that knows bucket owners (the bucket registry) supplies a {@code MissingBucket} that says so
 * ({@code io.s3multi.s3.handler.RegistryMissingBucket}).
 */
@FunctionalInterface
public interface MissingBucket {

    /** Always {@code NoSuchBucket}. */
    MissingBucket NO_SUCH_BUCKET = (call, bucket) -> S3Exception.noSuchBucket(bucket);

    /** The error for {@code bucket}, which is not a container of {@code call}'s account. */
    S3Exception answer(S3Call call, String bucket);

    /** {@code failure} itself, unless it is a {@code NoSuchBucket}, which becomes this strategy's answer. */
    default S3Exception translate(S3Call call, S3Exception failure) {
        if (failure.code() == S3ErrorCode.NO_SUCH_BUCKET && failure.details().containsKey("BucketName")) {
            return answer(call, failure.details().get("BucketName"));
        }
        return failure;
    }
}
