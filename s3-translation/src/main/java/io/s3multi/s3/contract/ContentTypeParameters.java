package io.s3multi.s3.contract;

import java.net.URLDecoder;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Small values carried in the content type of the gateway's own objects in {@code <bucket>_segments} (upload
 * markers, part segments), because Swift shows content types verbatim in listings: a ListParts or
 * ListMultipartUploads page then needs one listing call and no HEAD per entry.
 *
 * <p>Form: {@code application/x-s3multi-part;checksum=CRC32%3AAAAAAA%3D%3D}: no spaces, values
 * percent-encoded (UTF-8), so no quoting is ever needed and any display name fits.
 */
public final class ContentTypeParameters {

    private ContentTypeParameters() {
    }

    public static String format(String base, Map<String, String> parameters) {
        StringBuilder out = new StringBuilder(base);
        parameters.forEach((name, value) -> {
            if (value != null) {
                out.append(';').append(name).append('=').append(URLEncoder.encode(value, StandardCharsets.UTF_8));
            }
        });
        return out.toString();
    }

    public static Map<String, String> parse(String contentType) {
        Map<String, String> parameters = new LinkedHashMap<>();
        if (contentType == null) {
            return parameters;
        }
        String[] pieces = contentType.split(";");
        for (int i = 1; i < pieces.length; i++) {
            int equals = pieces[i].indexOf('=');
            if (equals > 0) {
                try {
                    parameters.put(pieces[i].substring(0, equals).trim(),
                            URLDecoder.decode(pieces[i].substring(equals + 1).trim(), StandardCharsets.UTF_8));
                } catch (IllegalArgumentException notOurs) {
                    // A parameter this gateway did not write: ignore it.
                }
            }
        }
        return parameters;
    }
}
