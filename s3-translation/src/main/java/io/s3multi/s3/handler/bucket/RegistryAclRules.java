package io.s3multi.s3.handler.bucket;

import io.s3multi.s3.access.acl.AclWriteRules;
import io.s3multi.swift.error.SwiftException;
import java.nio.charset.StandardCharsets;
import java.util.Optional;
import java.util.function.Supplier;

/**
 * {@link AclWriteRules} whose documents (OwnershipControls, PublicAccessBlock) are the registry's, read with the
 * registry's identity when a write sets an ACL.
 */
public final class RegistryAclRules {

    private RegistryAclRules() {
    }

    /** The rules of the buckets {@code registry} records; {@link AclWriteRules#NONE} without a registry. */
    public static AclWriteRules of(BucketRegistry registry) {
        if (registry == BucketRegistry.none()) {
            return AclWriteRules.NONE;
        }
        return of(() -> registry);
    }

    /** The rules of the buckets recorded by the registry {@code registry} gives when a write asks. */
    public static AclWriteRules of(Supplier<BucketRegistry> registry) {
        return new AclWriteRules(new AclWriteRules.Source() {
            @Override
            public Optional<String> ownershipControls(String bucket) {
                return read(registry.get(), bucket, BucketRegistry.Document.OWNERSHIP_CONTROLS);
            }

            @Override
            public Optional<String> publicAccessBlock(String bucket) {
                return read(registry.get(), bucket, BucketRegistry.Document.PUBLIC_ACCESS_BLOCK);
            }
        });
    }

    private static Optional<String> read(BucketRegistry registry, String bucket, BucketRegistry.Document kind) {
        try {
            return registry.document(bucket, kind).map(bytes -> new String(bytes, StandardCharsets.UTF_8));
        } catch (SwiftException failure) {
            throw BucketPresence.registryFailure(failure);
        }
    }
}
