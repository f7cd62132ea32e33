package io.s3multi.filters.proxylogging;

import java.util.Locale;
import java.util.Set;

/**
 * Hides the values of query parameters that work as credentials while they are valid (presigned S3 URLs,
 * Swift temp URLs), so the access log cannot be replayed against the gateway.
 */
final class QueryRedaction {

    private static final Set<String> SECRET_PARAMETERS =
            Set.of("x-amz-signature", "signature", "x-amz-security-token", "temp_url_sig");

    private QueryRedaction() {
    }

    /** The raw query with secret values replaced by {@code ***}; {@code null} stays {@code null}. */
    static String redact(String rawQuery) {
        if (rawQuery == null || rawQuery.isEmpty()) {
            return rawQuery;
        }
        var redacted = new StringBuilder(rawQuery.length());
        for (String parameter : rawQuery.split("&", -1)) {
            if (redacted.length() > 0) {
                redacted.append('&');
            }
            int equals = parameter.indexOf('=');
            String name = equals < 0 ? parameter : parameter.substring(0, equals);
            if (equals >= 0 && SECRET_PARAMETERS.contains(name.toLowerCase(Locale.ROOT))) {
                redacted.append(name).append("=***");
            } else {
                redacted.append(parameter);
            }
        }
        return redacted.toString();
    }
}
