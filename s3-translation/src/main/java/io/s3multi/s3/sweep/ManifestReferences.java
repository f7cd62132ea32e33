package io.s3multi.s3.sweep;

import io.s3multi.s3.background.Pacer;
import io.s3multi.s3.contract.SegmentsLayout;
import io.s3multi.s3.contract.SegmentsLayout.Kind;
import io.s3multi.s3.contract.SegmentsLayout.SegmentName;
import io.s3multi.s3.contract.UploadId;
import io.s3multi.s3.operation.S3Failures;
import io.s3multi.swift.SwiftAccount;
import io.s3multi.swift.container.ListingPage;
import io.s3multi.swift.container.ListingQuery;
import io.s3multi.swift.container.VersionEntry;
import io.s3multi.swift.error.SwiftException;
import io.s3multi.swift.slo.ManifestEntry;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Which names of {@code <bucket>_segments} the bucket's objects use: every version of every object of the bucket
 * (the current ones and, with versioning, the noncurrent ones, which keep their segments) that is a Static Large
 * Object has its manifest read ({@code ?multipart-manifest=get} of that version), and sub-manifests in the segments
 * container are followed. Native SLOs count as much as the gateway's: whatever a manifest in the bucket names is
 * kept, whoever wrote it.
 *
 * <p>Only the names of the uploads asked about are remembered, so memory follows the sweeper's stretch of uploads,
 * not the bucket. Swift's versions listing serves every bucket: a container that was never versioned lists each
 * object once, as version {@code null}. Costs one listing per 10,000 versions and one GET per SLO version (plus one
 * per sub-manifest of the uploads asked about).
 */
final class ManifestReferences {

    /** Swift nests SLOs at most 10 deep. */
    private static final int MAX_DEPTH = 10;
    /**
     * The version marker that continues after a name's {@code null} version: Swift's {@code version_marker=null}
     * would skip the name's other versions (see docs/VERSIONING.md, "Listing versions").
     */
    private static final String AFTER_NULL_VERSION = "9999999999.99999";

    private final SwiftAccount swift;
    private final Pacer pacer;
    private final String bucket;
    private final String container;
    private final Set<UploadId> asked;
    private final Map<UploadId, Set<String>> named = new HashMap<>();

    private ManifestReferences(SwiftAccount swift, Pacer pacer, String bucket, Set<UploadId> asked) {
        this.swift = swift;
        this.pacer = pacer;
        this.bucket = bucket;
        this.container = SegmentsLayout.container(bucket);
        this.asked = asked;
    }

    /**
     * The names of the {@code asked} uploads' segments that some version's manifest names, by upload; empty when
     * the bucket's container is gone (then nothing can be told, and the caller must not delete).
     */
    static Optional<Map<UploadId, Set<String>>> scan(SwiftAccount swift, Pacer pacer, String bucket,
            Set<UploadId> asked) throws SwiftException, InterruptedException {
        ManifestReferences references = new ManifestReferences(swift, pacer, bucket, asked);
        return references.scanAll() ? Optional.of(references.named) : Optional.empty();
    }

    private boolean scanAll() throws SwiftException, InterruptedException {
        String marker = null;
        String versionMarker = null;
        while (true) {
            pacer.awaitTurn();
            String from = marker;
            String fromVersion = versionMarker;
            Optional<ListingPage<VersionEntry>> page = S3Failures.unlessNotFound(() -> swift.containers()
                    .listVersions(bucket, ListingQuery.all().withMarker(from), fromVersion));
            if (page.isEmpty()) {
                return false;
            }
            List<VersionEntry> entries = page.get().entries();
            if (entries.isEmpty()) {
                return true;
            }
            for (VersionEntry version : entries) {
                if (!version.isSubdir() && !version.isDeleteMarker() && version.object().isStaticLargeObject()) {
                    readVersion(version);
                }
            }
            VersionEntry lastListed = entries.get(entries.size() - 1);
            marker = lastListed.name();
            versionMarker = VersionEntry.NULL_VERSION.equals(lastListed.versionId()) ? AFTER_NULL_VERSION
                    : lastListed.versionId();
        }
    }

    private void readVersion(VersionEntry version) throws SwiftException, InterruptedException {
        pacer.awaitTurn();
        // Deleted since the listing: it names nothing any more.
        Optional<List<ManifestEntry>> manifest = S3Failures.unlessNotFound(() -> swift.largeObjects()
                .getManifestVersion(bucket, version.name(), version.versionId()));
        if (manifest.isPresent()) {
            collect(manifest.get(), 1);
        }
    }

    private void collect(List<ManifestEntry> entries, int depth) throws SwiftException, InterruptedException {
        for (ManifestEntry entry : entries) {
            if (!entry.path().container().equals(container)) {
                continue;
            }
            String object = entry.path().object();
            Optional<SegmentName> name = SegmentsLayout.parse(object).filter(n -> asked.contains(n.uploadId()));
            if (name.isEmpty()) {
                continue;
            }
            named.computeIfAbsent(name.get().uploadId(), id -> new HashSet<>()).add(object);
            if (entry.subSlo() && name.get().kind() == Kind.SUB_MANIFEST && depth < MAX_DEPTH) {
                pacer.awaitTurn();
                Optional<List<ManifestEntry>> nested = S3Failures.unlessNotFound(() -> swift.largeObjects()
                        .getManifest(container, object));
                if (nested.isPresent()) {
                    collect(nested.get(), depth + 1);
                }
            }
        }
    }
}
