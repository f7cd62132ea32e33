package io.s3multi.webapp.s3;

import io.s3multi.swift.SwiftAccount;
import io.s3multi.swift.SwiftHeaders;
import io.s3multi.swift.container.ListingQuery;
import io.s3multi.swift.container.VersionEntry;
import io.s3multi.swift.error.SwiftException;
import io.s3multi.swift.error.SwiftHttpStatusException;
import io.s3multi.swift.http.SwiftResponse;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;

/**
 * Buckets with Swift's object versioning, straight in Swift: switch it, list a key's versions, read one by id, and
 * delete every version so that the container can go (Swift refuses to delete a container that holds versions).
 */
public final class VersionedBuckets {

    private VersionedBuckets() {
    }

    /** Turns Swift's object versioning of {@code bucket} on ({@code true}) or suspends it. */
    public static void versioning(SwiftAccount swift, String bucket, boolean enabled) throws SwiftException {
        swift.containers().post(bucket, SwiftHeaders.of("X-Versions-Enabled", Boolean.toString(enabled)));
    }

    /** Every version of every key of {@code bucket}, as Swift lists them (names ascending, newest first). */
    public static List<VersionEntry> versions(SwiftAccount swift, String bucket) throws SwiftException {
        return versions(swift, bucket, ListingQuery.all());
    }

    /** The versions of exactly {@code key}, newest first. */
    public static List<VersionEntry> versions(SwiftAccount swift, String bucket, String key) throws SwiftException {
        return versions(swift, bucket, ListingQuery.all().withPrefix(key)).stream()
                .filter(version -> version.name().equals(key)).toList();
    }

    private static List<VersionEntry> versions(SwiftAccount swift, String bucket, ListingQuery query)
            throws SwiftException {
        List<VersionEntry> all = new ArrayList<>();
        String marker = null;
        String versionMarker = null;
        while (true) {
            List<VersionEntry> page = swift.containers().listVersions(bucket,
                    marker == null ? query : query.withMarker(marker), versionMarker).entries();
            if (page.isEmpty()) {
                return all;
            }
            all.addAll(page);
            VersionEntry last = page.get(page.size() - 1);
            marker = last.name();
            versionMarker = last.versionId();
        }
    }

    /** The bytes of one version, read by id directly from Swift. */
    public static byte[] read(SwiftAccount swift, String bucket, String key, String versionId)
            throws SwiftException, IOException {
        try (SwiftResponse response = swift.objects().getVersion(bucket, key, versionId, SwiftHeaders.empty())) {
            return response.body().readAllBytes();
        }
    }

    /**
     * Suspends versioning and deletes every version of every key of {@code bucket}, markers too; a bucket that does
     * not exist is skipped. The container itself is left for {@link S3TestGateway#deleteBucketDirectly}.
     */
    public static void deleteAllVersions(SwiftAccount swift, String bucket) throws SwiftException {
        try {
            versioning(swift, bucket, false);
            for (VersionEntry version : versions(swift, bucket)) {
                try {
                    swift.objects().deleteVersion(bucket, version.name(), version.versionId(), SwiftHeaders.empty());
                } catch (SwiftHttpStatusException e) {
                    if (e.status() != 404) {
                        throw e;
                    }
                }
            }
        } catch (SwiftHttpStatusException e) {
            if (e.status() != 404) {
                throw e;
            }
        }
    }
}
