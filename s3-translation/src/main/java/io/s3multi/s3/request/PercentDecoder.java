package io.s3multi.s3.request;

import io.s3multi.s3.error.S3Exception;
import io.s3multi.swift.io.StrictUtf8;
import java.io.ByteArrayOutputStream;
import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;

/**
 * Percent-decoding of raw URI components into the exact strings S3 means, with nothing else done to them.
 *
 * <p>Every {@code %XX} becomes its byte and the bytes are read as strict UTF-8; nothing is normalised, so
 * {@code %2F} becomes {@code /}, {@code //} and {@code ..} stay as they are, and a key survives byte for byte.
 * {@code +} is a space only in the query (form encoding, as S3 and Swift read query strings); in the path it is a
 * plus sign, which is what SDKs mean when they send one there. Characters that arrive unescaped (a container may
 * hand over non-ASCII text already decoded from the wire) count as their UTF-8 bytes. A {@code %} without two hex
 * digits, or bytes that are not UTF-8, are {@code InvalidURI}, as AWS answers them.
 *
 * <p>Raw bytes that are not UTF-8 ({@code GET /bucket/\xFF}, unescaped on the wire) never reach this class as
 * bytes: the container decodes the request line and puts U+FFFD in their place, which would name another key.
 * An unescaped U+FFFD is therefore refused as what it almost always stands for; a key that really holds U+FFFD
 * arrives escaped ({@code %EF%BF%BD}) from every client that encodes its paths.
 */
final class PercentDecoder {

    /** What the servlet container puts where the raw request line held bytes that are not UTF-8. */
    private static final char REPLACEMENT_CHARACTER = '\uFFFD';

    private PercentDecoder() {
    }

    /** Decodes a path segment or a key: {@code +} stays {@code +}. */
    static String decodePath(String raw) {
        return decode(raw, false);
    }

    /** Decodes a query parameter name or value: {@code +} is a space. */
    static String decodeQuery(String raw) {
        return decode(raw, true);
    }

    private static String decode(String raw, boolean plusIsSpace) {
        if (raw.indexOf(REPLACEMENT_CHARACTER) >= 0) {
            throw S3Exception.invalidUri(raw).withReason("bytes that are not UTF-8 on the wire");
        }
        if (raw.indexOf('%') < 0 && (!plusIsSpace || raw.indexOf('+') < 0)) {
            return raw;  // the common case: nothing to decode
        }
        var bytes = new ByteArrayOutputStream(raw.length());
        int literalStart = 0;
        for (int i = 0; i < raw.length(); i++) {
            char c = raw.charAt(i);
            if (c != '%' && !(plusIsSpace && c == '+')) {
                continue;
            }
            writeUtf8(bytes, raw, literalStart, i);
            if (c == '+') {
                bytes.write(' ');
            } else {
                bytes.write(hexByte(raw, i));
                i += 2;
            }
            literalStart = i + 1;
        }
        writeUtf8(bytes, raw, literalStart, raw.length());
        try {
            return StrictUtf8.decode(bytes.toByteArray());
        } catch (CharacterCodingException notUtf8) {
            throw S3Exception.invalidUri(raw).withReason("not UTF-8");
        }
    }

    private static int hexByte(String raw, int percentAt) {
        if (percentAt + 2 >= raw.length()) {
            throw S3Exception.invalidUri(raw).withReason("truncated escape");
        }
        int high = asciiHexValue(raw.charAt(percentAt + 1));
        int low = asciiHexValue(raw.charAt(percentAt + 2));
        if (high < 0 || low < 0) {
            throw S3Exception.invalidUri(raw).withReason("bad escape");
        }
        return (high << 4) | low;
    }

    /** Only ASCII hex digits count: {@link Character#digit} would also accept, say, Arabic-Indic digits. */
    private static int asciiHexValue(char c) {
        if (c >= '0' && c <= '9') {
            return c - '0';
        }
        if (c >= 'a' && c <= 'f') {
            return c - 'a' + 10;
        }
        if (c >= 'A' && c <= 'F') {
            return c - 'A' + 10;
        }
        return -1;
    }

    /** Unescaped characters as UTF-8; a lone surrogate cannot be encoded and is refused, not replaced. */
    private static void writeUtf8(ByteArrayOutputStream bytes, String raw, int start, int end) {
        if (start == end) {
            return;
        }
        try {
            ByteBuffer encoded = StandardCharsets.UTF_8.newEncoder()
                    .onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT)
                    .encode(CharBuffer.wrap(raw, start, end));
            bytes.write(encoded.array(), encoded.arrayOffset() + encoded.position(), encoded.remaining());
        } catch (CharacterCodingException notUnicode) {
            throw S3Exception.invalidUri(raw).withReason("not UTF-8");
        }
    }
}
