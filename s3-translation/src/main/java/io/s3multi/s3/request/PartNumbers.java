package io.s3multi.s3.request;

import io.s3multi.s3.error.S3Exception;

/**
 * The part numbers of multipart uploads: integers from 1 to 10,000 inclusive. Both the part operations and the
 * object operations that take {@code ?partNumber} read them through here, so every surface rejects the same
 * values with the same error AWS gives ({@code InvalidArgument}, {@code ArgumentName} {@code partNumber}).
 */
public final class PartNumbers {

    public static final int MIN = 1;
    public static final int MAX = 10_000;

    private PartNumbers() {
    }

    /**
     * Parses a part number as sent in a query string: decimal digits only.
     *
     * @throws S3Exception {@code InvalidArgument} for anything that is not an integer in 1..10000
     */
    public static int parse(String raw) {
        if (raw == null || raw.isEmpty() || raw.length() > 9 || !raw.chars().allMatch(c -> c >= '0' && c <= '9')) {
            throw S3Exception.invalidPartNumber(raw == null ? "" : raw);
        }
        int number = Integer.parseInt(raw);
        if (number < MIN || number > MAX) {
            throw S3Exception.invalidPartNumber(raw);
        }
        return number;
    }

    /**
     * Returns a part number read from elsewhere (e.g. a CompleteMultipartUpload body) when it is in range.
     *
     * @throws S3Exception {@code InvalidArgument} otherwise
     */
    public static int requireValid(int number) {
        if (number < MIN || number > MAX) {
            throw S3Exception.invalidPartNumber(Integer.toString(number));
        }
        return number;
    }
}
