package io.s3multi.swift;

import io.s3multi.swift.io.StrictUtf8;
import java.io.ByteArrayOutputStream;
import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;

/**
 * The one place where container and object names become URL text, and back.
 *
 * <p>Swift names are arbitrary UTF-8 (object names up to {@code max_object_name_length} bytes, and they may
 * contain {@code /}, {@code //}, {@code ?}, {@code #}, {@code %}, {@code +}, spaces, {@code ..}). A name
 * that reaches Swift altered is a different object, so the rules are strict and the same everywhere:
 * <ul>
 *   <li>the name is encoded as UTF-8 and every byte outside RFC 3986's <em>unreserved</em> set
 *       ({@code A-Z a-z 0-9 - . _ ~}) becomes {@code %XX} with upper-case hex; {@code +} becomes
 *       {@code %2B}, never a space, and a space becomes {@code %20};</li>
 *   <li>in an object name {@code /} stays {@code /}: Swift splits the path into account, container and
 *       object only up to the object, so the rest of the path, slashes included, is the object name. Empty
 *       segments ({@code a//b}, a leading or trailing {@code /}) are kept as they are;</li>
 *   <li>in a {@linkplain #encodeSegment segment} (a container name, a query value) {@code /} becomes
 *       {@code %2F}, so the text stays one segment;</li>
 *   <li>a path segment that is exactly {@code .} or {@code ..} has its dots written as {@code %2E}. The
 *       decoded name is the same, but no URL normaliser on the way (a client library, a load balancer) can
 *       mistake it for a step up the path.</li>
 * </ul>
 * Unpaired surrogates cannot be encoded as UTF-8 and are refused rather than silently replaced.
 */
public final class SwiftNameEncoder {

    private static final char[] HEX = "0123456789ABCDEF".toCharArray();

    private SwiftNameEncoder() {
    }

    /** An object name for a URL path: {@code /} kept, everything else outside unreserved encoded. */
    public static String encodeObjectName(String objectName) {
        requireNonEmpty(objectName, "object name");
        StringBuilder encoded = new StringBuilder(objectName.length() + 16);
        int start = 0;
        while (true) {
            int slash = objectName.indexOf('/', start);
            String segment = slash < 0 ? objectName.substring(start) : objectName.substring(start, slash);
            appendSegment(encoded, segment);
            if (slash < 0) {
                return encoded.toString();
            }
            encoded.append('/');
            start = slash + 1;
        }
    }

    /**
     * Text that must stay a single path segment or a single query value: everything outside unreserved,
     * {@code /} included, encoded.
     */
    public static String encodeSegment(String text) {
        StringBuilder encoded = new StringBuilder(text.length() + 16);
        appendSegment(encoded, text);
        return encoded.toString();
    }

    /** A container name for a URL path; refuses names that Swift could not take as one container. */
    public static String encodeContainerName(String containerName) {
        requireContainerName(containerName);
        return encodeSegment(containerName);
    }

    /** {@code /<container>} encoded, relative to an account's storage URL. */
    public static String containerPath(String containerName) {
        return "/" + encodeContainerName(containerName);
    }

    /**
     * {@code /<container>/<object>} encoded: relative to an account's storage URL, and also the form that
     * {@code X-Copy-From} and bulk delete expect.
     */
    public static String objectPath(String containerName, String objectName) {
        return "/" + encodeContainerName(containerName) + "/" + encodeObjectName(objectName);
    }

    /**
     * Reverses the encoding: {@code %XX} sequences become bytes, the bytes are read as UTF-8. {@code +} stays
     * {@code +} (this is path decoding, not form decoding). Used for names Swift itself sends back quoted,
     * such as the paths in a bulk delete's error list.
     *
     * @throws IllegalArgumentException on a broken {@code %} sequence or bytes that are not UTF-8
     */
    public static String decode(String encoded) {
        if (encoded.indexOf('%') < 0) {
            return encoded;
        }
        ByteArrayOutputStream bytes = new ByteArrayOutputStream(encoded.length());
        int i = 0;
        while (i < encoded.length()) {
            if (encoded.charAt(i) == '%') {
                int high = i + 2 < encoded.length() ? Character.digit(encoded.charAt(i + 1), 16) : -1;
                int low = i + 2 < encoded.length() ? Character.digit(encoded.charAt(i + 2), 16) : -1;
                if (high < 0 || low < 0) {
                    throw new IllegalArgumentException("broken percent escape at " + i + " in " + encoded);
                }
                bytes.write(high << 4 | low);
                i += 3;
            } else {
                int nextEscape = encoded.indexOf('%', i);
                int end = nextEscape < 0 ? encoded.length() : nextEscape;
                bytes.writeBytes(utf8(encoded.substring(i, end)));
                i = end;
            }
        }
        try {
            return StrictUtf8.decode(bytes.toByteArray());
        } catch (CharacterCodingException notUtf8) {
            throw new IllegalArgumentException("percent escapes are not UTF-8 in " + encoded, notUtf8);
        }
    }

    /** Refuses a container name that is empty or contains {@code /}: Swift would read another path. */
    public static void requireContainerName(String containerName) {
        requireNonEmpty(containerName, "container name");
        if (containerName.indexOf('/') >= 0) {
            throw new IllegalArgumentException("a container name cannot contain '/': " + containerName);
        }
    }

    private static void requireNonEmpty(String name, String what) {
        if (name == null || name.isEmpty()) {
            throw new IllegalArgumentException(what + " must not be empty");
        }
    }

    private static void appendSegment(StringBuilder out, String segment) {
        if (segment.equals(".") || segment.equals("..")) {
            out.append(segment.equals(".") ? "%2E" : "%2E%2E");
            return;
        }
        byte[] utf8 = utf8(segment);
        for (byte b : utf8) {
            int unsigned = b & 0xFF;
            if (isUnreserved(unsigned)) {
                out.append((char) unsigned);
            } else {
                out.append('%').append(HEX[unsigned >> 4]).append(HEX[unsigned & 0x0F]);
            }
        }
    }

    private static byte[] utf8(String text) {
        try {
            ByteBuffer encoded = StandardCharsets.UTF_8.newEncoder()
                    .onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT)
                    .encode(CharBuffer.wrap(text));
            byte[] bytes = new byte[encoded.remaining()];
            encoded.get(bytes);
            return bytes;
        } catch (CharacterCodingException unpairedSurrogate) {
            throw new IllegalArgumentException("name is not valid Unicode (unpaired surrogate): " + text,
                    unpairedSurrogate);
        }
    }

    private static boolean isUnreserved(int c) {
        return (c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9')
                || c == '-' || c == '.' || c == '_' || c == '~';
    }
}
