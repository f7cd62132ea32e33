package io.s3multi.s3.handler;

/**
 * The settings the S3 handlers answer by, parsed once by the s3api stage.
 *
 * @param location              the region reported by GetBucketLocation and accepted as a location constraint
 * @param maxBucketListing      the most keys one ListObjects page returns (max-keys is capped to it)
 * @param maxMultiDeleteObjects the most keys one DeleteObjects request may name
 * @param bucketRegistryUser    the tempauth user ({@code account:user}) of the gateway's own Swift account that
 *                              holds the bucket registry; null for no registry (bucket names then repeat across
 *                              accounts)
 * @param bucketRegistryKey     that user's key; null when there is no registry
 */
public record S3ApiSettings(String location, int maxBucketListing, int maxMultiDeleteObjects,
                            String bucketRegistryUser, String bucketRegistryKey) {

    public static S3ApiSettings defaults() {
        return new S3ApiSettings("us-east-1", 1000, 1000, null, null);
    }
}
