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
        long value;
        try {
            value = Long.parseLong(text.strip());
        } catch (NumberFormatException notANumber) {
            throw S3Exception.invalidArgument(parameter, text,
                    "Provided " + parameter + " not an integer or within integer range");
        }
        if (value > Integer.MAX_VALUE) {
            throw S3Exception.invalidArgument(parameter, text,
                    "Provided " + parameter + " not an integer or within integer range");
        }
        if (value < 0) {
            throw S3Exception.invalidArgument(parameter, text,
                    "Argument " + parameter + " must be an integer between 0 and 2147483647");
        }
        return (int) Math.min(value, limit);
    }
}
