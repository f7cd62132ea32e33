package io.s3multi.s3.handler;

import io.s3multi.s3.error.S3Exception;
import java.util.Objects;

/**
 * DeleteObjects: up to the configured number of keys in one request, quiet mode, per-key results.
 */
public final class MultiDeleteHandler {

    private final S3ApiSettings settings;

    public MultiDeleteHandler(S3ApiSettings settings) {
        this.settings = Objects.requireNonNull(settings, "settings");
    }

    public S3Response deleteObjects(S3Call call) {
        throw S3Exception.notImplemented("deleteObjects is not implemented yet");
    }
}
