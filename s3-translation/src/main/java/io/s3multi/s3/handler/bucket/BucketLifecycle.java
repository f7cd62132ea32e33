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

/**
 * Put/Get/DeleteBucketLifecycleConfiguration (the older PutBucketLifecycle is the same request with rule-level
 * {@code <Prefix>}es). The configuration is validated ({@link LifecycleRules}) and kept with the bucket's record in
 * the {@link BucketRegistry} (object {@code lifecycle}, see {@code RegistryLayout}), where the headers of object
 * answers and the background worker read it with the registry's identity. Who may change it: the bucket's owner
 * ({@link RegistryDocument}).
 *
 * <p>Without a registry the gateway cannot store a configuration: Put is {@code NotImplemented}, Get
 * {@code NoSuchLifecycleConfiguration}, Delete a no-op.
 */
public final class BucketLifecycle {

    private final BucketPresence presence;
    private final RegistryDocument stored;
    private final LifecycleLookup lookup;

    /** @param lookup the cache the object headers read, told when a configuration changes */
    public BucketLifecycle(BucketRegistry registry, BucketPresence presence, LifecycleLookup lookup) {
        this.presence = Objects.requireNonNull(presence, "presence");
        this.stored = new RegistryDocument(registry, presence, BucketRegistry.Document.LIFECYCLE);
        this.lookup = Objects.requireNonNull(lookup, "lookup");
    }

    public S3Response put(S3Call call) {
        presence.require(call);
        LifecycleRules rules = LifecycleRules.of(ConfigurationBody.read(call, LifecycleConfigurationDocument.class,
                LifecycleRules.MAX_BYTES).orElseThrow(S3Exception::malformedXml));
        stored.store(call, S3Xml.toBytes(rules.toDocument()), "Bucket lifecycle");
        lookup.forget(call.bucket());
        return S3Response.status(200);
    }

    public S3Response get(S3Call call) {
        presence.require(call);
        return S3Response.xml(stored.read(call).map(LifecycleRules::parse).orElseThrow(() -> S3Exception.of(
                S3ErrorCode.NO_SUCH_LIFECYCLE_CONFIGURATION).with("BucketName", call.bucket())).toDocument());
    }

    public S3Response delete(S3Call call) {
        presence.require(call);
        stored.delete(call);
        lookup.forget(call.bucket());
        return S3Response.noContent();
    }
}
