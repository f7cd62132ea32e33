package io.s3multi.filters.s3;

import jakarta.servlet.http.HttpServletRequest;
import java.io.IOException;
import java.io.InputStream;

/**
 * The servlet request's body, asked of the container only when the first byte is wanted. The container
 * answers a client's {@code Expect: 100-continue} as soon as the body stream is taken; taken lazily, the
 * {@code 100 Continue} waits until the upload to Swift really wants bytes (after Swift's own {@code 100
 * Continue}), so that a refusal by Swift reaches a client that waits before sending its body as a plain error
 * answer, instead of a connection closed under the body it is sending. A botocore client on Tomcat is first
 * given the time to send its body unasked ({@link BareContinueWait}).
 */
final class DeferredServletInput extends InputStream {

    private final HttpServletRequest request;
    private InputStream body;

    DeferredServletInput(HttpServletRequest request) {
        this.request = request;
    }

    @Override
    public int read() throws IOException {
        return body().read();
    }

    @Override
    public int read(byte[] buffer, int offset, int length) throws IOException {
        return body().read(buffer, offset, length);
    }

    @Override
    public int available() throws IOException {
        return body == null ? 0 : body.available();
    }

    @Override
    public void close() throws IOException {
        if (body != null) {
            body.close();
        }
    }

    private InputStream body() throws IOException {
        if (body == null) {
            if (BareContinueWait.needed(request)) {
                BareContinueWait.await();
            }
            body = request.getInputStream();
        }
        return body;
    }
}
