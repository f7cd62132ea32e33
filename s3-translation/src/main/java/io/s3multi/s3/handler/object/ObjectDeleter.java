package io.s3multi.s3.handler.object;

import io.s3multi.s3.error.S3Exception;
import io.s3multi.s3.operation.S3Failures;
import io.s3multi.s3.operation.WriteConditions;
import io.s3multi.s3.version.VersionHeaders;
import io.s3multi.swift.SwiftAccount;
import io.s3multi.swift.SwiftHeaders;
import io.s3multi.swift.error.SwiftException;
import io.s3multi.swift.error.SwiftHttpStatusException;
import java.util.Optional;

/**
 * Deletes one key the way S3 does: a key that does not exist is deleted already (S3 answers 204 either way), and
 * an object made by a multipart upload goes with its segments.
 *
 * <p>The object is looked at first (HEAD, and the manifest of a Static Large Object), then deleted with a plain
 * DELETE, which removes a manifest but none of the segments it names; then, once the object is gone, what its
 * upload stored in {@code <bucket>_segments} ({@link MultipartLeftovers}) — only when the gateway can verify that
 * it completed that upload at this key. Swift's {@code ?multipart-manifest=delete} is never used: it deletes
 * whatever a manifest names, in any container the caller can write, and a manifest written with the Swift API may
 * name anything. So deleting such a native SLO through S3 deletes its manifest only (its segments are the Swift
 * user's business).
 *
 * <p>On a bucket with versioning the DELETE is sent even when the HEAD found nothing (Swift's 404 then carries
 * {@code X-Object-Version-Id}): with versioning enabled Swift writes a delete marker (and answers its version id,
 * even with its 404), as S3 does for any key. Segments go
 * only with the null version, and only when Swift really deleted it: an object with a version id, or the null
 * version when Swift answers with the id of a marker (it then kept the object as a noncurrent version), keeps its
 * segments until that version is deleted by id.
 */
public final class ObjectDeleter {

    private ObjectDeleter() {
    }

    /**
     * What a DeleteObject did: the version id of the delete marker Swift wrote (versioning enabled), if any.
     *
     * @param markerVersionId the marker's version id; empty when no marker was written
     */
    public record Deletion(Optional<String> markerVersionId) {
    }

    /**
     * Deletes {@code key} of {@code bucket} (without a version id).
     *
     * @throws S3Exception {@code NoSuchBucket} when the bucket does not exist, or the S3 form of a Swift failure
     */
    public static Deletion delete(SwiftAccount swift, String bucket, String key) {
        return delete(swift, bucket, key, WriteConditions.NONE);
    }

    /**
     * As {@link #delete(SwiftAccount, String, String)}, only when {@code conditions} hold for the object the HEAD
     * found ({@link WriteConditions#check(Optional, String)}): check-then-delete, so a write by someone else
     * between the HEAD and the DELETE is not detected (Swift has no conditional DELETE).
     *
     * @throws S3Exception {@code PreconditionFailed}, or {@code NoSuchKey} when the key holds no object
     */
    public static Deletion delete(SwiftAccount swift, String bucket, String key, WriteConditions conditions) {
        Looked looked = S3Failures.onObject(swift, bucket, key, () -> look(swift, bucket, key));
        if (looked.object().isEmpty() && (conditions.needsCheck() || !looked.versionedContainer())) {
            S3Failures.requireBucket(swift, bucket);
        }
        conditions.check(looked.object(), key);
        if (looked.object().isEmpty() && !looked.versionedContainer()) {
            return new Deletion(Optional.empty());   // nothing there, and no marker to write
        }
        Optional<MultipartLeftovers> leftovers = looked.object().filter(VersionHeaders::isNullVersion).flatMap(
                headers -> S3Failures.onObject(swift, bucket, key, () -> MultipartLeftovers.of(swift, bucket, key,
                        headers)));
        Optional<SwiftHeaders> answer = S3Failures.onObject(swift, bucket, key, () -> deleteCurrent(swift, bucket,
                key));
        if (answer.isEmpty()) {
            S3Failures.requireBucket(swift, bucket);
            return new Deletion(Optional.empty());
        }
        Optional<String> marker = VersionHeaders.keptVersion(answer.get());
        if (marker.isEmpty()) {
            leftovers.ifPresent(upload -> upload.delete(swift));
        }
        return new Deletion(marker);
    }

    /**
     * What a HEAD of the key found: the object's headers, if any, and whether the container has (or had) Swift's
     * object versioning, which even a 404 tells ({@code X-Object-Version-Id: null}).
     */
    private record Looked(Optional<SwiftHeaders> object, boolean versionedContainer) {
    }

    private static Looked look(SwiftAccount swift, String bucket, String key) throws SwiftException {
        try {
            return new Looked(Optional.of(swift.objects().head(bucket, key, SwiftHeaders.empty()).headers()), true);
        } catch (SwiftHttpStatusException failure) {
            if (failure.status() == 404) {
                return new Looked(Optional.empty(), VersionHeaders.versioningConfigured(failure));
            }
            throw failure;
        }
    }

    /**
     * The headers of Swift's answer to the DELETE; empty for a 404 that names no marker (nothing was there, and no
     * marker was written, or the bucket is missing).
     */
    private static Optional<SwiftHeaders> deleteCurrent(SwiftAccount swift, String bucket, String key)
            throws SwiftException {
        try {
            return Optional.of(LatestVersion.againWhileRacing(
                    () -> swift.objects().delete(bucket, key, SwiftHeaders.empty()).headers()));
        } catch (SwiftHttpStatusException failure) {
            if (failure.status() == 404 && VersionHeaders.keptVersion(failure.headers()).isPresent()) {
                return Optional.of(failure.headers());   // nothing was there, but Swift wrote a marker
            }
            if (failure.status() == 404) {
                return Optional.empty();
            }
            throw failure;
        }
    }
}
