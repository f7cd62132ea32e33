package io.s3multi.s3.auth;

import io.s3multi.s3.http.RequestHead;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * Builds the SigV4 canonical request with S3's rules:
 *
 * <pre>{@code
 * <METHOD>
 * <canonical URI: the path as sent, see AwsUriEncoding.canonicalPath>
 * <canonical query: every parameter decoded, UriEncoded, sorted by name then value; X-Amz-Signature left out>
 * <name>:<value>\n for every signed header, names lower case and sorted, values trimmed, inner runs of
 *     spaces folded, repeated headers joined with ','>
 * <signed header names joined with ';'>
 * <payload hash: x-amz-content-sha256, or UNSIGNED-PAYLOAD for a presigned URL>
 * }</pre>
 */
final class SigV4CanonicalRequest {

    private SigV4CanonicalRequest() {
    }

    static String of(RequestHead head, QueryParameters query, List<String> signedHeaders, boolean presigned,
            String payloadHash) {
        StringBuilder canonical = new StringBuilder(512);
        canonical.append(head.method()).append('\n');
        canonical.append(AwsUriEncoding.canonicalPath(head.rawPath())).append('\n');
        canonical.append(canonicalQuery(query, presigned)).append('\n');
        for (String name : signedHeaders) {
            canonical.append(name).append(':').append(canonicalHeaderValue(head.headerValues(name))).append('\n');
        }
        canonical.append('\n');
        canonical.append(String.join(";", signedHeaders)).append('\n');
        canonical.append(payloadHash);
        return canonical.toString();
    }

    static String canonicalQuery(QueryParameters query, boolean presigned) {
        List<String[]> encoded = new ArrayList<>();
        for (QueryParameters.Parameter parameter : query.all()) {
            String name = AwsUriEncoding.encode(parameter.nameBytes());
            if (presigned && name.equals("X-Amz-Signature")) {
                continue;
            }
            encoded.add(new String[] {name, AwsUriEncoding.encode(parameter.valueBytes())});
        }
        // Encoded names and values are ASCII, so String order is the code point order AWS sorts by.
        encoded.sort(Comparator.<String[], String>comparing(pair -> pair[0]).thenComparing(pair -> pair[1]));
        StringBuilder out = new StringBuilder();
        for (String[] pair : encoded) {
            if (out.length() > 0) {
                out.append('&');
            }
            out.append(pair[0]).append('=').append(pair[1]);
        }
        return out.toString();
    }

    /** AWS "Trimall" of every value of one header, joined with commas; empty if the header was not sent. */
    static String canonicalHeaderValue(List<String> values) {
        if (values.size() == 1) {
            return trimAll(values.get(0));
        }
        StringBuilder out = new StringBuilder();
        for (String value : values) {
            if (out.length() > 0) {
                out.append(',');
            }
            out.append(trimAll(value));
        }
        return out.toString();
    }

    private static String trimAll(String value) {
        String stripped = HeaderValues.strip(value);
        if (stripped.indexOf('\t') < 0 && !stripped.contains("  ")) {
            return stripped;   // nearly every value: nothing to fold
        }
        StringBuilder out = new StringBuilder(stripped.length());
        boolean inSpace = false;
        for (int i = 0; i < stripped.length(); i++) {
            char c = stripped.charAt(i);
            if (c == ' ' || c == '\t') {
                if (!inSpace) {
                    out.append(' ');
                }
                inSpace = true;
            } else {
                out.append(c);
                inSpace = false;
            }
        }
        return out.toString();
    }
}
