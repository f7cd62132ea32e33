package io.s3multi.s3.handler.bucket;

import io.s3multi.s3.error.S3Exception;
import io.s3multi.s3.request.S3Request;
import java.nio.charset.StandardCharsets;

/**
 * The {@code encoding-type} of a listing: keys and prefixes as they are, or URL-encoded.
 *
 * <p>XML 1.0 cannot carry most control characters, which S3 keys may contain, so a client that needs every key
 * exactly asks for {@code encoding-type=url} (boto3 and the AWS SDKs do by default) and decodes the listed
 * names. Every byte of the UTF-8 name except {@code A-Z a-z 0-9 - . _ ~} and {@code /} is written as
 * {@code %XX}; in particular {@code +} becomes {@code %2B} and a space {@code %20}, which both common decoders
 * (form decoding that reads {@code +} as a space, and plain percent-decoding) read back exactly.
 */
public enum KeyEncoding {

    /** Names as stored. */
    NONE(null),
    /** Names URL-encoded. */
    URL("url");

    private static final char[] HEX = "0123456789ABCDEF".toCharArray();

    private final String wireName;

    KeyEncoding(String wireName) {
        this.wireName = wireName;
    }

    /**
     * The encoding the request asks for.
     *
     * @throws S3Exception {@code InvalidArgument} for any value but {@code url}
     */
    public static KeyEncoding of(S3Request request) {
        String requested = request.param("encoding-type").orElse(null);
        if (requested == null) {
            return NONE;
        }
        if (requested.equals("url")) {
            return URL;
        }
        throw S3Exception.invalidArgument("encoding-type", requested, "Invalid Encoding Method specified in Request");
    }

    /** What the answer's {@code EncodingType} says: {@code url}, or null (not written) for none. */
    public String wireName() {
        return wireName;
    }

    /** The name as the listing writes it; null stays null. */
    public String apply(String name) {
        if (this == NONE || name == null) {
            return name;
        }
        byte[] bytes = name.getBytes(StandardCharsets.UTF_8);
        StringBuilder encoded = new StringBuilder(bytes.length + 16);
        for (byte b : bytes) {
            int c = b & 0xFF;
            if (isUnreserved(c) || c == '/') {
                encoded.append((char) c);
            } else {
                encoded.append('%').append(HEX[c >> 4]).append(HEX[c & 0xF]);
            }
        }
        return encoded.toString();
    }

    private static boolean isUnreserved(int c) {
        return (c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9')
                || c == '-' || c == '.' || c == '_' || c == '~';
    }
}
