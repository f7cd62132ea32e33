package io.s3multi.s3.handler;

import io.s3multi.s3.error.S3Exception;
import java.util.Objects;

/**
 * Bucket operations on the container that is the bucket: create, delete, head, location, listings, versioning, ACL, tagging.
 */
public final class BucketHandler {

    private final S3ApiSettings settings;

    public BucketHandler(S3ApiSettings settings) {
        this.settings = Objects.requireNonNull(settings, "settings");
    }

    public S3Response createBucket(S3Call call) {
        throw S3Exception.notImplemented("createBucket is not implemented yet");
    }

    public S3Response deleteBucket(S3Call call) {
        throw S3Exception.notImplemented("deleteBucket is not implemented yet");
    }

    public S3Response headBucket(S3Call call) {
        throw S3Exception.notImplemented("headBucket is not implemented yet");
    }

    public S3Response getBucketLocation(S3Call call) {
        throw S3Exception.notImplemented("getBucketLocation is not implemented yet");
    }

    public S3Response listObjects(S3Call call) {
        throw S3Exception.notImplemented("listObjects is not implemented yet");
    }

    public S3Response listObjectsV2(S3Call call) {
        throw S3Exception.notImplemented("listObjectsV2 is not implemented yet");
    }

    public S3Response listObjectVersions(S3Call call) {
        throw S3Exception.notImplemented("listObjectVersions is not implemented yet");
    }

    public S3Response getBucketVersioning(S3Call call) {
        throw S3Exception.notImplemented("getBucketVersioning is not implemented yet");
    }

    public S3Response putBucketVersioning(S3Call call) {
        throw S3Exception.notImplemented("putBucketVersioning is not implemented yet");
    }

    public S3Response getBucketAcl(S3Call call) {
        throw S3Exception.notImplemented("getBucketAcl is not implemented yet");
    }

    public S3Response putBucketAcl(S3Call call) {
        throw S3Exception.notImplemented("putBucketAcl is not implemented yet");
    }

    public S3Response getBucketTagging(S3Call call) {
        throw S3Exception.notImplemented("getBucketTagging is not implemented yet");
    }

    public S3Response putBucketTagging(S3Call call) {
        throw S3Exception.notImplemented("putBucketTagging is not implemented yet");
    }

    public S3Response deleteBucketTagging(S3Call call) {
        throw S3Exception.notImplemented("deleteBucketTagging is not implemented yet");
    }
}
