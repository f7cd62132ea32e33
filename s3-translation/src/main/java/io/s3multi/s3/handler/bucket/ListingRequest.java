package io.s3multi.s3.handler.bucket;

import io.s3multi.s3.operation.S3ApiSettings;
import io.s3multi.s3.request.S3Request;
import io.s3multi.s3.xml.documents.ObjectListing;

/**
 * The parameters every listing of a bucket's keys (ListObjects, ListObjectsV2, ListObjectVersions) reads the same
 * way, in the order they are checked: {@code encoding-type}, {@code max-keys}, {@code prefix}, {@code delimiter}.
 */
record ListingRequest(KeyEncoding encoding, int maxKeys, String prefix, String delimiter) {

    static ListingRequest of(S3Request request, S3ApiSettings settings) {
        KeyEncoding encoding = KeyEncoding.of(request);
        int maxKeys = MaxKeys.parse(request.param("max-keys"), settings.maxBucketListing());
        String prefix = request.param("prefix").orElse("");
        String delimiter = request.param("delimiter").filter(d -> !d.isEmpty()).orElse(null);
        return new ListingRequest(encoding, maxKeys, prefix, delimiter);
    }

    String encode(String key) {
        return encoding.apply(key);
    }

    /** Fills in what every listing answers alike: these parameters, whether the page is cut, its prefixes. */
    <S extends ObjectListing<S>> S describe(S listing, ListingWindow<?> window) {
        window.commonPrefixes().forEach(p -> listing.addCommonPrefix(encode(p)));
        return listing.prefix(encode(prefix))
                .maxKeys(maxKeys)
                .delimiter(encode(delimiter))
                .encodingType(encoding.wireName())
                .truncated(window.truncated());
    }
}
