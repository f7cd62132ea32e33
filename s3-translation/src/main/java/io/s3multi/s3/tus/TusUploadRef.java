package io.s3multi.s3.tus;

import io.s3multi.s3.contract.UploadId;
import java.util.Objects;

/**
 * One tus upload as its URL names it: the Swift account and bucket it lives in, the key of the object it becomes,
 * and the multipart upload id it is stored as.
 *
 * @param account  the Swift account, such as {@code AUTH_test}
 * @param bucket   the bucket
 * @param key      the object key the finished upload is published at
 * @param uploadId the multipart upload in {@code <bucket>_segments}
 */
public record TusUploadRef(String account, String bucket, String key, UploadId uploadId) {

    public TusUploadRef {
        Objects.requireNonNull(account, "account");
        Objects.requireNonNull(bucket, "bucket");
        Objects.requireNonNull(key, "key");
        Objects.requireNonNull(uploadId, "uploadId");
    }
}
