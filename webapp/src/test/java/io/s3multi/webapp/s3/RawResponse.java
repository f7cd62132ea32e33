package io.s3multi.webapp.s3;

import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * An HTTP answer read off a socket by {@link RawS3}.
 *
 * @param status  the status code, or -1 when the connection ended without a status line
 * @param headers header values by lower-case name
 * @param body    the body as text (de-chunked)
 */
public record RawResponse(int status, Map<String, List<String>> headers, String body) {

    private static final Pattern CODE = Pattern.compile("<Code>([^<]*)</Code>");

    /** The first value of a header, or null. */
    public String header(String name) {
        List<String> values = headers.get(name.toLowerCase(Locale.ROOT));
        return values == null || values.isEmpty() ? null : values.get(0);
    }

    /** The {@code <Code>} of an S3 error document, or null. */
    public String errorCode() {
        Matcher matcher = CODE.matcher(body);
        return matcher.find() ? matcher.group(1) : null;
    }

    @Override
    public String toString() {
        return "HTTP " + status + " " + headers + "\n" + body;
    }
}
