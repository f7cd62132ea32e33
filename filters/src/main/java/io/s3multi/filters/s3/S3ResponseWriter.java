package io.s3multi.filters.s3;

import io.s3multi.filters.pipeline.GatewayHeaders;
import io.s3multi.filters.pipeline.VerbatimContentType;
import io.s3multi.s3.error.S3Exception;
import io.s3multi.s3.operation.S3Body;
import io.s3multi.s3.operation.S3Response;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.io.OutputStream;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Writes a handler's {@link S3Response} to the servlet response: status, headers in their order (Content-Type
 * byte for byte, {@link VerbatimContentType}), {@code x-amz-request-id}, a {@code Content-Length} (the handler's own
 * when it set one, as HEAD does, otherwise the body's), and the body, streamed. A {@code HEAD} answer sends no
 * body; the body is closed in every case, returning the Swift connection it may hold. The body is written through
 * {@link ClientConnection}, which notes whether the client's connection failed under it.
 */
final class S3ResponseWriter {

    private static final String CONTENT_LENGTH = "Content-Length";
    private static final String CONTENT_TYPE = "Content-Type";

    private S3ResponseWriter() {
    }

    /** @return the S3 error the body wrote after its 200 went out ({@link S3Body#errorWritten()}), if any */
    static Optional<S3Exception> write(S3Response answer, boolean head, String requestId,
            HttpServletResponse response, ClientConnection client) throws IOException {
        try (S3Body body = answer.body()) {
            response.setStatus(answer.status());
            boolean lengthSet = false;
            for (Map.Entry<String, List<String>> header : answer.headers().entrySet()) {
                String name = header.getKey();
                if (CONTENT_LENGTH.equalsIgnoreCase(name)) {
                    response.setContentLengthLong(Long.parseLong(header.getValue().get(0)));
                    lengthSet = true;
                } else if (CONTENT_TYPE.equalsIgnoreCase(name)) {
                    VerbatimContentType.set(response, header.getValue().get(0));
                } else {
                    List<String> values = header.getValue();
                    response.setHeader(name, values.get(0));
                    for (int i = 1; i < values.size(); i++) {   // no stream per header: most have one value
                        response.addHeader(name, values.get(i));
                    }
                }
            }
            response.setHeader(GatewayHeaders.X_AMZ_REQUEST_ID, requestId);
            if (body == null) {
                if (!lengthSet && answer.status() != HttpServletResponse.SC_NO_CONTENT
                        && answer.status() != HttpServletResponse.SC_NOT_MODIFIED) {
                    response.setContentLength(0);
                }
                return Optional.empty();
            }
            if (!lengthSet && body.length() >= 0) {
                response.setContentLengthLong(body.length());
            }
            if (!head) {
                OutputStream out = client.watch(response.getOutputStream());
                body.writeTo(out, response::setHeader);
                out.flush();
            }
            return body.errorWritten();
        }
    }
}
