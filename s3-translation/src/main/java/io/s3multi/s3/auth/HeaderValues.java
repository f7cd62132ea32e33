package io.s3multi.s3.auth;

/** How both signature versions read a header value before signing it. */
final class HeaderValues {

    private HeaderValues() {
    }

    /**
     * The value without leading and trailing white space and control characters (everything up to {@code ' '}),
     * as S3 strips them, and as the client sent it (UTF-8 re-derived, {@link io.s3multi.s3.http.HeaderValues#asSent});
     * {@code ""} for an absent (null) value.
     */
    static String strip(String value) {
        if (value == null) {
            return "";
        }
        int start = 0;
        int end = value.length();
        while (start < end && value.charAt(start) <= ' ') {
            start++;
        }
        while (end > start && value.charAt(end - 1) <= ' ') {
            end--;
        }
        return io.s3multi.s3.http.HeaderValues.asSent(value.substring(start, end));
    }
}
