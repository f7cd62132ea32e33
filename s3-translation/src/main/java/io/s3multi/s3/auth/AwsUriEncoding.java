package io.s3multi.s3.auth;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;

/**
 * Percent-encoding as AWS signatures define it ("UriEncode"): every byte is encoded as {@code %XY} with
 * upper-case hex except the unreserved characters {@code A-Z a-z 0-9 - _ . ~}.
 */
final class AwsUriEncoding {

    private static final char[] HEX = "0123456789ABCDEF".toCharArray();

    private AwsUriEncoding() {
    }

    static boolean isUnreserved(int c) {
        return (c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9')
                || c == '-' || c == '_' || c == '.' || c == '~';
    }

    /** UriEncode of raw bytes, {@code /} included. */
    static String encode(byte[] bytes) {
        StringBuilder out = new StringBuilder(bytes.length + 16);
        for (byte b : bytes) {
            appendEncoded(out, b & 0xFF);
        }
        return out.toString();
    }

    /**
     * The canonical URI of an S3 request: the path exactly as the client sent it, except that characters a client
     * must not send unencoded are encoded. S3 signs the path the client encoded: it neither decodes and re-encodes
     * it (which would turn {@code %2F} into {@code /} or {@code %7e} into {@code ~}) nor encodes it twice (which
     * non-S3 services do). Existing {@code %XY} escapes are kept as sent.
     */
    static String canonicalPath(String rawPath) {
        if (rawPath.isEmpty()) {
            return "/";
        }
        StringBuilder out = new StringBuilder(rawPath.length() + 16);
        int i = 0;
        while (i < rawPath.length()) {
            char c = rawPath.charAt(i);
            if (isEscapeAt(rawPath, i)) {
                out.append(rawPath, i, i + 3);
                i += 3;
            } else if (c == '/' || isUnreserved(c)) {
                out.append(c);
                i++;
            } else {
                int codePoint = rawPath.codePointAt(i);
                for (byte b : new String(Character.toChars(codePoint)).getBytes(StandardCharsets.UTF_8)) {
                    appendEncoded(out, b & 0xFF);
                }
                i += Character.charCount(codePoint);
            }
        }
        return out.toString();
    }

    /**
     * Decodes {@code %XY} escapes to bytes. A {@code %} not followed by two hex digits stays a literal {@code %};
     * with {@code plusIsSpace}, {@code +} means a space, as in every query string S3 parses.
     */
    static byte[] decode(String raw, boolean plusIsSpace) {
        ByteArrayOutputStream out = new ByteArrayOutputStream(raw.length());
        int i = 0;
        while (i < raw.length()) {
            char c = raw.charAt(i);
            if (isEscapeAt(raw, i)) {
                out.write(Character.digit(raw.charAt(i + 1), 16) << 4 | Character.digit(raw.charAt(i + 2), 16));
                i += 3;
            } else if (c == '+' && plusIsSpace) {
                out.write(' ');
                i++;
            } else {
                int codePoint = raw.codePointAt(i);
                out.writeBytes(new String(Character.toChars(codePoint)).getBytes(StandardCharsets.UTF_8));
                i += Character.charCount(codePoint);
            }
        }
        return out.toByteArray();
    }

    private static boolean isEscapeAt(String s, int i) {
        return s.charAt(i) == '%' && i + 2 < s.length() && isHex(s.charAt(i + 1)) && isHex(s.charAt(i + 2));
    }

    private static boolean isHex(char c) {
        return (c >= '0' && c <= '9') || (c >= 'a' && c <= 'f') || (c >= 'A' && c <= 'F');
    }

    private static void appendEncoded(StringBuilder out, int b) {
        if (isUnreserved(b)) {
            out.append((char) b);
        } else {
            out.append('%').append(HEX[b >>> 4]).append(HEX[b & 0xF]);
        }
    }
}
