package io.s3multi.s3.handler.bucket;

import io.s3multi.s3.contract.ListingEtag;
import io.s3multi.s3.error.S3Exception;
import io.s3multi.s3.operation.ModificationSecond;
import io.s3multi.s3.operation.S3ApiSettings;
import io.s3multi.s3.operation.S3Call;
import io.s3multi.s3.operation.S3Response;
import io.s3multi.s3.request.S3Request;
import io.s3multi.s3.xml.documents.ListBucketResult;
import io.s3multi.s3.xml.documents.ListVersionsResult;
import io.s3multi.s3.xml.documents.ObjectListing;
import io.s3multi.s3.xml.documents.Owner;
import io.s3multi.swift.container.ObjectEntry;
import java.util.Objects;

/**
 * ListObjects, ListObjectsV2 and ListObjectVersions: one page of the bucket's keys, read from the container's
 * Swift listing by {@link ObjectListingPager}.
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
 * as with AWS). ListObjectVersions on these
 * never-versioned buckets lists each key once, with {@code VersionId} {@code null} and {@code IsLatest} true,
 * and continues after {@code key-marker}.
 *
 * <p>With {@code encoding-type=url} ({@link KeyEncoding}) every name in the answer is URL-encoded, keys, common
 * prefixes, markers, delimiter and prefix, except V1's {@code Prefix}, which AWS echoes as sent (and botocore
 * does not decode).
 */
public final class BucketListings {

    private static final String STANDARD = "STANDARD";
    private static final String NULL_VERSION = "null";
    /** Swift's default container_listing_limit: the most names one listing request may ask for. */
    private static final int SWIFT_PAGE_LIMIT = 10_000;

    private final S3ApiSettings settings;
    private final BucketPresence presence;
    private final ObjectListingPager pager = new ObjectListingPager(SWIFT_PAGE_LIMIT);

    public BucketListings(S3ApiSettings settings, BucketPresence presence) {
        this.settings = Objects.requireNonNull(settings, "settings");
        this.presence = Objects.requireNonNull(presence, "presence");
    }

    public S3Response listObjects(S3Call call) {
        S3Request request = call.request();
        Page page = Page.of(request, settings);
        String marker = request.param("marker").filter(m -> !m.isEmpty()).orElse(null);
        ListingWindow window = window(call, page, marker);

        Owner owner = owner(call);
        // V1 echoes its Prefix as sent even under encoding-type=url, as AWS does: botocore decodes V1's Marker,
        // NextMarker and Delimiter but not its Prefix, so an encoded one would reach the client as %0A.
        ListBucketResult result = page.describe(new ListBucketResult(call.bucket()), window)
                .prefix(page.prefix())
                .marker(page.encode(marker == null ? "" : marker));
        if (window.truncated() && page.delimiter() != null) {
            result.nextMarker(page.encode(window.last()));
        }
        addEntries(result, window, page, owner);
        return S3Response.xml(result);
    }

    public S3Response listObjectsV2(S3Call call) {
        S3Request request = call.request();
        Page page = Page.of(request, settings);
        // AWS reads an empty token as none (SDKs that copy an absent NextContinuationToken send one).
        String token = request.param("continuation-token").filter(t -> !t.isEmpty()).orElse(null);
        String startAfter = request.param("start-after").filter(s -> !s.isEmpty()).orElse(null);
        boolean fetchOwner = request.param("fetch-owner").filter("true"::equalsIgnoreCase).isPresent();
        String after = token != null ? ContinuationToken.decode(token) : startAfter;
        ListingWindow window = window(call, page, after);

        ListBucketResult result = page.describe(new ListBucketResult(call.bucket()), window)
                .continuationToken(token)
                .startAfter(page.encode(startAfter))
                .keyCount(window.size());
        if (window.truncated()) {
            result.nextContinuationToken(ContinuationToken.encode(window.last()));
        }
        addEntries(result, window, page, fetchOwner ? owner(call) : null);
        return S3Response.xml(result);
    }

    public S3Response listObjectVersions(S3Call call) {
        S3Request request = call.request();
        Page page = Page.of(request, settings);
        String keyMarker = request.param("key-marker").filter(m -> !m.isEmpty()).orElse(null);
        String versionIdMarker = request.param("version-id-marker").filter(m -> !m.isEmpty()).orElse(null);
        if (versionIdMarker != null) {
            if (keyMarker == null) {
                throw S3Exception.invalidArgument("version-id-marker", versionIdMarker,
                        "A version-id marker cannot be specified without a key marker.");
            }
            if (!versionIdMarker.equals(NULL_VERSION)) {
                throw S3Exception.invalidArgument("version-id-marker", versionIdMarker, "Invalid version id specified");
            }
        }
        ListingWindow window = window(call, page, keyMarker);

        Owner owner = owner(call);
        ListVersionsResult result = page.describe(new ListVersionsResult(call.bucket()), window)
                .keyMarker(page.encode(keyMarker == null ? "" : keyMarker))
                .versionIdMarker(versionIdMarker == null ? "" : versionIdMarker);
        if (window.truncated()) {
            result.nextKeyMarker(page.encode(window.last()));
            if (!window.lastIsPrefix()) {
                result.nextVersionIdMarker(NULL_VERSION);
            }
        }
        for (ObjectEntry entry : window.objects()) {
            result.addVersion(new ListVersionsResult.Version(page.encode(entry.name()), NULL_VERSION, true,
                    ModificationSecond.of(entry.lastModified()), etag(entry), entry.bytes(), STANDARD).owner(owner));
        }
        return S3Response.xml(result);
    }

    private ListingWindow window(S3Call call, Page page, String after) {
        if (page.maxKeys() == 0) {
            presence.require(call);  // nothing to list, but a missing bucket is still an error
        }
        return presence.onBucket(call, () -> pager.list(
                query -> call.swift().containers().listObjects(call.bucket(), query),
                page.prefix(), page.delimiter(), after, page.maxKeys()));
    }

    private static void addEntries(ListBucketResult result, ListingWindow window, Page page, Owner owner) {
        for (ObjectEntry entry : window.objects()) {
            result.addContents(new ListBucketResult.Contents(page.encode(entry.name()),
                    ModificationSecond.of(entry.lastModified()),
                    etag(entry), entry.bytes(), STANDARD).owner(owner));
        }
    }

    private static String etag(ObjectEntry entry) {
        return ListingEtag.forListing(entry.hash(), entry.contentType(), entry.sloEtag());
    }

    private static Owner owner(S3Call call) {
        return new Owner(call.identity().ownerId(), call.identity().displayName());
    }

    /** The parameters every listing reads the same way, in the order they are checked. */
    private record Page(KeyEncoding encoding, int maxKeys, String prefix, String delimiter) {

        static Page of(S3Request request, S3ApiSettings settings) {
            KeyEncoding encoding = KeyEncoding.of(request);
            int maxKeys = MaxKeys.parse(request.param("max-keys"), settings.maxBucketListing());
            String prefix = request.param("prefix").orElse("");
            String delimiter = request.param("delimiter").filter(d -> !d.isEmpty()).orElse(null);
            return new Page(encoding, maxKeys, prefix, delimiter);
        }

        String encode(String key) {
            return encoding.apply(key);
        }

        /** Fills in what every listing answers alike: these parameters, whether the page is cut, its prefixes. */
        <S extends ObjectListing<S>> S describe(S listing, ListingWindow window) {
            window.commonPrefixes().forEach(p -> listing.addCommonPrefix(encode(p)));
            return listing.prefix(encode(prefix))
                    .maxKeys(maxKeys)
                    .delimiter(encode(delimiter))
                    .encodingType(encoding.wireName())
                    .truncated(window.truncated());
        }
    }
}
