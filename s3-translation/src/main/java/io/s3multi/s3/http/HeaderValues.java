package io.s3multi.s3.http;

import io.s3multi.s3.error.S3Exception;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.Base64;

/**
 * Reads header values as the client sent them, and checks those that the gateway stores in Swift as headers of
 * their own (content headers, user metadata).
 *
 * <p><b>Bytes beyond ASCII.</b> Servlet containers decode header bytes as ISO-8859-1 (Tomcat always, Jetty for
 * bytes that are not ASCII), one char per byte, so a UTF-8 value such as botocore sends for {@code x-amz-meta-*}
 * arrives as mojibake. {@link #asSent} re-derives the text from those bytes: signatures are computed over the
 * client's text (SigV4 hashes the canonical request as UTF-8), and metadata is stored as the text it is.
 *
 * <p>HTTP/1.1 parsers refuse line breaks in header values, but not every way a request reaches the gateway is
 * HTTP/1.1 parsed by a strict server, and the Swift client refuses to send such a value (it could smuggle in
 * other headers). A value with CR or LF is therefore the client's error, answered before anything is stored.
 */
public final class HeaderValues {

    private HeaderValues() {
    }

    /**
     * Returns {@code value} when it has no line break.
     *
     * @throws S3Exception {@code InvalidArgument} naming the header otherwise
     */
    public static String requireSingleLine(String name, String value) {
        if (value != null && (value.indexOf('\r') >= 0 || value.indexOf('\n') >= 0)) {
            throw S3Exception.invalidArgument(name, value, "Header values must not contain line breaks.");
        }
        return value;
    }

    /**
     * The text the client sent: when {@code value} is a one-char-per-byte decoding (every char below 256) of
     * bytes that are valid UTF-8 and not all ASCII, their UTF-8 decoding; otherwise {@code value} as it is (ASCII,
     * text a container already decoded, or bytes that are not UTF-8, which stay one char per byte).
     */
    public static String asSent(String value) {
        if (value == null) {
            return null;
        }
        boolean beyondAscii = false;
        for (int i = 0; i < value.length(); i++) {
            char c = value.charAt(i);
            if (c > 0xFF) {
                return value;
            }
            beyondAscii |= c > 0x7F;
        }
        if (!beyondAscii) {
            return value;
        }
        try {
            return StandardCharsets.UTF_8.newDecoder()
                    .onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT)
                    .decode(ByteBuffer.wrap(value.getBytes(StandardCharsets.ISO_8859_1)))
                    .toString();
        } catch (CharacterCodingException notUtf8) {
            return value;
        }
    }

    /**
     * {@code text} as AWS returns a metadata value: as it is when it is ASCII, else as one RFC 2047 encoded-word,
     * {@code =?UTF-8?B?<base64 of the UTF-8 bytes>?=}, which HTTP carries as plain ASCII.
     */
    public static String mailSafe(String text) {
        if (text == null || text.chars().allMatch(c -> c < 0x80)) {
            return text;
        }
        return "=?UTF-8?B?" + Base64.getEncoder().encodeToString(text.getBytes(StandardCharsets.UTF_8)) + "?=";
    }
}
