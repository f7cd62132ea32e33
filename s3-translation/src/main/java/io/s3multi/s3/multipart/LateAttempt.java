package io.s3multi.s3.multipart;

import io.s3multi.s3.contract.SegmentsLayout;
import io.s3multi.s3.contract.UploadId;
import io.s3multi.s3.operation.S3Failures;
import io.s3multi.swift.SwiftAccount;
import io.s3multi.swift.SwiftHeaders;
import io.s3multi.swift.error.SwiftException;
import io.s3multi.swift.slo.ManifestEntry;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * What a part attempt does when it finds, after storing its segment, that its upload is no longer in progress
 * (completed or aborted while its PUT ran): it deletes its own segment, and only that, unless the object at the
 * key is a manifest that names it.
 *
 * <p>Why the manifest must be read: an attempt whose PUT ended just before a Complete listed the parts may be the
 * one Complete chose (a retry with the same bytes has the same ETag; {@link CompletionPlan} takes the latest of
 * equal attempts, and attempt names follow the gateways' clocks), and then see the marker gone. Whether the
 * object names it is answered by what Complete wrote, the manifest at the key (and the upload's own
 * sub-manifests under {@code manifests/<upload id>/} when nested), not by metadata a client could have written.
 * A manifest that cannot be read (Swift failing) counts as naming the segment: keeping a segment is safe, deleting
 * one that an object reads is not; what is kept is found by the sweeper (see the package comment).
 *
 * <p>Why that is enough: an attempt not named by the manifest was not chosen, and the Complete's clean-up, which
 * lists the attempts after the marker is marked finished, either saw it (and deletes it) or ran before this PUT
 * ended; either way nothing else will use it. An Abort's parts are never named by a manifest that survives
 * ({@link CompletionHandler}).
 */
final class LateAttempt {

    private static final Logger LOG = LoggerFactory.getLogger(LateAttempt.class);

    private LateAttempt() {
    }

    /** Deletes {@code segment} unless the manifest at {@code bucket/key} names it. */
    static void discard(SwiftAccount swift, UploadState state, String bucket, String key, UploadId uploadId,
            String segment) throws SwiftException {
        boolean named;
        try {
            named = isManifest(swift, bucket, key) && names(swift, state.container(), uploadId,
                    swift.largeObjects().getManifest(bucket, key), segment);
        } catch (SwiftException e) {
            if (!S3Failures.isStatus(e, 404)) {
                LOG.warn("keeping part segment {}/{}: could not read the manifest at {}/{}: {}", state.container(),
                        segment, bucket, key, e.toString());
                return;
            }
            named = false;
        }
        if (named) {
            LOG.info("part segment {}/{} landed after its upload finished; kept: the object at {}/{} names it",
                    state.container(), segment, bucket, key);
            return;
        }
        state.deleteQuietly(segment);
    }

    private static boolean isManifest(SwiftAccount swift, String bucket, String key) throws SwiftException {
        return "true".equalsIgnoreCase(swift.objects().head(bucket, key, SwiftHeaders.empty())
                .header("X-Static-Large-Object"));
    }

    /**
     * The segments of {@code container} that the manifest at {@code bucket/key} names, the upload's own
     * sub-manifests followed; empty when the key holds no manifest.
     */
    static Set<String> segmentsNamedAt(SwiftAccount swift, String container, UploadId uploadId, String bucket,
            String key) throws SwiftException {
        Set<String> named = new HashSet<>();
        S3Failures.ignoringNotFound(() -> {   // nothing at the key: no manifest names anything
            if (isManifest(swift, bucket, key)) {
                collect(swift, container, uploadId, swift.largeObjects().getManifest(bucket, key), named);
            }
        });
        return named;
    }

    private static boolean names(SwiftAccount swift, String container, UploadId uploadId, List<ManifestEntry> entries,
            String segment) throws SwiftException {
        Set<String> named = new HashSet<>();
        collect(swift, container, uploadId, entries, named);
        return named.contains(segment);
    }

    private static void collect(SwiftAccount swift, String container, UploadId uploadId, List<ManifestEntry> entries,
            Set<String> named) throws SwiftException {
        String subManifests = SegmentsLayout.manifestsPrefix(uploadId);
        for (ManifestEntry entry : entries) {
            if (!entry.path().container().equals(container)) {
                continue;
            }
            String object = entry.path().object();
            named.add(object);
            if (entry.subSlo() && object.startsWith(subManifests)) {
                collect(swift, container, uploadId, swift.largeObjects().getManifest(container, object), named);
            }
        }
    }
}
