package io.s3multi.s3.handler.object;

import io.s3multi.s3.error.S3Exception;
import io.s3multi.s3.request.BucketNames;
import io.s3multi.s3.request.ObjectKeys;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;

/**
 * The object named by {@code x-amz-copy-source}: {@code /bucket/key} or {@code bucket/key}, URL-encoded, with an
 * optional {@code ?versionId=}.
 *
 * <p>Only the encoded form separates key and version: a {@code ?} that belongs to the key arrives as {@code %3F},
 * a bare {@code ?} starts the query. {@code +} is a plus (clients encode a space as {@code %20}). Buckets are not
 * versioned here, so the only version id accepted is {@code null}, the id S3 gives every object of an
 * unversioned bucket.
 *
 * @param bucket the source bucket
 * @param key    the source key, decoded
 */
public record CopySource(String bucket, String key) {

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
        if (query >= 0) {
            checkVersion(raw.substring(query + 1), header);
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
        return new CopySource(bucket, key);
    }

    private static void checkVersion(String query, String header) {
        for (String parameter : query.split("&")) {
            if (parameter.isEmpty()) {
                continue;
            }
            if (!parameter.startsWith("versionId=")) {
                throw S3Exception.invalidArgument("x-amz-copy-source", header, BAD_SOURCE);
            }
            String version = parameter.substring("versionId=".length());
            if (!version.equals("null")) {
                throw S3Exception.invalidArgument("versionId", version, "Invalid version id specified");
            }
        }
    }
}
