package io.s3multi.s3.handler.bucket;

import io.s3multi.s3.contract.RegistryLayout;
import io.s3multi.s3.operation.S3ApiSettings;
import io.s3multi.swift.SwiftBackend;
import io.s3multi.swift.error.SwiftException;
import java.util.Optional;

/**
 * Which Swift account owns each S3 bucket name: what makes bucket names unique across accounts, as S3's are.
 *
 * <p>Buckets are containers of the creator's own Swift account, and Swift lets every account have a container of
 * any name. S3 clients expect one namespace: a name another account holds is {@code BucketAlreadyExists}, and
 * touching another account's bucket is {@code AccessDenied}. The registry records the owner of every bucket
 * created through the gateway. CreateBucket {@linkplain #claim claims} the name and {@linkplain #hold holds} the
 * record before it creates the container (and forgets it if that fails and nobody else relies on it);
 * DeleteBucket {@linkplain #release releases} it after the container is gone; every other bucket operation
 * consults {@link #ownerOf} only when the bucket is missing from the caller's account, so the registry costs
 * nothing on the hot path.
 *
 * <p>Containers made with the Swift API directly, or before the registry was configured, are not recorded: they
 * work as buckets for their own account, and another account can still claim the same name.
 */
public interface BucketRegistry {

    /** The outcome of {@link #claim}. */
    enum Claim {
        /** The name was free and is now recorded for the caller's account. */
        CLAIMED,
        /** The name was already recorded for the caller's account. */
        ALREADY_YOURS,
        /** Another account holds the name. */
        TAKEN
    }

    /**
     * Records {@code bucket} for {@code account} unless some account already holds it; atomic, so of two
     * accounts racing for one name exactly one gets {@link Claim#CLAIMED}.
     *
     * @param account the Swift account, e.g. {@code AUTH_test}
     */
    Claim claim(String bucket, String account) throws SwiftException;

    /**
     * Marks that one CreateBucket relies on the record of {@code bucket} (which it claimed or found its own) while
     * it creates the container: a record that someone holds, or whose bucket was created, is never forgotten by
     * {@link #forgetUnlessHeld}. Every hold ends with {@link #settle} or {@link #drop}.
     *
     * @return the hold, or empty when the record is gone (a failed create released it meanwhile: claim again)
     */
    default Optional<String> hold(String bucket) throws SwiftException {
        return Optional.of("");
    }

    /** The container of {@code bucket} exists: marks the record as a created bucket's and ends {@code hold}. */
    default void settle(String bucket, String hold) throws SwiftException {
    }

    /** Ends {@code hold} of a create that failed. */
    default void drop(String bucket, String hold) throws SwiftException {
    }

    /**
     * Forgets {@code bucket}, freshly claimed by a create that failed, unless another create holds its record or
     * created the bucket: atomic, so a name another request of the account relies on is never released.
     */
    default void forgetUnlessHeld(String bucket) throws SwiftException {
    }

    /** The Swift account recorded for {@code bucket}, if any. */
    Optional<String> ownerOf(String bucket) throws SwiftException;

    /** Forgets {@code bucket} if, and only if, it is recorded for {@code account}. */
    void release(String bucket, String account) throws SwiftException;

    /** A configuration document kept with a bucket's record, by the object that holds it ({@code RegistryLayout}). */
    enum Document {
        /** PutBucketCors's configuration. */
        CORS(RegistryLayout.CORS),
        /** PutBucketLifecycleConfiguration's configuration. */
        LIFECYCLE(RegistryLayout.LIFECYCLE),
        /** The bucket's ACL (an AccessControlPolicy document). */
        ACL(RegistryLayout.ACL),
        /** The bucket policy (JSON as sent). */
        POLICY(RegistryLayout.POLICY),
        /** The PublicAccessBlockConfiguration. */
        PUBLIC_ACCESS_BLOCK(RegistryLayout.PUBLIC_ACCESS_BLOCK),
        /** The OwnershipControls. */
        OWNERSHIP_CONTROLS(RegistryLayout.OWNERSHIP_CONTROLS);

        private final String object;

        Document(String object) {
            this.object = object;
        }

        /** The name of the object in the record's container. */
        public String object() {
            return object;
        }
    }

    /**
     * The document of this kind stored with the record of {@code bucket} (S3 XML as {@link #storeDocument} was given
     * it); empty when there is none, or no record. Read with the registry's own identity: a CORS preflight has no
     * other, and neither have the lifecycle headers' cache and the background worker.
     */
    default Optional<byte[]> document(String bucket, Document kind) throws SwiftException {
        return Optional.empty();
    }

    /**
     * Stores {@code bucket}'s document of this kind with its record, which the caller has made sure is its own.
     *
     * @return false when the record is missing (it must be claimed first)
     */
    default boolean storeDocument(String bucket, Document kind, byte[] content) throws SwiftException {
        return false;
    }

    /** Deletes {@code bucket}'s document of this kind, if there is one. */
    default void deleteDocument(String bucket, Document kind) throws SwiftException {
    }

    /** {@code bucket}'s CORS configuration ({@link #document}). */
    default Optional<byte[]> cors(String bucket) throws SwiftException {
        return document(bucket, Document.CORS);
    }

    /** {@code bucket}'s lifecycle configuration ({@link #document}). */
    default Optional<byte[]> lifecycle(String bucket) throws SwiftException {
        return document(bucket, Document.LIFECYCLE);
    }

    /**
     * No registry: every name is free for every account (each account's buckets are its own containers, names
     * may repeat across accounts). For gateways that serve a single account.
     */
    static BucketRegistry none() {
        return NoBucketRegistry.INSTANCE;
    }

    /**
     * The registry the settings configure: {@link SwiftBucketRegistry} in the account of
     * {@code bucketRegistryUser} (tempauth credentials), or {@link #none()} when no user is set.
     */
    static BucketRegistry of(SwiftBackend backend, S3ApiSettings settings) {
        if (!settings.hasBucketRegistry()) {
            return none();
        }
        return new SwiftBucketRegistry(
                backend.tempAuthAccount(settings.bucketRegistryUser(), settings.bucketRegistryKey()));
    }
}
