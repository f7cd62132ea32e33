package io.s3multi.s3.handler.bucket;

import io.s3multi.s3.error.S3Exception;
import io.s3multi.s3.operation.S3Call;
import java.util.Objects;
import java.util.Optional;

/**
 * A bucket configuration kept with the bucket's registry record ({@link BucketRegistry.Document}: CORS, lifecycle),
 * read and changed for the bucket's owner only. Who that is is decided twice: Swift must find the bucket in the
 * caller's account with the caller's own identity ({@link BucketPresence}), and the registry must record the
 * caller's account as the owner (a bucket without a record, made before the registry or with the Swift API, is
 * claimed for it first; a name another account holds is {@code AccessDenied}). A record of another account is never
 * read or written for the caller.
 *
 * <p>Without a registry nothing can be stored: {@link #store} is {@code NotImplemented}, {@link #read} finds nothing,
 * {@link #delete} does nothing.
 */
final class RegistryDocument {

    private final BucketRegistry registry;
    private final BucketPresence presence;
    private final BucketRegistry.Document kind;

    RegistryDocument(BucketRegistry registry, BucketPresence presence, BucketRegistry.Document kind) {
        this.registry = Objects.requireNonNull(registry, "registry");
        this.presence = Objects.requireNonNull(presence, "presence");
        this.kind = Objects.requireNonNull(kind, "kind");
    }

    /** Stores the caller's bucket's document (validated by the caller). */
    void store(S3Call call, byte[] content, String feature) {
        if (registry == BucketRegistry.none()) {
            throw S3Exception.notImplemented(feature + " needs the gateway's bucket registry");
        }
        String bucket = call.bucket();
        presence.onBucket(call, () -> {
            if (registry.claim(bucket, call.identity().swiftAccount()) == BucketRegistry.Claim.TAKEN) {
                throw S3Exception.accessDenied().withReason("other-account");
            }
            if (!registry.storeDocument(bucket, kind, content)) {
                throw S3Exception.noSuchBucket(bucket);   // the record went away meanwhile: a DeleteBucket won
            }
            return null;
        });
    }

    /** The caller's bucket's document, if it has one. */
    Optional<byte[]> read(S3Call call) {
        if (!isOwnRecord(call)) {
            return Optional.empty();
        }
        return presence.onBucket(call, () -> registry.document(call.bucket(), kind));
    }

    /** Deletes the caller's bucket's document, if there is one. */
    void delete(S3Call call) {
        if (isOwnRecord(call)) {
            presence.onBucket(call, () -> {
                registry.deleteDocument(call.bucket(), kind);
                return null;
            });
        }
    }

    private boolean isOwnRecord(S3Call call) {
        return presence.onBucket(call, () -> registry.ownerOf(call.bucket()))
                .filter(call.identity().swiftAccount()::equals).isPresent();
    }
}
