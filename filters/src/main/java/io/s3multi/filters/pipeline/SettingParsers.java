package io.s3multi.filters.pipeline;

import java.math.BigDecimal;
import java.net.URI;
import java.net.URISyntaxException;
import java.time.Duration;

/**
 * The {@link Setting.Parser}s settings share. Each throws {@link IllegalArgumentException} with the reason alone;
 * {@link Setting} adds the key and the value.
 */
public final class SettingParsers {

    private SettingParsers() {
    }

    /** A whole number between {@code min} and {@code max}, inclusive. */
    public static Setting.Parser<Integer> integer(int min, int max) {
        return text -> {
            int number;
            try {
                number = Integer.parseInt(text);
            } catch (NumberFormatException e) {
                throw new IllegalArgumentException("not a whole number");
            }
            if (number < min || number > max) {
                throw new IllegalArgumentException("must be between " + min + " and " + max);
            }
            return number;
        };
    }

    /** A positive number of seconds, fractions allowed. */
    public static Duration positiveSeconds(String text) {
        BigDecimal seconds;
        try {
            seconds = new BigDecimal(text);
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("not a number of seconds");
        }
        if (seconds.signum() <= 0) {
            throw new IllegalArgumentException("must be more than 0 seconds");
        }
        try {
            return Duration.ofNanos(seconds.movePointRight(9).longValueExact());
        } catch (ArithmeticException e) {
            throw new IllegalArgumentException("not a number of seconds");
        }
    }

    /** An absolute {@code http} or {@code https} URL with a host. */
    public static URI httpUrl(String text) {
        URI uri;
        try {
            uri = new URI(text);
        } catch (URISyntaxException e) {
            throw new IllegalArgumentException("not a URL (" + e.getReason() + ")");
        }
        String scheme = uri.getScheme();
        if (uri.getHost() == null || !("http".equalsIgnoreCase(scheme) || "https".equalsIgnoreCase(scheme))) {
            throw new IllegalArgumentException("not an http(s) URL with a host");
        }
        return uri;
    }
}
