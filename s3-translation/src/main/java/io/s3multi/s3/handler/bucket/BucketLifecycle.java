package io.s3multi.s3.handler.bucket;

import io.s3multi.s3.error.S3ErrorCode;
import io.s3multi.s3.error.S3Exception;
import io.s3multi.s3.lifecycle.LifecycleLookup;
import io.s3multi.s3.lifecycle.LifecycleRules;
import io.s3multi.s3.operation.S3Call;
import io.s3multi.s3.operation.S3Response;
import io.s3multi.s3.xml.S3Xml;
import io.s3multi.s3.xml.documents.LifecycleConfigurationDocument;
import java.util.Objects;
import java.util.Optional;

/**
 * Put/Get/DeleteBucketLifecycleConfiguration (the older PutBucketLifecycle is the same request with rule-level
 * {@code <Prefix>}es). The configuration is validated ({@link LifecycleRules}) and kept with the bucket's record in
 * the {@link BucketRegistry} (object {@code lifecycle}, see {@code RegistryLayout}), where the headers of object
 * answers and the background worker read it with the registry's identity. Who may change it is decided as for CORS
 * ({@link BucketCors}): the bucket must be in the caller's account and the record the caller's.
 *
 * <p>Without a registry the gateway cannot store a configuration: Put is {@code NotImplemented}, Get
 * {@code NoSuchLifecycleConfiguration}, Delete a no-op.
 */
public final class BucketLifecycle {

    private final BucketRegistry registry;
    private final BucketPresence presence;
    private final LifecycleLookup lookup;

    /** @param lookup the cache the object headers read, told when a configuration changes */
    public BucketLifecycle(BucketRegistry registry, BucketPresence presence, LifecycleLookup lookup) {
        this.registry = Objects.requireNonNull(registry, "registry");
        this.presence = Objects.requireNonNull(presence, "presence");
        this.lookup = Objects.requireNonNull(lookup, "lookup");
    }

    public S3Response put(S3Call call) {
        presence.require(call);
        LifecycleRules rules = LifecycleRules.of(ConfigurationBody.read(call, LifecycleConfigurationDocument.class,
                LifecycleRules.MAX_BYTES).orElseThrow(S3Exception::malformedXml));
        if (registry == BucketRegistry.none()) {
            throw S3Exception.notImplemented("Bucket lifecycle needs the gateway's bucket registry");
        }
        String bucket = call.bucket();
        presence.onBucket(call, () -> {
            if (registry.claim(bucket, call.identity().swiftAccount()) == BucketRegistry.Claim.TAKEN) {
                throw S3Exception.accessDenied().withReason("other-account");
            }
            if (!registry.storeLifecycle(bucket, S3Xml.toBytes(rules.toDocument()))) {
                throw S3Exception.noSuchBucket(bucket);   // the record went away meanwhile: a DeleteBucket won
            }
            return null;
        });
        lookup.forget(bucket);
        return S3Response.status(200);
    }

    public S3Response get(S3Call call) {
        presence.require(call);
        return S3Response.xml(own(call).orElseThrow(() -> S3Exception.of(
                S3ErrorCode.NO_SUCH_LIFECYCLE_CONFIGURATION).with("BucketName", call.bucket())).toDocument());
    }

    public S3Response delete(S3Call call) {
        presence.require(call);
        if (isOwnRecord(call)) {
            presence.onBucket(call, () -> {
                registry.deleteLifecycle(call.bucket());
                return null;
            });
            lookup.forget(call.bucket());
        }
        return S3Response.noContent();
    }

    private Optional<LifecycleRules> own(S3Call call) {
        if (!isOwnRecord(call)) {
            return Optional.empty();
        }
        return presence.onBucket(call, () -> registry.lifecycle(call.bucket())).map(LifecycleRules::parse);
    }

    private boolean isOwnRecord(S3Call call) {
        return presence.onBucket(call, () -> registry.ownerOf(call.bucket()))
                .filter(call.identity().swiftAccount()::equals).isPresent();
    }
}
