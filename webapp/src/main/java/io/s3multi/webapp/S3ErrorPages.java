package io.s3multi.webapp;

import io.s3multi.s3.error.S3ErrorXml;
import io.s3multi.s3.error.S3Exception;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.util.UUID;
import org.eclipse.jetty.http.HttpHeader;
import org.eclipse.jetty.server.Request;
import org.eclipse.jetty.server.Response;
import org.eclipse.jetty.server.handler.ErrorHandler;
import org.eclipse.jetty.util.Callback;

/**
 * The error answer Jetty itself gives to requests it refuses before any filter runs (a request line it cannot
 * parse, such as a key with {@code %00}; a malformed header): an S3 {@code <Error>} document, as every other S3
 * failure, instead of Jetty's HTML page. {@code 400} is {@code InvalidRequest}, {@code 500} is
 * {@code InternalError}; other statuses keep Jetty's page.
 *
 * <p>Jetty hands over an unparsable request without its path (as {@code /badMessage}) and says only
 * "Bad Request", so neither the exact cause nor the dialect can be told: such answers are S3's, the gateway's main
 * dialect (a Swift client reads a 400 either way). Errors on a known native Swift path ({@code /v1/},
 * {@code /auth/}, {@code /info}) keep Jetty's page.
 *
 * <p>No pipeline stage ran, so there is no transaction id yet: the answer carries one of its own, {@code tx}
 * and 32 hex digits, in {@code x-amz-request-id} and the body.
 */
final class S3ErrorPages extends ErrorHandler {

    @Override
    protected void generateResponse(Request request, Response response, int code, String message, Throwable cause,
            Callback callback) throws IOException {
        S3Exception error = code == 400 ? S3Exception.invalidRequest("Bad Request").withReason("container")
                : code == 500 ? S3Exception.internalError("container: " + message) : null;
        if (error == null || isNativeSwift(request.getHttpURI().getPath())) {
            super.generateResponse(request, response, code, message, cause, callback);
            return;
        }
        String requestId = "tx" + UUID.randomUUID().toString().replace("-", "");
        byte[] body = S3ErrorXml.render(error, requestId, null);
        response.setStatus(error.httpStatus());
        response.getHeaders().put(HttpHeader.CONTENT_TYPE, "application/xml");
        response.getHeaders().put("x-amz-request-id", requestId);
        response.getHeaders().put(HttpHeader.CONTENT_LENGTH, body.length);
        response.write(true, ByteBuffer.wrap(body), callback);
    }

    private static boolean isNativeSwift(String path) {
        return path != null && (path.equals("/info") || path.startsWith("/auth/") || path.startsWith("/v1/"));
    }
}
