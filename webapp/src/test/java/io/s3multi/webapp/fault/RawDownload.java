package io.s3multi.webapp.fault;

import java.io.BufferedInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.net.URL;
import java.nio.charset.StandardCharsets;
import java.time.Duration;

/**
 * A GET of a (presigned) URL, with any extra header lines, on a plain socket, reading the body to its end, to see exactly how an answer
 * ended: whether the framing the server announced ({@code Content-Length}, or chunked with its last chunk) was
 * met. A client can only notice a short body when it was not.
 *
 * @param status        the response status
 * @param declaredBytes the Content-Length, -1 when chunked
 * @param receivedBytes body bytes received (chunk framing excluded)
 * @param complete      whether the body ended as announced
 * @param ending        how the connection ended: {@code "complete"}, {@code "eof"}, {@code "reset"} or {@code "timeout"}
 */
record RawDownload(int status, long declaredBytes, long receivedBytes, boolean complete, String ending) {

    static RawDownload get(URL url, Duration timeout, String... headers) throws IOException {
        try (var socket = new Socket(url.getHost(), url.getPort())) {
            socket.setSoTimeout((int) timeout.toMillis());
            OutputStream out = socket.getOutputStream();
            var request = new StringBuilder("GET ").append(url.getFile()).append(" HTTP/1.1\r\nHost: ")
                    .append(url.getHost()).append(':').append(url.getPort()).append("\r\nConnection: close\r\n");
            for (String header : headers) {
                request.append(header).append("\r\n");
            }
            out.write(request.append("\r\n").toString().getBytes(StandardCharsets.ISO_8859_1));
            out.flush();
            InputStream in = new BufferedInputStream(socket.getInputStream());
            HttpHead head = HttpHead.read(in);
            if (head == null) {
                return new RawDownload(-1, -1, 0, false, "eof");
            }
            var counter = new Counter(head.chunked() ? -1 : head.contentLength());
            try {
                counter.read(in, head.chunked());
                return new RawDownload(head.status(), counter.declared, counter.received, counter.complete,
                        counter.complete ? "complete" : "eof");
            } catch (SocketTimeoutException silent) {
                return new RawDownload(head.status(), counter.declared, counter.received, false, "timeout");
            } catch (IOException reset) {
                return new RawDownload(head.status(), counter.declared, counter.received, false, "reset");
            }
        }
    }

    private static final class Counter {
        final long declared;
        long received;
        boolean complete;

        Counter(long declared) {
            this.declared = declared;
        }

        void read(InputStream in, boolean chunked) throws IOException {
            if (!chunked) {
                complete = skip(in, declared < 0 ? Long.MAX_VALUE : declared) && declared >= 0;
                return;
            }
            while (true) {
                String line = HttpHead.readLine(in, true);
                if (line == null) {
                    return;
                }
                int semicolon = line.indexOf(';');
                long size = Long.parseLong((semicolon < 0 ? line : line.substring(0, semicolon)).trim(), 16);
                if (size == 0) {
                    complete = true;
                    return;
                }
                if (!skip(in, size) || HttpHead.readLine(in, true) == null) {
                    return;
                }
            }
        }

        /** Reads up to {@code length} bytes; false when the stream ended first. */
        private boolean skip(InputStream in, long length) throws IOException {
            byte[] buffer = new byte[16 * 1024];
            long left = length;
            while (left > 0) {
                int read = in.read(buffer, 0, (int) Math.min(buffer.length, left));
                if (read < 0) {
                    return false;
                }
                received += read;
                left -= read;
            }
            return true;
        }
    }
}
