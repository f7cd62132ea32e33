package io.s3multi.s3.operation;

import java.util.Objects;

/**
 * The settings the S3 handlers answer by, parsed once by the s3api stage.
 *
 * @param location              the region reported by GetBucketLocation and accepted as a location constraint
 * @param maxBucketListing      the most keys one ListObjects page returns (max-keys is capped to it)
 * @param maxMultiDeleteObjects the most keys one DeleteObjects request may name
 * @param bucketRegistryUser    the Swift tempauth user ({@code account:user}) of the gateway's bucket registry,
 *                              which keeps bucket names unique across accounts; empty: no registry
 * @param bucketRegistryKey     that user's key; empty when there is no registry
 */
public record S3ApiSettings(String location, int maxBucketListing, int maxMultiDeleteObjects,
        String bucketRegistryUser, String bucketRegistryKey) {

    public S3ApiSettings {
        Objects.requireNonNull(location, "location");
        Objects.requireNonNull(bucketRegistryUser, "bucketRegistryUser");
        Objects.requireNonNull(bucketRegistryKey, "bucketRegistryKey");
    }

    /** Settings without a bucket registry. */
    public S3ApiSettings(String location, int maxBucketListing, int maxMultiDeleteObjects) {
        this(location, maxBucketListing, maxMultiDeleteObjects, "", "");
    }

    public static S3ApiSettings defaults() {
        return new S3ApiSettings("us-east-1", 1000, 1000);
    }

    /** Whether a bucket registry is configured. */
    public boolean hasBucketRegistry() {
        return !bucketRegistryUser.isEmpty();
    }

    @Override
    public String toString() {
        return "S3ApiSettings[location=" + location + ", maxBucketListing=" + maxBucketListing
                + ", maxMultiDeleteObjects=" + maxMultiDeleteObjects + ", bucketRegistryUser=" + bucketRegistryUser
                + "]";  // never the key
    }
}
