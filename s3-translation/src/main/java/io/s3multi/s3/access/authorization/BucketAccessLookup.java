package io.s3multi.s3.access.authorization;

import io.s3multi.swift.error.SwiftException;

/** Where the {@link Authorizer} finds a bucket's access state ({@link BucketAccessCache} in the gateway). */
public interface BucketAccessLookup {

    /** The bucket's owner and access documents. */
    BucketAccess get(String bucket) throws SwiftException;

    /** Drops what is kept of {@code bucket}, after this gateway changed its owner or one of its documents. */
    void forget(String bucket);

    /** How many Swift requests reading buckets' state has cost so far (for tests and monitoring). */
    default long swiftRequests() {
        return 0;
    }
}
