package io.s3multi.s3.access.authorization;

import io.s3multi.swift.error.SwiftException;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;

/**
 * Where a bucket's owner and its access documents are stored: the bucket registry ({@code RegistryLayout} names the
 * objects). The gateway adapts its registry to it; authorization knows nothing else of the registry.
 */
public interface AccessDocuments {

    /** No registry: no bucket has a recorded owner, so only each account's own access exists. */
    AccessDocuments NONE = new AccessDocuments() {
        @Override
        public Optional<Record> record(String bucket) {
            return Optional.empty();
        }

        @Override
        public Optional<byte[]> read(String bucket, String object) {
            return Optional.empty();
        }
    };

    /**
     * A bucket's record at a glance.
     *
     * @param owner   the owning Swift account
     * @param objects the names of the documents the record holds ({@code RegistryLayout.ACL}, ...)
     */
    record Record(String owner, Set<String> objects) {
        public Record {
            Objects.requireNonNull(owner, "owner");
            objects = Set.copyOf(objects);
        }
    }

    /** The bucket's owner and which documents it has; empty when it has no record. */
    Optional<Record> record(String bucket) throws SwiftException;

    /** The stored document {@code object} of the bucket's record, if any. */
    Optional<byte[]> read(String bucket, String object) throws SwiftException;
}
