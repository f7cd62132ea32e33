package io.s3multi.filters.s3api;

import io.s3multi.s3.access.authorization.AccessDocuments;
import io.s3multi.s3.handler.bucket.BucketRegistry;
import io.s3multi.swift.error.SwiftException;
import java.util.Objects;
import java.util.Optional;
import java.util.stream.Collectors;

/** The bucket registry as authorization reads it: each record's owner and access documents. */
final class RegistryAccessDocuments implements AccessDocuments {

    private final BucketRegistry registry;

    RegistryAccessDocuments(BucketRegistry registry) {
        this.registry = Objects.requireNonNull(registry, "registry");
    }

    @Override
    public Optional<Record> record(String bucket) throws SwiftException {
        return registry.summary(bucket).map(summary -> new Record(summary.owner(), summary.documents().stream()
                .map(BucketRegistry.Document::object).collect(Collectors.toSet())));
    }

    @Override
    public Optional<byte[]> read(String bucket, String object) throws SwiftException {
        for (BucketRegistry.Document kind : BucketRegistry.Document.values()) {
            if (kind.object().equals(object)) {
                return registry.document(bucket, kind);
            }
        }
        return Optional.empty();
    }
}
