package io.s3multi.s3.handler.bucket;

import io.s3multi.s3.contract.ListingEtag;
import io.s3multi.s3.operation.ModificationSecond;
import io.s3multi.s3.operation.S3ApiSettings;
import io.s3multi.s3.operation.S3Failures;
import io.s3multi.s3.operation.S3Call;
import io.s3multi.s3.operation.S3Response;
import io.s3multi.s3.request.S3Request;
import io.s3multi.s3.xml.documents.ListBucketResult;
import io.s3multi.s3.xml.documents.Owner;
import io.s3multi.swift.container.ObjectEntry;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * ListObjects, ListObjectsV2 and ListObjectVersions: one page of the bucket's keys, read from the container's
 * Swift listing by {@link ListingPager}; ListObjectVersions is {@link VersionListings}'s.
 *
 * <p>What S3 shows for each key: {@code ETag} is Swift's {@code hash} quoted, or the S3 ETag stored with the
 * object ({@link ListingEtag}); {@code LastModified} is the second the object's {@code Last-Modified} header names
 * ({@link ModificationSecond}); {@code StorageClass}
 * is always {@code STANDARD}; {@code Owner} is the bucket's owner, the caller's account (always in V1 and in
 * ListObjectVersions, with {@code fetch-owner=true} in V2).
 *
 * <p>Paging: V1 continues after {@code marker} and reports {@code NextMarker} when a truncated page was
 * delimited (without a delimiter clients continue after the last key, as with AWS). V2 continues after
 * {@code start-after} or, taking precedence, an opaque {@link ContinuationToken} (an empty one counts as none,
 * as with AWS).
 *
 * <p>With {@code encoding-type=url} ({@link KeyEncoding}) every name in the answer is URL-encoded, keys, common
 * prefixes, markers, delimiter and prefix, except V1's {@code Prefix}, which AWS echoes as sent (and botocore
 * does not decode).
 */
public final class BucketListings {

    static final String STANDARD = "STANDARD";
    /** Swift's default container_listing_limit: the most names one listing request may ask for. */
    private static final int SWIFT_PAGE_LIMIT = 10_000;

    private final S3ApiSettings settings;
    private final BucketPresence presence;
    private final ListingPager<ObjectEntry> pager = new ListingPager<>(SWIFT_PAGE_LIMIT);
    private final VersionListings versions;

    public BucketListings(S3ApiSettings settings, BucketPresence presence) {
        this.settings = Objects.requireNonNull(settings, "settings");
        this.presence = Objects.requireNonNull(presence, "presence");
        this.versions = new VersionListings(new ListingPager<>(SWIFT_PAGE_LIMIT), presence);
    }

    public S3Response listObjects(S3Call call) {
        S3Request request = call.request();
        ListingRequest page = ListingRequest.of(request, settings);
        String marker = request.param("marker").filter(m -> !m.isEmpty()).orElse(null);
        ListingWindow<ObjectEntry> window = window(call, page, marker);

        Owner owner = owner(call);
        // V1 echoes its Prefix as sent even under encoding-type=url, as AWS does: botocore decodes V1's Marker,
        // NextMarker and Delimiter but not its Prefix, so an encoded one would reach the client as %0A.
        ListBucketResult result = page.describe(new ListBucketResult(call.bucket()), window)
                .prefix(page.prefix())
                .marker(page.encode(marker == null ? "" : marker));
        if (window.truncated() && page.delimiter() != null) {
            result.nextMarker(page.encode(window.last()));
        }
        addEntries(result, window, page, owner, currentVersionEtags(call, window, page, marker));
        return S3Response.xml(result);
    }

    public S3Response listObjectsV2(S3Call call) {
        S3Request request = call.request();
        ListingRequest page = ListingRequest.of(request, settings);
        // AWS reads an empty token as none (SDKs that copy an absent NextContinuationToken send one).
        String token = request.param("continuation-token").filter(t -> !t.isEmpty()).orElse(null);
        String startAfter = request.param("start-after").filter(s -> !s.isEmpty()).orElse(null);
        boolean fetchOwner = request.param("fetch-owner").filter("true"::equalsIgnoreCase).isPresent();
        String after = token != null ? ContinuationToken.decode(token) : startAfter;
        ListingWindow<ObjectEntry> window = window(call, page, after);

        ListBucketResult result = page.describe(new ListBucketResult(call.bucket()), window)
                .continuationToken(token)
                .startAfter(page.encode(startAfter))
                .keyCount(window.size());
        if (window.truncated()) {
            result.nextContinuationToken(ContinuationToken.encode(window.last()));
        }
        addEntries(result, window, page, fetchOwner ? owner(call) : null,
                currentVersionEtags(call, window, page, after));
        return S3Response.xml(result);
    }

    public S3Response listObjectVersions(S3Call call) {
        return versions.list(call, ListingRequest.of(call.request(), settings));
    }

    private ListingWindow<ObjectEntry> window(S3Call call, ListingRequest page, String after) {
        return window(call, page, presence, () -> pager.list(
                ListingPager.objects((query, noVersions) -> call.swift().containers().listObjects(call.bucket(), query)
                        .entries()),
                page.prefix(), page.delimiter(), ListingPager.Position.afterKey(after), page.maxKeys()));
    }

    /** Runs a listing of the call's bucket; with max-keys 0 it lists nothing but still requires the bucket. */
    static <E> ListingWindow<E> window(S3Call call, ListingRequest page, BucketPresence presence,
            S3Failures.SwiftCall<ListingWindow<E>> listing) {
        if (page.maxKeys() == 0) {
            presence.require(call);  // nothing to list, but a missing bucket is still an error
        }
        return presence.onBucket(call, listing);
    }

    /** The current versions' entries for the page's version symlinks of multipart objects (none: no request). */
    private Map<String, ObjectEntry> currentVersionEtags(S3Call call, ListingWindow<ObjectEntry> window,
            ListingRequest page, String after) {
        List<ObjectEntry> wanted = CurrentVersionEtags.needingLookup(window.objects());
        if (wanted.isEmpty()) {
            return Map.of();
        }
        return presence.onBucket(call, () -> CurrentVersionEtags.lookUp(call.swift().containers(), call.bucket(),
                wanted, page.prefix(), page.delimiter(), after));
    }

    private static void addEntries(ListBucketResult result, ListingWindow<ObjectEntry> window, ListingRequest page,
            Owner owner, Map<String, ObjectEntry> currentVersions) {
        for (ObjectEntry entry : window.objects()) {
            ObjectEntry shown = currentVersions.getOrDefault(entry.name(), entry);
            result.addContents(new ListBucketResult.Contents(page.encode(entry.name()),
                    ModificationSecond.of(shown.lastModified()),
                    etag(shown), shown.bytes(), STANDARD).owner(owner));
        }
    }

    /** The ETag S3 shows for a listed object or version (the stored S3 ETag of a multipart object). */
    static String etag(ObjectEntry entry) {
        return ListingEtag.forListing(entry.hash(), entry.contentType(), entry.sloEtag());
    }

    static Owner owner(S3Call call) {
        return new Owner(call.bucketOwnerId(), call.bucketOwnerName());
    }
}
