package io.s3multi.s3.handler;

import io.s3multi.s3.error.S3Exception;
import java.util.Objects;

/**
 * Object operations on the Swift object that is the key: put, copy (server-side), get, head, delete, ACL, tagging.
 */
public final class ObjectHandler {

    private final S3ApiSettings settings;

    public ObjectHandler(S3ApiSettings settings) {
        this.settings = Objects.requireNonNull(settings, "settings");
    }

    public S3Response putObject(S3Call call) {
        throw S3Exception.notImplemented("putObject is not implemented yet");
    }

    public S3Response copyObject(S3Call call) {
        throw S3Exception.notImplemented("copyObject is not implemented yet");
    }

    public S3Response getObject(S3Call call) {
        throw S3Exception.notImplemented("getObject is not implemented yet");
    }

    public S3Response headObject(S3Call call) {
        throw S3Exception.notImplemented("headObject is not implemented yet");
    }

    public S3Response deleteObject(S3Call call) {
        throw S3Exception.notImplemented("deleteObject is not implemented yet");
    }

    public S3Response getObjectAcl(S3Call call) {
        throw S3Exception.notImplemented("getObjectAcl is not implemented yet");
    }

    public S3Response putObjectAcl(S3Call call) {
        throw S3Exception.notImplemented("putObjectAcl is not implemented yet");
    }

    public S3Response getObjectTagging(S3Call call) {
        throw S3Exception.notImplemented("getObjectTagging is not implemented yet");
    }

    public S3Response putObjectTagging(S3Call call) {
        throw S3Exception.notImplemented("putObjectTagging is not implemented yet");
    }

    public S3Response deleteObjectTagging(S3Call call) {
        throw S3Exception.notImplemented("deleteObjectTagging is not implemented yet");
    }
}
