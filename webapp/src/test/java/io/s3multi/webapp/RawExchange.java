package io.s3multi.webapp;

import java.io.IOException;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.Locale;

/**
 * One {@code GET} over a plain socket, so that no client library normalises the path on the way, answered
 * as head and (de-chunked) body.
 *
 * @param head the status line and headers
 * @param body the body as text
 */
record RawExchange(String head, String body) {

    static RawExchange get(int port, String target) throws IOException {
        try (var socket = new Socket("127.0.0.1", port)) {
            socket.setSoTimeout(10_000);
            socket.getOutputStream().write(("GET " + target + " HTTP/1.1\r\nHost: gw\r\nConnection: close\r\n\r\n")
                    .getBytes(StandardCharsets.ISO_8859_1));
            String response = new String(socket.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            int headEnd = response.indexOf("\r\n\r\n");
            String head = response.substring(0, headEnd);
            String body = response.substring(headEnd + 4);
            return new RawExchange(head,
                    head.toLowerCase(Locale.ROOT).contains("transfer-encoding: chunked") ? dechunk(body) : body);
        }
    }

    boolean hasStatus(int status) {
        return head.startsWith("HTTP/1.1 " + status + " ");
    }

    private static String dechunk(String body) {
        var plain = new StringBuilder();
        int at = 0;
        for (int size; (size = Integer.parseInt(body.substring(at, body.indexOf("\r\n", at)).trim(), 16)) > 0;) {
            at = body.indexOf("\r\n", at) + 2;
            plain.append(body, at, at + size);
            at += size + 2;
        }
        return plain.toString();
    }
}
