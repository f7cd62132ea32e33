package io.s3multi.s3.handler.bucket;

import io.s3multi.s3.error.S3Exception;
import io.s3multi.s3.operation.ModificationSecond;
import io.s3multi.s3.operation.S3Call;
import io.s3multi.s3.operation.S3Response;
import io.s3multi.s3.request.S3Request;
import io.s3multi.s3.xml.documents.ListVersionsResult;
import io.s3multi.s3.xml.documents.Owner;
import io.s3multi.swift.container.ListingQuery;
import io.s3multi.swift.container.VersionEntry;
import io.s3multi.swift.error.SwiftException;
import io.s3multi.swift.error.SwiftHttpStatusException;
import java.util.List;
import java.util.Objects;

/**
 * ListObjectVersions: one page of the versions and delete markers of a bucket's keys, read from Swift's versions
 * listing of the bucket's container ({@code ?versions}) by {@link ListingPager}.
 *
 * <p>Every bucket is listed this way, versioned or not: Swift lists an object written while versioning was off
 * (or suspended) as the version {@code null}, so a never-versioned bucket lists each key once with
 * {@code VersionId} {@code null}, at the cost of a plain listing (one Swift listing request per page).
 *
 * <p>What S3 shows: keys in UTF-8 order, each key's versions newest first, as Swift lists them. A Swift delete
 * marker is a {@code <DeleteMarker>}; every other version a {@code <Version>} with the ETag, size, time
 * ({@link ModificationSecond}) and storage class ListObjects shows. {@code IsLatest} is S3's rule, the newest
 * version of each key, i.e. the first one listed (not Swift's {@code is_latest}, which names the version the
 * current symlink points to, and no version at all after the current one was deleted by id); a page that continues
 * inside a key (after {@code version-id-marker}) therefore shows no latest version of that key.
 *
 * <p>Paging: a page continues after {@code key-marker} (every version of it), or after its version
 * {@code version-id-marker}; a truncated page names where the next one starts in {@code NextKeyMarker} and, unless
 * it ended with a common prefix, {@code NextVersionIdMarker}. Swift continues after a version with its
 * {@code version_marker}, except after {@code null}: Swift lists a key's null version first, but its
 * {@code version_marker=null} skips every other version of the key too, so the page continues after the key's
 * newest possible version id instead ({@link #AFTER_NULL}), which lists all its other versions.
 *
 * <p>Errors as AWS: {@code version-id-marker} without {@code key-marker}, or one Swift refuses as a version id, is
 * {@code InvalidArgument}.
 */
final class VersionListings {

    /**
     * The newest version id Swift can give (its largest timestamp): as a {@code version_marker} it lists every
     * version of the key except the null version, which Swift always lists first.
     */
    static final String AFTER_NULL = "9999999999.99999";

    private final ListingPager<VersionEntry> pager;
    private final BucketPresence presence;

    VersionListings(ListingPager<VersionEntry> pager, BucketPresence presence) {
        this.pager = Objects.requireNonNull(pager, "pager");
        this.presence = Objects.requireNonNull(presence, "presence");
    }

    S3Response list(S3Call call, ListingRequest page) {
        S3Request request = call.request();
        String keyMarker = request.param("key-marker").filter(m -> !m.isEmpty()).orElse(null);
        String versionIdMarker = request.param("version-id-marker").filter(m -> !m.isEmpty()).orElse(null);
        if (versionIdMarker != null && keyMarker == null) {
            throw S3Exception.invalidArgument("version-id-marker", versionIdMarker,
                    "A version-id marker cannot be specified without a key marker.");
        }
        ListingPager.Position after = new ListingPager.Position(keyMarker, versionIdMarker);
        ListingWindow<VersionEntry> window = BucketListings.window(call, page, presence, () -> pager.list(
                ListingPager.versions((query, versionMarker) -> fetch(call, query, versionMarker, versionIdMarker)),
                page.prefix(), page.delimiter(), after, page.maxKeys()));

        ListVersionsResult result = page.describe(new ListVersionsResult(call.bucket()), window)
                .keyMarker(page.encode(keyMarker == null ? "" : keyMarker))
                .versionIdMarker(versionIdMarker == null ? "" : versionIdMarker);
        if (window.truncated()) {
            result.nextKeyMarker(page.encode(window.last()));
            if (!window.lastIsPrefix()) {
                result.nextVersionIdMarker(window.lastObject().versionId());
            }
        }
        addEntries(result, window.objects(), versionIdMarker == null ? null : keyMarker, page,
                BucketListings.owner(call));
        return S3Response.xml(result);
    }

    private static List<VersionEntry> fetch(S3Call call, ListingQuery query, String versionMarker,
            String clientVersionIdMarker) throws SwiftException {
        String swiftMarker = VersionEntry.NULL_VERSION.equals(versionMarker) ? AFTER_NULL : versionMarker;
        try {
            return call.swift().containers().listVersions(call.bucket(), query, swiftMarker).entries();
        } catch (SwiftHttpStatusException refused) {
            // The pager's own markers are ids Swift listed; only the client's can be malformed.
            if (refused.status() == 400 && versionMarker != null) {
                throw S3Exception.invalidArgument("version-id-marker", clientVersionIdMarker,
                        "Invalid version id specified");
            }
            throw refused;
        }
    }

    /**
     * @param continuedKey the key whose newer versions an earlier page listed (the page starts inside it), or null
     */
    private static void addEntries(ListVersionsResult result, List<VersionEntry> versions, String continuedKey,
            ListingRequest page, Owner owner) {
        String previous = continuedKey;
        for (VersionEntry version : versions) {
            boolean latest = !version.name().equals(previous);
            previous = version.name();
            String key = page.encode(version.name());
            if (version.isDeleteMarker()) {
                result.addDeleteMarker(new ListVersionsResult.DeleteMarker(key, version.versionId(), latest,
                        ModificationSecond.of(version.lastModified()), owner));
            } else {
                result.addVersion(new ListVersionsResult.Version(key, version.versionId(), latest,
                        ModificationSecond.of(version.lastModified()), BucketListings.etag(version.object()),
                        version.object().bytes(), BucketListings.STANDARD).owner(owner));
            }
        }
    }
}
