package io.s3multi.filters.pipeline;

import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.nio.charset.StandardCharsets;

/** Short {@code text/plain} answers written by the gateway itself (health, errors of the native API). */
public final class PlainText {

    private PlainText() {
    }

    /** Sets the status and writes {@code text} as the whole body, with its length. */
    public static void send(HttpServletResponse response, int status, String text) throws IOException {
        byte[] body = text.getBytes(StandardCharsets.UTF_8);
        response.setStatus(status);
        response.setContentType("text/plain;charset=utf-8");
        response.setContentLength(body.length);
        response.getOutputStream().write(body);
    }
}
