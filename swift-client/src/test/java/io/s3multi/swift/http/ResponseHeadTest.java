package io.s3multi.swift.http;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.s3multi.swift.SwiftHeaders;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The answer head read straight from the connection's buffer: names and values as HTTP/1.1 defines them. */
class ResponseHeadTest {

    private static SocketConnection.ResponseHead parse(String head) throws IOException {
        // The head sits inside a larger buffer, as it does in the connection's, with bytes on either side.
        byte[] text = head.getBytes(StandardCharsets.ISO_8859_1);
        byte[] buffer = new byte[text.length + 8];
        System.arraycopy(text, 0, buffer, 3, text.length);
        buffer[2] = '\n';
        buffer[3 + text.length] = 'X';
        return SocketConnection.ResponseHead.parse(buffer, 3, 3 + text.length);
    }

    @Test
    void namesAndValuesKeepTheirSpellingWithoutTheWhiteSpaceAroundValues() throws IOException {
        SocketConnection.ResponseHead head = parse("HTTP/1.1 200 OK\r\n"
                + "Content-Type: application/octet-stream\r\n"
                + "Etag:620f0b67a91f7f74151bc5be745b7110\r\n"
                + "X-Object-Meta-A: \t spaced \t \r\n"
                + "X-Object-Meta-Empty:\r\n"
                + "X-Object-Meta-Latin: caf\u00e9\n"
                + "Content-Length: 4096\r\n"
                + "\r\n");
        assertEquals(200, head.status());
        assertFalse(head.http10());
        assertEquals(List.of(Map.entry("Content-Type", "application/octet-stream"),
                Map.entry("Etag", "620f0b67a91f7f74151bc5be745b7110"),
                Map.entry("X-Object-Meta-A", "spaced"),
                Map.entry("X-Object-Meta-Empty", ""),
                Map.entry("X-Object-Meta-Latin", "caf\u00e9"),
                Map.entry("Content-Length", "4096")), head.headers().fields());
    }

    @Test
    void aFoldedValueIsJoinedWithOneSpaceAndAnHttp10AnswerIsTold() throws IOException {
        SocketConnection.ResponseHead head = parse("HTTP/1.0 404 Not Found\n"
                + "X-Long: first\n"
                + "   second  \n"
                + "\tthird\n"
                + "Date: Tue, 08 Dec 2026 00:51:01 GMT\n"
                + "\n");
        assertEquals(404, head.status());
        assertTrue(head.http10());
        assertEquals(SwiftHeaders.of("X-Long", "first second third", "Date", "Tue, 08 Dec 2026 00:51:01 GMT"),
                head.headers());
    }

    @Test
    void aHeadWithoutFieldsAndABareStatus() throws IOException {
        SocketConnection.ResponseHead head = parse("HTTP/1.1 204\r\n\r\n");
        assertEquals(204, head.status());
        assertTrue(head.headers().isEmpty());
    }

    @Test
    void malformedHeadsAreRefused() {
        for (String head : List.of("HTTP/2 200 OK\r\n\r\n", "HTTP/1.1 20x OK\r\n\r\n", "HTTP/1.1 2000 OK\r\n\r\n",
                "HTTP/1.1 200 OK\r\nNoColon\r\n\r\n", "HTTP/1.1 200 OK\r\nName : value\r\n\r\n",
                "HTTP/1.1 200 OK\r\n: value\r\n\r\n", "HTTP/1.1 200 OK\r\n folded first\r\n\r\n",
                "HTTP/1.1 200 OK\r\nBad\u0001Name: value\r\n\r\n")) {
            assertThrows(IOException.class, () -> parse(head), head);
        }
    }
}
