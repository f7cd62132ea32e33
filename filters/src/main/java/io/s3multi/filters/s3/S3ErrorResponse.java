package io.s3multi.filters.s3;

import io.s3multi.filters.pipeline.GatewayHeaders;
import io.s3multi.filters.pipeline.PipelineAttributes;
import io.s3multi.s3.error.S3ErrorXml;
import io.s3multi.s3.error.S3Exception;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;

/**
 * Writes an {@link S3Exception} to the client as AWS does: its status, {@code x-amz-request-id}, the headers the
 * error carries ({@link S3Exception#responseHeaders()}), and the {@code <Error>} document from {@link S3ErrorXml};
 * no body for {@code HEAD}, whose clients read the status, nor for {@code 304 Not Modified}, which HTTP forbids
 * to carry one. Whatever the response held before is reset; the caller checks that it was not committed.
 */
public final class S3ErrorResponse {

    private S3ErrorResponse() {
    }

    public static void send(HttpServletRequest request, HttpServletResponse response, S3Exception error,
            String requestId) throws IOException {
        response.reset();
        PipelineAttributes.ACCESS_LOG_NOTE.set(request, error.code().wireCode());
        response.setStatus(error.httpStatus());
        response.setHeader(GatewayHeaders.X_AMZ_REQUEST_ID, requestId);
        error.responseHeaders().forEach(response::setHeader);
        if (error.httpStatus() == HttpServletResponse.SC_NOT_MODIFIED) {
            return;
        }
        if ("HEAD".equals(request.getMethod())) {
            response.setContentLength(0);
            return;
        }
        byte[] body = S3ErrorXml.render(error, requestId, null);
        response.setContentType(S3ErrorXml.CONTENT_TYPE);
        response.setContentLength(body.length);
        response.getOutputStream().write(body);
    }
}
