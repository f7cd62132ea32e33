package io.s3multi.s3.handler.bucket;

import io.s3multi.s3.operation.S3Call;
import io.s3multi.s3.xml.S3Xml;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.Optional;
import java.util.Set;

/**
 * The optional XML body of a bucket configuration request (CreateBucketConfiguration, AccessControlPolicy),
 * read through the verified body stream, capped at {@link S3Xml#MAX_CONFIGURATION_BYTES}.
 */
final class ConfigurationBody {

    private ConfigurationBody() {
    }

    /** The document, or empty when the request has no body. */
    static <T> Optional<T> read(S3Call call, Class<T> type) {
        return read(call, type, S3Xml.MAX_CONFIGURATION_BYTES);
    }

    /** The document, at most {@code maxBytes}, or empty when the request has no body. */
    static <T> Optional<T> read(S3Call call, Class<T> type, long maxBytes) {
        if (!hasBody(call)) {
            return Optional.empty();
        }
        try (InputStream body = call.body().open(Set.of()).stream()) {
            return S3Xml.readIfPresent(body, type, maxBytes);
        } catch (IOException closing) {
            throw new UncheckedIOException(closing);
        }
    }

    /** Whether the request announces a body (aws-chunked by its decoded length, else Content-Length or chunking). */
    private static boolean hasBody(S3Call call) {
        String decoded = call.request().header("x-amz-decoded-content-length");
        if (decoded != null) {
            return !decoded.strip().equals("0");
        }
        String length = call.request().header("Content-Length");
        if (length != null) {
            return !length.strip().equals("0");
        }
        return call.request().header("Transfer-Encoding") != null;
    }
}
