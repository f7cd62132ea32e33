package io.s3multi.s3.handler;

import io.s3multi.s3.error.S3Exception;
import java.util.Objects;

/**
 * ListBuckets: the containers of the identity's Swift account that are S3 buckets.
 */
public final class ServiceHandler {

    private final S3ApiSettings settings;

    public ServiceHandler(S3ApiSettings settings) {
        this.settings = Objects.requireNonNull(settings, "settings");
    }

    public S3Response listBuckets(S3Call call) {
        throw S3Exception.notImplemented("listBuckets is not implemented yet");
    }
}
