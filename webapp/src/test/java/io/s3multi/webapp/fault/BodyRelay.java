package io.s3multi.webapp.fault;

import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;

/**
 * Copies one message body from one socket to another as it arrives, in 16 KiB steps, never holding more:
 * a fixed length, chunked framing (relayed as sent, chunk lines and trailers included), or everything up to the
 * end of the stream.
 */
final class BodyRelay {

    /** How a body's end is found. */
    enum Framing { NONE, FIXED, CHUNKED, UNTIL_CLOSE }

    private BodyRelay() {
    }

    static Framing requestFraming(HttpHead head) {
        if (head.chunked()) {
            return Framing.CHUNKED;
        }
        return head.contentLength() > 0 ? Framing.FIXED : Framing.NONE;
    }

    static Framing responseFraming(HttpHead request, HttpHead response) {
        int status = response.status();
        if (request.method().equals("HEAD") || status / 100 == 1 || status == 204 || status == 304) {
            return Framing.NONE;
        }
        if (response.chunked()) {
            return Framing.CHUNKED;
        }
        return response.contentLength() >= 0 ? Framing.FIXED : Framing.UNTIL_CLOSE;
    }

    static void relay(Framing framing, HttpHead head, InputStream in, OutputStream out) throws IOException {
        switch (framing) {
            case NONE -> { }
            case FIXED -> copy(in, out, head.contentLength());
            case CHUNKED -> relayChunks(in, out);
            case UNTIL_CLOSE -> copy(in, out, Long.MAX_VALUE);
        }
        out.flush();
    }

    private static void relayChunks(InputStream in, OutputStream out) throws IOException {
        while (true) {
            String sizeLine = HttpHead.readLine(in, false);
            writeLine(out, sizeLine);
            int semicolon = sizeLine.indexOf(';');
            long size = Long.parseLong((semicolon < 0 ? sizeLine : sizeLine.substring(0, semicolon)).trim(), 16);
            if (size == 0) {
                for (String trailer = HttpHead.readLine(in, false); ; trailer = HttpHead.readLine(in, false)) {
                    writeLine(out, trailer);
                    if (trailer.isEmpty()) {
                        return;
                    }
                }
            }
            copy(in, out, size);
            writeLine(out, HttpHead.readLine(in, false));
        }
    }

    private static void writeLine(OutputStream out, String line) throws IOException {
        out.write((line + "\r\n").getBytes(StandardCharsets.ISO_8859_1));
    }

    private static void copy(InputStream in, OutputStream out, long length) throws IOException {
        byte[] buffer = new byte[16 * 1024];
        long left = length;
        while (left > 0) {
            int read = in.read(buffer, 0, (int) Math.min(buffer.length, left));
            if (read < 0) {
                if (length == Long.MAX_VALUE) {
                    return;
                }
                throw new EOFException("body ended " + left + " bytes early");
            }
            out.write(buffer, 0, read);
            out.flush();
            left -= read;
        }
    }
}
