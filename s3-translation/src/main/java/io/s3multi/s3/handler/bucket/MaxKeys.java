package io.s3multi.s3.handler.bucket;

import io.s3multi.s3.error.S3Exception;
import java.util.Optional;

/**
 * Reads {@code max-keys} as S3 does: absent means the page limit, a number from 0 up is accepted and capped to
 * the page limit ({@code max_bucket_listing}), anything else is {@code InvalidArgument}.
 */
public final class MaxKeys {

    private MaxKeys() {
    }

    /**
     * @param raw   the parameter as sent, if it was
     * @param limit the most entries one page may hold
     * @return the number of entries the page may hold, 0..limit
     */
    public static int parse(Optional<String> raw, int limit) {
        return parse("max-keys", raw, limit);
    }

    /** As {@link #parse(Optional, int)} for a parameter of another name ({@code max-uploads}, ...). */
    public static int parse(String parameter, Optional<String> raw, int limit) {
        if (raw.isEmpty()) {
            return limit;
        }
        String text = raw.get();
        int value = integer(parameter, text);
        if (value < 0) {
            throw S3Exception.invalidArgument(parameter, text,
                    "Argument " + parameter + " must be an integer between 0 and 2147483647");
        }
        return Math.min(value, limit);
    }

    /**
     * The value of a numeric listing parameter, any {@code int}, as AWS reads them (surrounding blanks ignored).
     *
     * @throws S3Exception {@code InvalidArgument} "Provided ... not an integer or within integer range"
     */
    public static int integer(String parameter, String text) {
        try {
            return Integer.parseInt(text.strip());
        } catch (NumberFormatException notAnInt) {
            throw S3Exception.invalidArgument(parameter, text,
                    "Provided " + parameter + " not an integer or within integer range");
        }
    }
}
