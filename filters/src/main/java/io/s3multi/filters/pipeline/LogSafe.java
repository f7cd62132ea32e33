package io.s3multi.filters.pipeline;

import jakarta.servlet.http.HttpServletRequest;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * What a log line may say about a request: the one way every log site of the gateway prints a request target, a
 * query, a header or a failure, so that no line carries a credential.
 *
 * <p>Credentials that travel in a query while they are valid (a presigned S3 URL's {@code X-Amz-Signature}, SigV2's
 * {@code Signature}, {@code X-Amz-Security-Token}, a Swift temp URL's {@code temp_url_sig}) have their values
 * replaced by {@code ***}. Names are compared after percent-decoding and ignoring case, as the gateway and Swift read
 * them, so {@code X-Amz-Signatur%65=...} is hidden too; a name that cannot be decoded hides its value as well.
 * {@code X-Amz-Credential} and {@code AWSAccessKeyId} stay: they name the key, they are not the secret. Headers that
 * are credentials ({@code Authorization}, {@code X-Auth-Token}, {@code X-Storage-Token},
 * {@code X-Amz-Security-Token}) are never printed. A failure is one short line: the types and messages of its
 * causes, each message cut short and scrubbed of anything shaped like a credential parameter, never a container's
 * connection dump.
 */
public final class LogSafe {

    private static final String HIDDEN = "***";
    private static final Set<String> SECRET_PARAMETERS =
            Set.of("x-amz-signature", "signature", "x-amz-security-token", "temp_url_sig");
    private static final Set<String> SECRET_HEADERS =
            Set.of("authorization", "x-auth-token", "x-storage-token", "x-amz-security-token", "x-auth-key",
                    "x-storage-pass");
    /** A credential parameter or header inside free text, e.g. an exception message that quotes a URL. */
    private static final Pattern SECRET_IN_TEXT = Pattern.compile(
            "(?i)(x-amz-signature|signature|x-amz-security-token|temp_url_sig|authorization|x-auth-token"
                    + "|x-storage-token)(=|%3d|:\\s*)([^&\\s,;\"'}\\]]+)");
    private static final int MAX_MESSAGE = 160;
    private static final int MAX_CAUSES = 3;

    private LogSafe() {
    }

    /** The raw path and, when present, {@code ?} and the {@linkplain #query query} with credentials hidden. */
    public static String target(HttpServletRequest request) {
        String query = query(request.getQueryString());
        return query == null ? RawPath.of(request) : RawPath.of(request) + "?" + query;
    }

    /** The raw query with credential values replaced by {@code ***}; {@code null} stays {@code null}. */
    public static String query(String rawQuery) {
        if (rawQuery == null || rawQuery.isEmpty()) {
            return rawQuery;
        }
        var safe = new StringBuilder(rawQuery.length());
        for (String parameter : rawQuery.split("&", -1)) {
            if (safe.length() > 0) {
                safe.append('&');
            }
            int equals = parameter.indexOf('=');
            String name = equals < 0 ? parameter : parameter.substring(0, equals);
            if (equals >= 0 && isSecretParameter(name)) {
                safe.append(name).append('=').append(HIDDEN);
            } else {
                safe.append(parameter);
            }
        }
        return safe.toString();
    }

    /** A header's value as a log line may show it: {@code ***} for credentials. */
    public static String header(String name, String value) {
        return SECRET_HEADERS.contains(name.trim().toLowerCase(Locale.ROOT)) ? HIDDEN : value;
    }

    /** One short line about a failure and its first causes: {@code Type: message <- Cause: message}. */
    public static String failure(Throwable failure) {
        var line = new StringBuilder();
        int shown = 0;
        for (Throwable t = failure; t != null && shown < MAX_CAUSES; t = t.getCause() == t ? null : t.getCause()) {
            if (shown++ > 0) {
                line.append(" <- ");
            }
            line.append(t.getClass().getSimpleName());
            String message = t.getMessage();
            if (message != null && !message.isBlank()) {
                line.append(": ").append(text(message));
            }
        }
        return line.toString();
    }

    /** Free text (an exception's message) on one line, short, with credential-shaped values hidden. */
    static String text(String message) {
        String oneLine = message.replaceAll("\\s+", " ").trim();
        String cut = oneLine.length() > MAX_MESSAGE ? oneLine.substring(0, MAX_MESSAGE) + "..." : oneLine;
        Matcher matcher = SECRET_IN_TEXT.matcher(cut);
        return matcher.replaceAll(m -> Matcher.quoteReplacement(m.group(1) + m.group(2) + HIDDEN));
    }

    private static boolean isSecretParameter(String rawName) {
        String decoded = decode(rawName);
        return decoded == null || SECRET_PARAMETERS.contains(decoded.trim().toLowerCase(Locale.ROOT));
    }

    /** Percent-decoding and {@code +} as space, as query parameter names are read; null when malformed. */
    private static String decode(String raw) {
        var bytes = new ByteArrayOutputStream(raw.length());
        for (int i = 0; i < raw.length(); i++) {
            char c = raw.charAt(i);
            if (c == '%') {
                if (i + 2 >= raw.length()) {
                    return null;
                }
                int high = Character.digit(raw.charAt(i + 1), 16);
                int low = Character.digit(raw.charAt(i + 2), 16);
                if (high < 0 || low < 0) {
                    return null;
                }
                bytes.write(high * 16 + low);
                i += 2;
            } else if (c == '+') {
                bytes.write(' ');
            } else {
                bytes.writeBytes(String.valueOf(c).getBytes(StandardCharsets.UTF_8));
            }
        }
        return bytes.toString(StandardCharsets.UTF_8);
    }
}
