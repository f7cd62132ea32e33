package io.s3multi.s3.multipart;

import io.s3multi.s3.contract.SegmentsLayout;
import io.s3multi.s3.contract.StoredPart;
import io.s3multi.s3.contract.UploadId;
import io.s3multi.swift.ObjectPath;
import io.s3multi.swift.SwiftAccount;
import io.s3multi.swift.SwiftHeaders;
import io.s3multi.swift.SwiftReply;
import io.s3multi.swift.error.SwiftException;
import io.s3multi.swift.slo.SloSegment;
import java.util.ArrayList;
import java.util.List;

/**
 * Writes the SLO manifest of a completed upload at {@code bucket/key}, nesting sub-manifests in
 * {@code <bucket>_segments/manifests/<upload id>/} when there are more parts than one manifest may list
 * (see {@link ManifestPlan}). Every segment is the attempt Complete chose, named with its ETag and size, so Swift
 * refuses the manifest if it changed after Complete checked it.
 */
final class ManifestWriter {


    private final SwiftAccount swift;
    private final String container;

    ManifestWriter(SwiftAccount swift, String container) {
        this.swift = swift;
        this.container = container;
    }

    /** Writes the tree bottom-up, the object's manifest last (with heartbeat: it can take long). */
    SwiftReply write(String bucket, String key, UploadId uploadId, List<StoredPart> parts, int maxSegments,
            SwiftHeaders objectHeaders) throws SwiftException {
        List<SloSegment> level = new ArrayList<>(parts.size());
        for (StoredPart part : parts) {
            level.add(SloSegment.of(new ObjectPath(container, part.segment()), part.md5Hex(), part.size()));
        }
        ManifestPlan plan = ManifestPlan.of(parts.size(), maxSegments);
        int depth = 1;
        for (List<ManifestPlan.Group> groups : plan.levels()) {
            List<SloSegment> above = new ArrayList<>(groups.size());
            for (int i = 0; i < groups.size(); i++) {
                ManifestPlan.Group group = groups.get(i);
                List<SloSegment> children = level.subList(group.from(), group.to());
                String name = SegmentsLayout.subManifest(uploadId, depth, i);
                SwiftReply written = swift.largeObjects().putManifest(container, name, children,
                        SwiftHeaders.of("Content-Type", SegmentsLayout.SUB_MANIFEST_CONTENT_TYPE));
                long size = children.stream().mapToLong(SloSegment::sizeBytes).sum();
                above.add(SloSegment.of(new ObjectPath(container, name), MultipartEtag.normalize(written.etag()),
                        size));
            }
            level = above;
            depth++;
        }
        return swift.largeObjects().putManifestWithHeartbeat(bucket, key, level, objectHeaders);
    }
}
