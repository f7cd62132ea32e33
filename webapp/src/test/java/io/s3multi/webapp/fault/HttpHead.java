package io.s3multi.webapp.fault;

import java.io.ByteArrayOutputStream;
import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * The start line and header fields of one HTTP/1.1 message as they came off the wire, with just enough parsing
 * to find where the body ends. Bytes are kept as sent (ISO-8859-1), so forwarding changes nothing but the
 * hop-by-hop {@code Connection} field.
 */
final class HttpHead {

    private static final int MAX_HEAD_BYTES = 64 * 1024;

    private final String startLine;
    private final List<String> fields;

    private HttpHead(String startLine, List<String> fields) {
        this.startLine = startLine;
        this.fields = fields;
    }

    /** Reads a head up to its empty line; {@code null} when the peer closed before sending a byte of it. */
    static HttpHead read(InputStream in) throws IOException {
        String startLine = readLine(in, true);
        if (startLine == null) {
            return null;
        }
        List<String> fields = new ArrayList<>();
        int size = startLine.length();
        for (String line = readLine(in, false); !line.isEmpty(); line = readLine(in, false)) {
            size += line.length();
            if (size > MAX_HEAD_BYTES) {
                throw new IOException("head over " + MAX_HEAD_BYTES + " bytes");
            }
            fields.add(line);
        }
        return new HttpHead(startLine, fields);
    }

    /** One line without its CRLF; {@code null} at a clean end of stream when {@code eofAllowed}. */
    static String readLine(InputStream in, boolean eofAllowed) throws IOException {
        var line = new ByteArrayOutputStream(128);
        for (int b = in.read(); b != '\n'; b = in.read()) {
            if (b < 0) {
                if (eofAllowed && line.size() == 0) {
                    return null;
                }
                throw new EOFException("stream ended inside an HTTP head or chunk line");
            }
            if (line.size() > MAX_HEAD_BYTES) {
                throw new IOException("line over " + MAX_HEAD_BYTES + " bytes");
            }
            line.write(b);
        }
        String text = line.toString(StandardCharsets.ISO_8859_1);
        return text.endsWith("\r") ? text.substring(0, text.length() - 1) : text;
    }

    String startLine() {
        return startLine;
    }

    /** The request method (for a request head). */
    String method() {
        return startLine.substring(0, startLine.indexOf(' '));
    }

    /** The request target as sent, path and query (for a request head). */
    String target() {
        int from = startLine.indexOf(' ') + 1;
        int to = startLine.indexOf(' ', from);
        return to < 0 ? startLine.substring(from) : startLine.substring(from, to);
    }

    /** The status code (for a response head). */
    int status() {
        String[] parts = startLine.split(" ", 3);
        return Integer.parseInt(parts[1]);
    }

    /** The value of the first field of this name, or {@code null}. */
    String field(String name) {
        for (String field : fields) {
            int colon = field.indexOf(':');
            if (colon > 0 && field.substring(0, colon).trim().equalsIgnoreCase(name)) {
                return field.substring(colon + 1).trim();
            }
        }
        return null;
    }

    boolean chunked() {
        String encoding = field("Transfer-Encoding");
        return encoding != null && encoding.toLowerCase(Locale.ROOT).contains("chunked");
    }

    /** The Content-Length, or -1 when there is none. */
    long contentLength() {
        String length = field("Content-Length");
        return length == null ? -1 : Long.parseLong(length);
    }

    boolean expectsContinue() {
        String expect = field("Expect");
        return expect != null && expect.equalsIgnoreCase("100-continue");
    }

    /** The head as it was, with {@code Connection} dropped and, when given, replaced by this value. */
    void writeTo(OutputStream out, String connection) throws IOException {
        var text = new StringBuilder(startLine).append("\r\n");
        for (String field : fields) {
            if (!field.regionMatches(true, 0, "Connection:", 0, "Connection:".length())) {
                text.append(field).append("\r\n");
            }
        }
        if (connection != null) {
            text.append("Connection: ").append(connection).append("\r\n");
        }
        out.write(text.append("\r\n").toString().getBytes(StandardCharsets.ISO_8859_1));
        out.flush();
    }
}
