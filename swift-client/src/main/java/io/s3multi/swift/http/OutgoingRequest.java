package io.s3multi.swift.http;

import io.s3multi.swift.SwiftClientConfig;
import java.net.URI;
import java.util.Map;

/**
 * A request's head as bytes on the wire, for {@link SocketExchanges}: the request line, {@code Host}, the caller's
 * headers exactly as given, and the framing the body needs ({@code Content-Length}, or chunked when the length is
 * unknown, and {@code Expect: 100-continue} for large streamed uploads). Nothing else is added.
 *
 * <p>Header names and values go out as ISO-8859-1, a character beyond it and a line break as a space, as Jetty's
 * client writes them; unlike Jetty, names keep their spelling ({@code content-type} is not made
 * {@code Content-Type}).
 */
final class OutgoingRequest {

    private final byte[] head;
    private final byte[] heldBody;
    private final boolean expectsContinue;

    private OutgoingRequest(byte[] head, byte[] heldBody, boolean expectsContinue) {
        this.head = head;
        this.heldBody = heldBody;
        this.expectsContinue = expectsContinue;
    }

    static OutgoingRequest of(URI uri, SwiftRequest request, SwiftClientConfig config) {
        RequestBody body = request.body();
        UploadStream upload = body.uploadStream();
        byte[] held = body.heldBytes();
        StringBuilder text = new StringBuilder(256);
        String path = uri.getRawPath() == null || uri.getRawPath().isEmpty() ? "/" : uri.getRawPath();
        text.append(request.method()).append(' ').append(path);
        if (uri.getRawQuery() != null) {
            text.append('?').append(uri.getRawQuery());
        }
        text.append(" HTTP/1.1\r\nHost: ").append(hostHeader(uri)).append("\r\n");
        for (Map.Entry<String, String> header : request.headers().fields()) {
            sanitised(text, header.getKey());
            text.append(": ");
            sanitised(text, header.getValue());
            text.append("\r\n");
        }
        boolean expect = false;
        if (upload != null) {
            long length = upload.declaredLength();
            if (length < 0) {
                text.append("Transfer-Encoding: chunked\r\n");
            } else {
                text.append("Content-Length: ").append(length).append("\r\n");
            }
            expect = length != 0 && SwiftTransport.expectsContinue(config, length);
            if (expect) {
                text.append("Expect: 100-continue\r\n");
            }
        } else if (held != null) {
            text.append("Content-Length: ").append(held.length).append("\r\n");
        } else if (SwiftTransport.needsEmptyBody(request.method())) {
            text.append("Content-Length: 0\r\n");
        }
        text.append("\r\n");
        byte[] bytes = new byte[text.length()];
        for (int i = 0; i < bytes.length; i++) {
            bytes[i] = (byte) text.charAt(i);
        }
        return new OutgoingRequest(bytes, held, expect);
    }

    /** The host and, when it is not the scheme's default, the port. */
    private static String hostHeader(URI uri) {
        int port = uri.getPort();
        boolean defaultPort = port < 0 || ("https".equalsIgnoreCase(uri.getScheme()) ? port == 443 : port == 80);
        return defaultPort ? uri.getHost() : uri.getHost() + ":" + port;
    }

    private static void sanitised(StringBuilder text, String value) {
        for (int i = 0; i < value.length(); i++) {
            char c = value.charAt(i);
            text.append(c > 0xFF || c == '\r' || c == '\n' ? ' ' : c);
        }
    }

    /** The head alone: the body follows, streamed. */
    byte[] head() {
        return head;
    }

    /** The head and a held body (or none) in one array, for one write. */
    byte[] headAndHeldBody() {
        if (heldBody == null || heldBody.length == 0) {
            return head;
        }
        byte[] whole = new byte[head.length + heldBody.length];
        System.arraycopy(head, 0, whole, 0, head.length);
        System.arraycopy(heldBody, 0, whole, head.length, heldBody.length);
        return whole;
    }

    boolean expectsContinue() {
        return expectsContinue;
    }
}
