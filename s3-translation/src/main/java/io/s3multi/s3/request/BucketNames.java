package io.s3multi.s3.request;

import io.s3multi.s3.error.S3Exception;
import java.util.List;

/**
 * AWS's naming rules for general purpose buckets, enforced on every request that names a bucket.
 *
 * <p>A valid name has 3 to 63 characters from {@code a-z 0-9 . -}, starts and ends with a letter or digit, has no
 * {@code ..}, {@code .-} or {@code -.}, is not shaped like an IPv4 address, and does not use a prefix or suffix
 * AWS reserves ({@code xn--}, {@code sthree-}, {@code amzn-s3-demo-}; {@code -s3alias}, {@code --ol-s3},
 * {@code .mrap}, {@code --x-s3}, {@code --table-s3}).
 *
 * <p>The rules also protect the storage layout: the gateway keeps multipart segments in a Swift container named
 * {@code <bucket>_segments}, and because {@code _} is never valid here no S3 bucket can name, list or overwrite
 * such a container.
 */
public final class BucketNames {

    private static final List<String> RESERVED_PREFIXES = List.of("xn--", "sthree-", "amzn-s3-demo-");
    private static final List<String> RESERVED_SUFFIXES =
            List.of("-s3alias", "--ol-s3", ".mrap", "--x-s3", "--table-s3");

    private BucketNames() {
    }

    // Checked character by character, without regular expressions or streams: every request that names a bucket
    // comes through here.
    public static boolean isValid(String name) {
        if (name == null || name.length() < 3 || name.length() > 63
                || !isLetterOrDigit(name.charAt(0)) || !isLetterOrDigit(name.charAt(name.length() - 1))) {
            return false;
        }
        for (int i = 1; i < name.length(); i++) {
            char c = name.charAt(i);
            char before = name.charAt(i - 1);
            if (!isLetterOrDigit(c) && c != '.' && c != '-'
                    || (c == '.' || c == '-') && before == '.' || c == '.' && before == '-') {
                return false;
            }
        }
        return !isIpv4Shaped(name) && !reserved(name);
    }

    private static boolean isLetterOrDigit(char c) {
        return c >= 'a' && c <= 'z' || isDigit(c);
    }

    private static boolean isDigit(char c) {
        return c >= '0' && c <= '9';
    }

    /** Four runs of digits separated by dots, nothing else (the name's first and last characters are no dots). */
    private static boolean isIpv4Shaped(String name) {
        int dots = 0;
        for (int i = 0; i < name.length(); i++) {
            char c = name.charAt(i);
            if (c == '.') {
                dots++;
            } else if (!isDigit(c)) {
                return false;
            }
        }
        return dots == 3;
    }

    private static boolean reserved(String name) {
        for (String prefix : RESERVED_PREFIXES) {
            if (name.startsWith(prefix)) {
                return true;
            }
        }
        for (String suffix : RESERVED_SUFFIXES) {
            if (name.endsWith(suffix)) {
                return true;
            }
        }
        return false;
    }

    /**
     * Returns the name when it is valid.
     *
     * @throws S3Exception {@code InvalidBucketName} naming the bucket otherwise
     */
    public static String requireValid(String name) {
        if (!isValid(name)) {
            throw S3Exception.invalidBucketName(name == null ? "" : name);
        }
        return name;
    }
}
