package io.s3multi.s3.cors;

import java.util.Locale;

/**
 * An {@code AllowedOrigin} or {@code AllowedHeader} of a CORS rule: a literal with at most one {@code *}, which
 * stands for any run of characters (also none), as AWS evaluates them. {@code *} alone matches everything.
 *
 * @param text          the pattern as configured
 * @param caseSensitive origins compare as written; header names compare without case (HTTP header names have none)
 */
record CorsPattern(String text, boolean caseSensitive) {

    private static final char WILDCARD = '*';

    /** Whether the text has more than the one wildcard AWS allows. */
    static boolean hasSeveralWildcards(String text) {
        int first = text.indexOf(WILDCARD);
        return first >= 0 && text.indexOf(WILDCARD, first + 1) >= 0;
    }

    boolean isAnything() {
        return text.equals("*");
    }

    boolean matches(String value) {
        String pattern = caseSensitive ? text : text.toLowerCase(Locale.ROOT);
        String candidate = caseSensitive ? value : value.toLowerCase(Locale.ROOT);
        int star = pattern.indexOf(WILDCARD);
        if (star < 0) {
            return pattern.equals(candidate);
        }
        String prefix = pattern.substring(0, star);
        String suffix = pattern.substring(star + 1);
        return candidate.length() >= prefix.length() + suffix.length()
                && candidate.startsWith(prefix) && candidate.endsWith(suffix);
    }
}
