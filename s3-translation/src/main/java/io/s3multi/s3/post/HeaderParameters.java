package io.s3multi.s3.post;

import java.util.Locale;

/**
 * The parameters of a header value such as {@code form-data; name="key"; filename="a b.txt"} or
 * {@code multipart/form-data; boundary=xyz}: plain or quoted-string values (RFC 9110), names without regard to case.
 */
final class HeaderParameters {

    private HeaderParameters() {
    }

    /** The value of parameter {@code name}, unquoted, or null when the header has none. */
    static String value(String header, String name) {
        int i = header.indexOf(';');
        while (i >= 0 && i < header.length()) {
            int start = i + 1;
            int equals = header.indexOf('=', start);
            if (equals < 0) {
                return null;
            }
            String parameter = header.substring(start, equals).trim().toLowerCase(Locale.ROOT);
            StringBuilder value = new StringBuilder();
            int j = equals + 1;
            while (j < header.length() && header.charAt(j) == ' ') {
                j++;
            }
            if (j < header.length() && header.charAt(j) == '"') {
                for (j++; j < header.length() && header.charAt(j) != '"'; j++) {
                    char c = header.charAt(j);
                    // Browsers send a backslash in a Windows path as it is; only \" and \\ are escapes.
                    if (c == '\\' && j + 1 < header.length() && (header.charAt(j + 1) == '"'
                            || header.charAt(j + 1) == '\\')) {
                        c = header.charAt(++j);
                    }
                    value.append(c);
                }
                j = header.indexOf(';', j);
            } else {
                int end = header.indexOf(';', j);
                value.append(header, j, end < 0 ? header.length() : end);
                j = end;
            }
            if (parameter.equals(name)) {
                return value.toString().trim();
            }
            i = j;
        }
        return null;
    }
}
