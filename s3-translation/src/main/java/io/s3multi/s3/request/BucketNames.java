package io.s3multi.s3.request;

import io.s3multi.s3.error.S3Exception;
import java.util.List;
import java.util.regex.Pattern;

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

    private static final Pattern SHAPE = Pattern.compile("[a-z0-9][a-z0-9.-]{1,61}[a-z0-9]");
    private static final Pattern IPV4_SHAPE = Pattern.compile("[0-9]+\\.[0-9]+\\.[0-9]+\\.[0-9]+");
    private static final List<String> RESERVED_PREFIXES = List.of("xn--", "sthree-", "amzn-s3-demo-");
    private static final List<String> RESERVED_SUFFIXES =
            List.of("-s3alias", "--ol-s3", ".mrap", "--x-s3", "--table-s3");

    private BucketNames() {
    }

    public static boolean isValid(String name) {
        return name != null
                && SHAPE.matcher(name).matches()
                && !name.contains("..") && !name.contains(".-") && !name.contains("-.")
                && !IPV4_SHAPE.matcher(name).matches()
                && RESERVED_PREFIXES.stream().noneMatch(name::startsWith)
                && RESERVED_SUFFIXES.stream().noneMatch(name::endsWith);
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
