package io.s3multi.admin;

import io.s3multi.s3.handler.bucket.SwiftBucketRegistry;
import io.s3multi.swift.SwiftAccount;
import io.s3multi.swift.container.ContainerEntry;
import io.s3multi.swift.container.ListingQuery;
import io.s3multi.swift.error.SwiftException;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Which buckets exist and who owns them, as the bucket registry knows them: one registry container per bucket,
 * whose metadata names the owning account. Containers made with the Swift API directly are not buckets of the
 * gateway and are not listed (as the gateway's background work does not cover them).
 */
final class BucketDirectory {

    /** A bucket and the Swift account its containers are in. */
    record Bucket(String name, String account) {
    }

    private final SwiftAccount registryAccount;
    private final SwiftBucketRegistry registry;

    BucketDirectory(SwiftAccount registryAccount) {
        this.registryAccount = registryAccount;
        this.registry = new SwiftBucketRegistry(registryAccount);
    }

    /** Every bucket with an owner, by name; only {@code bucket} and {@code account} when given. */
    List<Bucket> buckets(Optional<String> bucket, Optional<String> account) throws SwiftException {
        List<String> names = new ArrayList<>();
        if (bucket.isPresent()) {
            names.add(bucket.get());
        } else {
            var cursor = registryAccount.containers().listAllContainers(ListingQuery.all());
            while (cursor.hasMorePages()) {
                cursor.nextPage().entries().stream().map(ContainerEntry::name).forEach(names::add);
            }
        }
        List<Bucket> buckets = new ArrayList<>();
        for (String name : names) {
            Optional<String> owner = registry.ownerOf(name);
            if (owner.isPresent() && account.map(owner.get()::equals).orElse(true)) {
                buckets.add(new Bucket(name, owner.get()));
            }
        }
        return buckets;
    }
}
