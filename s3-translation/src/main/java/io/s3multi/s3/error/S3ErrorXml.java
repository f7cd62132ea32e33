package io.s3multi.s3.error;

import java.nio.charset.StandardCharsets;
import java.util.Map;

/**
 * Renders an {@link S3Exception} as the {@code <Error>} document AWS sends, the one place that does.
 *
 * <pre>{@code
 * <?xml version="1.0" encoding="UTF-8"?>
 * <Error><Code>NoSuchBucket</Code><Message>The specified bucket does not exist</Message>
 * <BucketName>photos</BucketName><RequestId>tx1f...</RequestId><HostId>...</HostId></Error>
 * }</pre>
 *
 * <p>Unlike every other S3 document the error carries no namespace, as AWS's does not. The renderer writes text
 * directly instead of going through JAXB: it must work for the last-resort {@code InternalError} of a request
 * that failed in any way, including a failure of JAXB itself, and it must not make the first error of a process
 * wait for a JAXB context. Values are escaped; characters that XML 1.0 cannot carry at all (most control
 * characters, unpaired surrogates) become U+FFFD, because a key may contain them and a client must still be able
 * to parse the error that names the key.
 */
public final class S3ErrorXml {

    /** The Content-Type of a rendered error. */
    public static final String CONTENT_TYPE = "application/xml";

    private static final char REPLACEMENT = '\uFFFD';

    private S3ErrorXml() {
    }

    /**
     * The UTF-8 bytes of the error document.
     *
     * @param requestId the request id ({@code x-amz-request-id}); left out when null
     * @param hostId    the host id ({@code x-amz-id-2}); left out when null
     */
    public static byte[] render(S3Exception error, String requestId, String hostId) {
        return renderString(error, requestId, hostId).getBytes(StandardCharsets.UTF_8);
    }

    /** The error document as text; see {@link #render(S3Exception, String, String)}. */
    public static String renderString(S3Exception error, String requestId, String hostId) {
        var xml = new StringBuilder(256);
        xml.append("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<Error>");
        element(xml, "Code", error.code().wireCode());
        element(xml, "Message", error.getMessage());
        for (Map.Entry<String, String> detail : error.details().entrySet()) {
            element(xml, detail.getKey(), detail.getValue());
        }
        if (requestId != null) {
            element(xml, "RequestId", requestId);
        }
        if (hostId != null) {
            element(xml, "HostId", hostId);
        }
        return xml.append("</Error>").toString();
    }

    private static void element(StringBuilder xml, String name, String text) {
        xml.append('<').append(name).append('>');
        appendEscaped(xml, text);
        xml.append("</").append(name).append('>');
    }

    /** Appends {@code text} as XML character data that any conforming parser reads back unchanged. */
    static void appendEscaped(StringBuilder xml, String text) {
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            switch (c) {
                case '&' -> xml.append("&amp;");
                case '<' -> xml.append("&lt;");
                case '>' -> xml.append("&gt;");
                case '"' -> xml.append("&quot;");
                case '\'' -> xml.append("&apos;");
                // Parsers turn a raw CR into LF; a reference keeps it.
                case '\r' -> xml.append("&#13;");
                default -> {
                    if (Character.isHighSurrogate(c) && i + 1 < text.length()
                            && Character.isLowSurrogate(text.charAt(i + 1))) {
                        xml.append(c).append(text.charAt(++i));
                    } else if (isXmlChar(c)) {
                        xml.append(c);
                    } else {
                        xml.append(REPLACEMENT);
                    }
                }
            }
        }
    }

    /** XML 1.0 production [2] for a single UTF-16 unit; surrogates are only legal in pairs, handled above. */
    private static boolean isXmlChar(char c) {
        return c == '\t' || c == '\n' || (c >= 0x20 && c <= 0xD7FF) || (c >= 0xE000 && c <= 0xFFFD);
    }
}
