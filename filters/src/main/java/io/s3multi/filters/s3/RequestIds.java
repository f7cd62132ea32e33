package io.s3multi.filters.s3;

import io.s3multi.filters.pipeline.PipelineAttributes;
import jakarta.servlet.http.HttpServletRequest;
import java.util.UUID;

/**
 * The id an S3 answer carries as {@code x-amz-request-id}: catch_errors' transaction id, or, in a pipeline
 * without catch_errors, one made up here and stored the same way so every stage reports the same id.
 */
public final class RequestIds {

    private RequestIds() {
    }

    public static String of(HttpServletRequest request) {
        return PipelineAttributes.TRANS_ID.find(request).orElseGet(() -> {
            String id = "tx" + UUID.randomUUID().toString().replace("-", "");
            PipelineAttributes.TRANS_ID.set(request, id);
            return id;
        });
    }
}
