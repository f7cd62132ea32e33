package io.s3multi.s3.version;

import io.s3multi.s3.error.S3Exception;
import io.s3multi.s3.operation.S3Failures;
import io.s3multi.swift.SwiftAccount;
import io.s3multi.swift.SwiftHeaders;
import io.s3multi.swift.SwiftReply;
import io.s3multi.swift.container.ListingQuery;
import io.s3multi.swift.container.VersionEntry;
import io.s3multi.swift.error.SwiftException;
import io.s3multi.swift.error.SwiftHttpStatusException;
import java.util.List;
import java.util.Optional;

/**
 * Reads of one object version, and what a key that is absent on a versioned bucket answers, with S3's errors.
 *
 * <ul>
 *   <li>A version Swift does not know is {@code NoSuchVersion} (404), one it cannot parse (Swift's 400) is
 *       {@code InvalidArgument} as AWS answers a malformed id; a missing bucket stays {@code NoSuchBucket}.</li>
 *   <li>A version that is a delete marker (Swift: 404 with the marker's content type) is 405
 *       {@code MethodNotAllowed} with {@code x-amz-delete-marker: true} and its {@code x-amz-version-id}, as AWS
 *       answers a GET or HEAD of a marker by version id.</li>
 *   <li>A key without a current version whose newest version is a marker is {@code NoSuchKey} with
 *       {@code x-amz-delete-marker: true} and the marker's version id. It costs one versions listing of one entry,
 *       spent only where Swift's 404 shows the bucket versioned, so an unversioned bucket pays nothing.</li>
 * </ul>
 */
public final class ObjectVersions {

    /** AWS's {@code ResourceType} for a delete marker addressed by version id. */
    private static final String DELETE_MARKER_RESOURCE = "DeleteMarker";

    private ObjectVersions() {
    }

    /**
     * Runs a request about one version of {@code key}; a failure is thrown as its S3 error (see the class comment).
     *
     * @param method the S3 request's method, for the {@code MethodNotAllowed} of a delete marker
     */
    public static <T> T onVersion(SwiftAccount swift, String bucket, String key, VersionId version, String method,
            S3Failures.SwiftCall<T> call) {
        try {
            return call.run();
        } catch (SwiftException failure) {
            throw forVersion(failure, swift, bucket, key, version, method);
        }
    }

    /** The S3 error for a failed request about one version of {@code key} (see the class comment). */
    public static S3Exception forVersion(SwiftException failure, SwiftAccount swift, String bucket, String key,
            VersionId version, String method) {
        if (S3Failures.isStatus(failure, 400)) {
            return VersionId.malformed(version.value());
        }
        if (!S3Failures.isNotFound(failure)) {
            return S3Failures.forObject(failure, swift, bucket, key);
        }
        if (failure instanceof SwiftHttpStatusException status
                && VersionEntry.isDeleteMarker(status.headers().get("Content-Type"))) {
            return S3Exception.methodNotAllowed(method, DELETE_MARKER_RESOURCE)
                    .withResponseHeader(VersionHeaders.DELETE_MARKER, "true")
                    .withResponseHeader(VersionHeaders.VERSION_ID, version.value());
        }
        S3Failures.requireBucket(swift, bucket);
        return S3Exception.noSuchVersion(key, version.value());
    }

    /**
     * The headers of a copy's source (CopyObject, UploadPartCopy): the version asked for, else the current one. A
     * delete marker named by version id cannot be copied (AWS: {@code InvalidRequest}).
     */
    public static SwiftReply headCopySource(SwiftAccount swift, String bucket, String key,
            Optional<VersionId> version) {
        if (version.isEmpty()) {
            return onCurrent(swift, bucket, key, () -> swift.objects().head(bucket, key, SwiftHeaders.empty()));
        }
        try {
            return onVersion(swift, bucket, key, version.get(), "PUT",
                    () -> swift.objects().headVersion(bucket, key, version.get().value(), SwiftHeaders.empty()));
        } catch (S3Exception failure) {
            if ("true".equals(failure.responseHeaders().get(VersionHeaders.DELETE_MARKER))) {
                throw S3Exception.invalidRequest(
                        "The source of a copy request may not specifically refer to a delete marker by version id.");
            }
            throw failure;
        }
    }

    /**
     * The S3 error for a failed request about the current version of {@code key}: as
     * {@link S3Failures#forObject}, but a 404 from a versioned bucket whose newest version of the key is a delete
     * marker carries {@code x-amz-delete-marker: true} and the marker's version id.
     */
    public static S3Exception forCurrent(SwiftException failure, SwiftAccount swift, String bucket, String key) {
        S3Exception error = S3Failures.forObject(failure, swift, bucket, key);
        if (!S3Failures.isNotFound(failure) || !VersionHeaders.versioningConfigured(failure)) {
            return error;
        }
        Optional<VersionEntry> newest = newestVersion(swift, bucket, key);
        if (newest.isPresent() && newest.get().isDeleteMarker()) {
            return error.withResponseHeader(VersionHeaders.DELETE_MARKER, "true")
                    .withResponseHeader(VersionHeaders.VERSION_ID, newest.get().versionId());
        }
        return error;
    }

    /** Runs requests about the current version of {@code key}; a failure is thrown as {@link #forCurrent}. */
    public static <T> T onCurrent(SwiftAccount swift, String bucket, String key, S3Failures.SwiftCall<T> call) {
        try {
            return call.run();
        } catch (SwiftException failure) {
            throw forCurrent(failure, swift, bucket, key);
        }
    }

    /**
     * The newest version of {@code key} (a delete marker included), by one versions listing: names come in
     * ascending order and a name's versions newest first, so the key's newest version is the first entry.
     */
    public static Optional<VersionEntry> newestVersion(SwiftAccount swift, String bucket, String key) {
        List<VersionEntry> first = S3Failures.onObject(swift, bucket, key, () -> swift.containers().listVersions(
                bucket, ListingQuery.all().withPrefix(key).withLimit(1), null).entries());
        return first.stream().filter(entry -> key.equals(entry.name())).findFirst();
    }
}
