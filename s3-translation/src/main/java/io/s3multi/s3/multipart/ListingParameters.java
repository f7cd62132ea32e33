package io.s3multi.s3.multipart;

import io.s3multi.s3.error.S3Exception;
import io.s3multi.s3.request.S3Request;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;

/**
 * The paging parameters of the two multipart listings (and of GetObjectAttributes' parts, sent as headers), checked
 * with AWS's errors.
 */
public final class ListingParameters {

    private ListingParameters() {
    }

    /**
     * A non-negative integer parameter, capped to {@code cap}; {@code fallback} when absent.
     *
     * @throws S3Exception InvalidArgument for anything else
     */
    static int count(S3Request request, String name, int fallback, int cap) {
        return count(name, request.param(name).orElse(null), fallback, cap);
    }

    /**
     * {@code raw}, the value of the parameter or header {@code name}, as a non-negative integer capped to
     * {@code cap}; {@code fallback} when it is {@code null}.
     *
     * @throws S3Exception InvalidArgument for anything else
     */
    public static int count(String name, String raw, int fallback, int cap) {
        if (raw == null) {
            return fallback;
        }
        try {
            int value = Integer.parseInt(raw.trim());
            if (value < 0) {
                throw S3Exception.invalidArgument(name, raw, "Argument " + name + " must be an integer between 0 and "
                        + Integer.MAX_VALUE);
            }
            return Math.min(value, cap);
        } catch (NumberFormatException e) {
            throw S3Exception.invalidArgument(name, raw,
                    "Provided " + name + " not an integer or within integer range");
        }
    }

    /** Whether {@code encoding-type=url} was asked for (the only value S3 knows). */
    static boolean urlEncoding(S3Request request) {
        String value = request.param("encoding-type").orElse(null);
        if (value == null) {
            return false;
        }
        if (!"url".equals(value)) {
            throw S3Exception.invalidArgument("encoding-type", value, "Invalid Encoding Method specified in Request");
        }
        return true;
    }

    /** A key or prefix as S3 writes it with {@code encoding-type=url}; unchanged otherwise. */
    static String encode(String value, boolean url) {
        if (!url || value == null) {
            return value;
        }
        return URLEncoder.encode(value, StandardCharsets.UTF_8).replace("+", "%20").replace("%2F", "/")
                .replace("%7E", "~");
    }
}
