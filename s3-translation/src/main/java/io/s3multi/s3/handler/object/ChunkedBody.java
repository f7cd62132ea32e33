package io.s3multi.s3.handler.object;

import io.s3multi.s3.error.S3Exception;
import io.s3multi.s3.http.RequestHead;
import io.s3multi.swift.io.BlockInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * A PutObject body sent with {@code Transfer-Encoding: chunked} and no {@code Content-Length} (curl reading
 * from a pipe, HTTP libraries streaming a body of unknown size). AWS refuses it (501 {@code NotImplemented},
 * {@code <Header>Transfer-Encoding</Header>}); Swift's s3api accepts it, and so does the gateway: the servlet
 * container removes the chunk framing, and the body streams to Swift chunked in its turn, so its size is known
 * only at its end. The 5 GiB limit of a single PUT is enforced while it streams ({@link #capped}).
 */
final class ChunkedBody {

    private ChunkedBody() {
    }

    /**
     * Whether the request's body is plain-chunked: {@code Transfer-Encoding} is {@code chunked} alone.
     *
     * @throws S3Exception {@code NotImplemented} for other transfer codings (as Swift's s3api answers)
     */
    static boolean isPlainChunked(RequestHead head) {
        List<String> codings = new ArrayList<>();
        for (String value : head.headerValues("Transfer-Encoding")) {
            for (String coding : value.split(",")) {
                if (!coding.isBlank()) {
                    codings.add(coding.trim().toLowerCase(Locale.ROOT));
                }
            }
        }
        if (codings.isEmpty()) {
            return false;
        }
        if (!codings.equals(List.of("chunked"))) {
            throw S3Exception.notImplementedHeader("Transfer-Encoding");
        }
        return true;
    }

    /**
     * {@code body}, which throws {@code EntityTooLarge} instead of handing out more than {@code maxBytes} bytes: the
     * upload stops with its chunked body unfinished, and Swift stores nothing.
     */
    static InputStream capped(InputStream body, long maxBytes) {
        return new BlockInputStream() {
            private long count;

            @Override
            public int read(byte[] buffer, int offset, int length) throws IOException {
                int read = body.read(buffer, offset, length);
                if (read > 0) {
                    count += read;
                    if (count > maxBytes) {
                        throw S3Exception.entityTooLarge(count, maxBytes).withReason("chunked body over the limit");
                    }
                }
                return read;
            }

            @Override
            public void close() throws IOException {
                body.close();
            }
        };
    }
}
