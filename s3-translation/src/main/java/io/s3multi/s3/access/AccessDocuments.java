package io.s3multi.s3.access;

import io.s3multi.s3.handler.bucket.BucketRegistry;
import io.s3multi.swift.error.SwiftException;
import java.util.Optional;

/** Where a bucket's owner and its access documents are stored: the bucket registry ({@code RegistryLayout}). */
public interface AccessDocuments {

    /** No registry: no bucket has a recorded owner, so only each account's own access exists. */
    AccessDocuments NONE = new AccessDocuments() {
        @Override
        public Optional<BucketRegistry.Summary> summary(String bucket) {
            return Optional.empty();
        }

        @Override
        public Optional<byte[]> read(String bucket, BucketRegistry.Document kind) {
            return Optional.empty();
        }
    };

    /** The bucket's owner and which documents it has; empty when it has no record. */
    Optional<BucketRegistry.Summary> summary(String bucket) throws SwiftException;

    /** The stored document of this kind, if any. */
    Optional<byte[]> read(String bucket, BucketRegistry.Document kind) throws SwiftException;

    /** The documents of {@code registry}, read with the registry's own identity. */
    static AccessDocuments of(BucketRegistry registry) {
        if (registry == BucketRegistry.none()) {
            return NONE;
        }
        return new AccessDocuments() {
            @Override
            public Optional<BucketRegistry.Summary> summary(String bucket) throws SwiftException {
                return registry.summary(bucket);
            }

            @Override
            public Optional<byte[]> read(String bucket, BucketRegistry.Document kind) throws SwiftException {
                return registry.document(bucket, kind);
            }
        };
    }
}
