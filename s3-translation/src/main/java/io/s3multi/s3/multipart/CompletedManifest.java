package io.s3multi.s3.multipart;

import io.s3multi.s3.contract.ReservedMetadata;
import io.s3multi.s3.contract.SegmentsLayout;
import io.s3multi.s3.contract.UploadId;
import io.s3multi.s3.operation.S3Failures;
import io.s3multi.swift.SwiftAccount;
import io.s3multi.swift.SwiftHeaders;
import io.s3multi.swift.error.SwiftException;
import io.s3multi.swift.error.SwiftProtocolException;
import io.s3multi.swift.slo.ManifestEntry;
import java.util.List;
import java.util.Optional;

/**
 * Whether the object at {@code bucket/key} is the manifest a CompleteMultipartUpload of this gateway wrote there,
 * and for which upload: the only ground on which anything in {@code <bucket>_segments} is deleted along with an
 * object (DeleteObject, and an overwrite by PutObject, CopyObject or another Complete).
 *
 * <p>Reserved metadata cannot be written through the gateway ({@link ReservedMetadata}), but it can travel: a
 * symlink shows its target's, and so would a manifest copied directly in Swift. So the headers only
 * <em>claim</em> an upload ({@link #claimedUpload}): the object must be a Static Large Object, name a well-formed
 * upload id, and carry the {@link ReservedMetadata#OBJECT} binding of exactly this bucket and key. Before
 * segments are deleted the claim is <em>verified</em> against what the gateway wrote itself ({@link #verifiedUpload}):
 * every segment the manifest names, nested manifests walked, lies in {@code <bucket>_segments} under the upload's
 * {@code parts/<id>/} (leaves) or {@code manifests/<id>/} (sub-manifests). Anything else, a native SLO in
 * particular, is not the gateway's: deleting or replacing it deletes its manifest only.
 */
public final class CompletedManifest {

    /** Swift nests SLOs at most 10 deep; a deeper manifest is not one the gateway wrote. */
    private static final int MAX_DEPTH = 10;

    private CompletedManifest() {
    }

    /** The upload the headers of {@code bucket/key} (HEAD) claim made it, if the claim holds for this key. */
    public static Optional<UploadId> claimedUpload(String bucket, String key, SwiftHeaders head) {
        String id = trimmed(head.get(ReservedMetadata.UPLOAD_ID));
        boolean manifest = "true".equalsIgnoreCase(trimmed(head.get("X-Static-Large-Object")));
        boolean bound = ReservedMetadata.binding(bucket, key).equals(trimmed(head.get(ReservedMetadata.OBJECT)));
        if (!manifest || !bound || id == null || !UploadId.isWellFormed(id)) {
            return Optional.empty();
        }
        return Optional.of(new UploadId(id));
    }

    /**
     * The claimed upload, if the object's manifest names only that upload's segments in the bucket's own
     * segments container (one manifest GET per manifest in the tree). A manifest gone or replaced meanwhile
     * verifies nothing.
     */
    public static Optional<UploadId> verifiedUpload(SwiftAccount swift, String bucket, String key, SwiftHeaders head)
            throws SwiftException {
        return verified(swift, bucket, key, head, () -> swift.largeObjects().getManifest(bucket, key));
    }

    /**
     * {@link #verifiedUpload} of one version of {@code bucket/key} (a bucket with Swift's object versioning):
     * {@code head} is the HEAD of that version, and its own manifest is read ({@code ?version-id=}).
     */
    public static Optional<UploadId> verifiedUploadOfVersion(SwiftAccount swift, String bucket, String key,
            String versionId, SwiftHeaders head) throws SwiftException {
        return verified(swift, bucket, key, head,
                () -> swift.largeObjects().getManifestVersion(bucket, key, versionId));
    }

    private static Optional<UploadId> verified(SwiftAccount swift, String bucket, String key, SwiftHeaders head,
            S3Failures.SwiftCall<List<ManifestEntry>> manifest) throws SwiftException {
        Optional<UploadId> claimed = claimedUpload(bucket, key, head);
        if (claimed.isEmpty()) {
            return claimed;
        }
        try {
            // Gone since the HEAD (404): nothing verified.
            Optional<Boolean> ownOnly = S3Failures.unlessNotFound(() -> namesOnlyItsOwn(swift,
                    SegmentsLayout.container(bucket), claimed.get(), manifest.run(), 1));
            return ownOnly.orElse(false) ? claimed : Optional.empty();
        } catch (SwiftProtocolException replacedOrUnreadable) {
            // Replaced by a plain object since the HEAD, or a manifest Swift cannot show: nothing verified.
            return Optional.empty();
        }
    }

    private static boolean namesOnlyItsOwn(SwiftAccount swift, String container, UploadId upload,
            List<ManifestEntry> entries, int depth) throws SwiftException {
        if (entries.isEmpty() || depth > MAX_DEPTH) {
            return false;
        }
        for (ManifestEntry entry : entries) {
            if (!entry.path().container().equals(container)) {
                return false;
            }
            String name = entry.path().object();
            if (entry.subSlo()) {
                if (!name.startsWith(SegmentsLayout.manifestsPrefix(upload)) || !namesOnlyItsOwn(swift, container,
                        upload, swift.largeObjects().getManifest(container, name), depth + 1)) {
                    return false;
                }
            } else if (!name.startsWith(SegmentsLayout.partsPrefix(upload))) {
                return false;
            }
        }
        return true;
    }

    private static String trimmed(String value) {
        return value == null ? null : value.trim();
    }
}
