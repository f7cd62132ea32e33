package io.s3multi.s3.handler.object;

import io.s3multi.s3.error.S3Exception;
import io.s3multi.s3.lock.DeleteAuthority;
import io.s3multi.s3.operation.S3Failures;
import io.s3multi.s3.version.BucketVersioning;
import io.s3multi.s3.version.VersionHeaders;
import io.s3multi.s3.version.VersionId;
import io.s3multi.swift.SwiftAccount;
import io.s3multi.swift.SwiftHeaders;
import io.s3multi.swift.container.VersionEntry;
import io.s3multi.swift.error.SwiftException;
import io.s3multi.swift.error.SwiftHttpStatusException;
import java.time.Clock;
import java.util.Optional;

/**
 * DeleteObject with a {@code versionId}: deletes that one version for good (an object or a delete marker), as S3
 * does, and keeps the key's latest version right.
 *
 * <p>First the version is looked at ({@code HEAD ?version-id=}): Swift answers 400 for an id it cannot parse, which
 * is S3's {@code InvalidArgument} "Invalid version id specified"; 404 for an id it does not know, which S3 answers
 * with 204 (nothing to delete), or for a delete marker (its {@code Content-Type} says so). Then the version is
 * deleted ({@code DELETE ?version-id=}). When that left the key without a current version (Swift answers
 * {@code X-Object-Current-Version-Id: null}), the newest remaining version is made current again
 * ({@link LatestVersion}): Swift does not do it, S3 does. Last, a version that is the manifest of an upload the
 * gateway completed at this key ({@link MultipartLeftovers}, verified on that version's own headers and manifest)
 * takes everything its upload stored in {@code <bucket>_segments} along: one upload's segments are named by one
 * version only (a copy of an object or a part copies bytes), so deleting them then orphans nothing and breaks no
 * other version. (The one exception, the same manifest written twice by a retried Complete, is looked for: a
 * remaining version with the same manifest keeps them.)
 *
 * <p>Object Lock: a version whose HEAD shows a lock that holds (legal hold, retention; {@link DeleteAuthority}) is
 * refused with {@code AccessDenied} before anything is deleted, its segments included. The lock is read from the
 * HEAD the delete makes anyway, so versions of buckets without Object Lock cost nothing more. A retention set
 * between that HEAD and the DELETE (one round trip) is not seen.
 */
public final class VersionDeleter {

    private VersionDeleter() {
    }

    /**
     * What a DeleteObject of one version did.
     *
     * @param versionId    the version id deleted (as asked)
     * @param deleteMarker whether that version was a delete marker
     */
    public record Deletion(String versionId, boolean deleteMarker) {
    }

    /**
     * Deletes version {@code versionId} of {@code key}.
     *
     * @throws S3Exception {@code InvalidArgument} for a malformed version id, {@code NoSuchBucket}, or the S3 form of
     *                     a Swift failure
     */
    public static Deletion delete(SwiftAccount swift, String bucket, String key, String versionId) {
        return delete(swift, bucket, key, versionId, DeleteAuthority.noBypass(Clock.systemUTC()));
    }

    /**
     * Deletes version {@code versionId} of {@code key} unless Object Lock protects it from {@code authority}.
     *
     * @throws S3Exception {@code AccessDenied} for a locked version, {@code InvalidArgument} for a malformed version
     *                     id, {@code NoSuchBucket}, or the S3 form of a Swift failure
     */
    public static Deletion delete(SwiftAccount swift, String bucket, String key, String versionId,
            DeleteAuthority authority) {
        Version version = S3Failures.onObject(swift, bucket, key, () -> look(swift, bucket, key, versionId));
        if (version.equals(Version.ABSENT)) {
            S3Failures.requireBucket(swift, bucket);
            return new Deletion(versionId, false);
        }
        version.headers().ifPresent(authority::requireDeletable);
        Optional<MultipartLeftovers> leftovers = version.headers().isEmpty() ? Optional.empty()
                : S3Failures.onObject(swift, bucket, key, () -> MultipartLeftovers.ofVersion(swift, bucket, key,
                        versionId, version.headers().get()));
        S3Failures.onObject(swift, bucket, key, () -> {
            // The latest version goes in two steps, its symlink first: a concurrent request can take the symlink
            // in between (412; the version's data is still there).
            Optional<SwiftHeaders> answer = LatestVersion.againWhileRacing(() -> S3Failures.unlessNotFound(
                    () -> swift.objects().deleteVersion(bucket, key, versionId, SwiftHeaders.empty()).headers()));
            if (answer.isPresent() && mayHaveLeftNoCurrentVersion(swift, bucket, versionId, answer.get())) {
                LatestVersion.restore(swift, bucket, key);
            }
            return null;
        });
        if (leftovers.isPresent() && !namedByAnotherVersion(swift, bucket, key, version.headers().get())) {
            leftovers.get().delete(swift);
        }
        return new Deletion(versionId, version.marker());
    }

    /**
     * Whether a remaining version of the key has the same manifest as the deleted one (the listing's hash of a
     * manifest is the MD5 of its body, Swift's {@code X-Manifest-Etag}). Normally no other version names an
     * upload's segments; a Complete retried after its gateway died while its first manifest was already written
     * writes the same manifest again, as a second version. Then the segments stay for that version.
     */
    private static boolean namedByAnotherVersion(SwiftAccount swift, String bucket, String key, SwiftHeaders deleted) {
        String manifestEtag = unquoted(deleted.get("X-Manifest-Etag"));
        if (manifestEtag == null) {
            return false;
        }
        return S3Failures.onObject(swift, bucket, key, () -> LatestVersion.versionsOf(swift, bucket, key)).stream()
                .anyMatch(other -> !other.isDeleteMarker() && manifestEtag.equals(unquoted(other.object().hash())));
    }

    private static String unquoted(String value) {
        return value == null ? null : value.trim().replace("\"", "");
    }

    /**
     * Whether the key may have no current version now, so that its versions must be looked at. Swift's answer says
     * {@code X-Object-Current-Version-Id: null} when it has none (or its current one is the null version, which
     * the answer cannot tell apart). Deleting the null version itself Swift answers without that header, as it
     * answers any delete in a container that was never versioned: a container HEAD tells the two apart.
     */
    private static boolean mayHaveLeftNoCurrentVersion(SwiftAccount swift, String bucket, String versionId,
            SwiftHeaders answer) throws SwiftException {
        String current = answer.get(VersionHeaders.SWIFT_CURRENT_VERSION_ID);
        if (current != null) {
            return current.trim().equals(VersionId.NULL_VALUE);
        }
        return versionId.equals(VersionId.NULL_VALUE)
                && BucketVersioning.of(swift.containers().head(bucket).headers()) != BucketVersioning.UNVERSIONED;
    }

    /** What a HEAD of the version found: its headers (an object), a marker, or nothing. */
    private record Version(Optional<SwiftHeaders> headers, boolean marker) {
        static final Version ABSENT = new Version(Optional.empty(), false);
    }

    private static Version look(SwiftAccount swift, String bucket, String key, String versionId)
            throws SwiftException {
        try {
            return new Version(Optional.of(swift.objects().headVersion(bucket, key, versionId, SwiftHeaders.empty())
                    .headers()), false);
        } catch (SwiftHttpStatusException failure) {
            if (failure.status() == 400) {
                throw VersionId.malformed(versionId);
            }
            if (failure.status() == 404) {
                return VersionEntry.isDeleteMarker(failure.headers().get("Content-Type"))
                        ? new Version(Optional.empty(), true) : Version.ABSENT;
            }
            throw failure;
        }
    }
}
