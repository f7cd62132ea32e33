package io.s3multi.s3.multipart;

import io.s3multi.s3.error.S3Exception;
import io.s3multi.s3.request.BucketNames;
import io.s3multi.s3.request.ObjectKeys;
import io.s3multi.s3.version.VersionId;

import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The source of an UploadPartCopy: {@code x-amz-copy-source} ({@code [/]bucket/key[?versionId=id]},
 * URL-encoded), {@code x-amz-copy-source-range} ({@code bytes=first-last}) checked against the source's size,
 * and the {@code x-amz-copy-source-if-*} conditions checked against its ETag and time.
 *
 * @param bucket  the source bucket
 * @param key     the source key
 * @param version the source version asked for, if any
 */
record PartCopySource(String bucket, String key, Optional<VersionId> version) {

    private static final Pattern RANGE = Pattern.compile("bytes=(\\d{1,19})-(\\d{1,19})");

    /** An inclusive byte range of the source. */
    record Range(long first, long last) {
        long length() {
            return last - first + 1;
        }

        String header() {
            return "bytes=" + first + "-" + last;
        }
    }

    /** @throws S3Exception InvalidArgument when the header is not a bucket and key */
    static PartCopySource parse(String header) {
        String raw = header.trim();
        int query = raw.indexOf('?');
        Optional<VersionId> version = Optional.empty();
        if (query >= 0) {
            version = VersionId.fromCopySourceQuery(raw.substring(query + 1), () -> invalid(header));
            raw = raw.substring(0, query);
        }
        String decoded;
        try {
            decoded = URLDecoder.decode(raw.replace("+", "%2B"), StandardCharsets.UTF_8);
        } catch (IllegalArgumentException e) {
            throw invalid(header);
        }
        if (decoded.startsWith("/")) {
            decoded = decoded.substring(1);
        }
        int slash = decoded.indexOf('/');
        if (slash <= 0 || slash == decoded.length() - 1) {
            throw invalid(header);
        }
        String bucket = decoded.substring(0, slash);
        if (!BucketNames.isValid(bucket)) {
            throw invalid(header);
        }
        return new PartCopySource(bucket, ObjectKeys.requireValid(decoded.substring(slash + 1)), version);
    }

    private static S3Exception invalid(String header) {
        return S3Exception.invalidArgument("x-amz-copy-source", header,
                "Copy Source must mention the source bucket and key: sourcebucket/sourcekey");
    }

    /**
     * The range to copy, or {@code null} for the whole source.
     *
     * @throws S3Exception InvalidArgument for a malformed header, InvalidRange outside the source
     */
    static Range range(String header, long sourceSize) {
        if (header == null) {
            return null;
        }
        Matcher matcher = RANGE.matcher(header.trim());
        if (!matcher.matches()) {
            throw S3Exception.invalidArgument("x-amz-copy-source-range", header,
                    "The x-amz-copy-source-range value must be of the form bytes=first-last where first and last "
                            + "are the zero-based offsets of the first and last bytes to copy");
        }
        long first;
        long last;
        try {
            first = Long.parseLong(matcher.group(1));
            last = Long.parseLong(matcher.group(2));
        } catch (NumberFormatException e) {
            throw S3Exception.invalidRange(header, sourceSize);
        }
        if (first > last) {
            throw S3Exception.invalidArgument("x-amz-copy-source-range", header,
                    "The x-amz-copy-source-range value must be of the form bytes=first-last where first and last "
                            + "are the zero-based offsets of the first and last bytes to copy");
        }
        if (last >= sourceSize) {
            throw S3Exception.invalidRange(header, sourceSize);
        }
        return new Range(first, last);
    }

    /**
     * Checks {@code x-amz-copy-source-if-match / -if-none-match / -if-modified-since / -if-unmodified-since}
     * as AWS does (if-match wins over if-unmodified-since, if-none-match over if-modified-since).
     *
     * @throws S3Exception PreconditionFailed
     */
    static void checkConditions(java.util.function.Function<String, String> header, String sourceEtag,
            Instant sourceModified) {
        String ifMatch = header.apply("x-amz-copy-source-if-match");
        String ifNoneMatch = header.apply("x-amz-copy-source-if-none-match");
        Instant ifModifiedSince = date(header.apply("x-amz-copy-source-if-modified-since"));
        Instant ifUnmodifiedSince = date(header.apply("x-amz-copy-source-if-unmodified-since"));
        if (ifMatch != null) {
            if (!etagListMatches(ifMatch, sourceEtag)) {
                throw S3Exception.preconditionFailed("x-amz-copy-source-If-Match");
            }
        } else if (ifUnmodifiedSince != null && sourceModified != null && sourceModified.isAfter(ifUnmodifiedSince)) {
            throw S3Exception.preconditionFailed("x-amz-copy-source-If-Unmodified-Since");
        }
        if (ifNoneMatch != null) {
            if (etagListMatches(ifNoneMatch, sourceEtag)) {
                throw S3Exception.preconditionFailed("x-amz-copy-source-If-None-Match");
            }
        } else if (ifModifiedSince != null && sourceModified != null && !sourceModified.isAfter(ifModifiedSince)) {
            throw S3Exception.preconditionFailed("x-amz-copy-source-If-Modified-Since");
        }
    }

    private static boolean etagListMatches(String list, String etag) {
        for (String candidate : list.split(",")) {
            String trimmed = candidate.trim();
            if (trimmed.equals("*") || MultipartEtag.normalize(trimmed).equals(MultipartEtag.normalize(etag))) {
                return true;
            }
        }
        return false;
    }

    private static Instant date(String value) {
        if (value == null) {
            return null;
        }
        try {
            return ZonedDateTime.parse(value.trim(), DateTimeFormatter.RFC_1123_DATE_TIME).toInstant();
        } catch (DateTimeParseException e) {
            return null;
        }
    }
}
