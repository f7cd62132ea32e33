package io.s3multi.s3.handler.object;

import io.s3multi.s3.error.S3Exception;
import io.s3multi.s3.request.BucketNames;
import io.s3multi.s3.request.ObjectKeys;
import io.s3multi.s3.version.VersionId;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.Optional;

/**
 * The object named by {@code x-amz-copy-source}: {@code /bucket/key} or {@code bucket/key}, URL-encoded, with an
 * optional {@code ?versionId=}.
 *
 * <p>Only the encoded form separates key and version: a {@code ?} that belongs to the key arrives as {@code %3F},
 * a bare {@code ?} starts the query. {@code +} is a plus (clients encode a space as {@code %20}).
 *
 * @param bucket  the source bucket
 * @param key     the source key, decoded
 * @param version the source version asked for, if any ({@code null} is the null version, as S3 names it)
 */
public record CopySource(String bucket, String key, Optional<VersionId> version) {

    private static final String BAD_SOURCE =
            "Copy Source must mention the source bucket and key: sourcebucket/sourcekey";

    /**
     * Parses the header value.
     *
     * @throws S3Exception {@code InvalidArgument} for a value that names no bucket and key or an unknown version,
     *                     {@code InvalidBucketName}, {@code KeyTooLongError}
     */
    public static CopySource parse(String header) {
        if (header == null || header.isBlank()) {
            throw S3Exception.invalidArgument("x-amz-copy-source", header, BAD_SOURCE);
        }
        String raw = header.trim();
        int query = raw.indexOf('?');
        Optional<VersionId> version = Optional.empty();
        if (query >= 0) {
            version = VersionId.fromCopySourceQuery(raw.substring(query + 1),
                    () -> S3Exception.invalidArgument("x-amz-copy-source", header, BAD_SOURCE));
            raw = raw.substring(0, query);
        }
        String path;
        try {
            path = URLDecoder.decode(raw.replace("+", "%2B"), StandardCharsets.UTF_8);
        } catch (IllegalArgumentException badEscape) {
            throw S3Exception.invalidArgument("x-amz-copy-source", header, BAD_SOURCE);
        }
        if (path.startsWith("/")) {
            path = path.substring(1);
        }
        int slash = path.indexOf('/');
        if (slash <= 0 || slash == path.length() - 1) {
            throw S3Exception.invalidArgument("x-amz-copy-source", header, BAD_SOURCE);
        }
        String bucket = path.substring(0, slash);
        String key = path.substring(slash + 1);
        if (!BucketNames.isValid(bucket)) {
            throw S3Exception.invalidBucketName(bucket);
        }
        ObjectKeys.requireValid(key);
        return new CopySource(bucket, key, version);
    }
}
