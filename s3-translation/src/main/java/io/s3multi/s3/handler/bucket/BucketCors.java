package io.s3multi.s3.handler.bucket;

import io.s3multi.s3.cors.CorsRefusals;
import io.s3multi.s3.cors.CorsRules;
import io.s3multi.s3.error.S3Exception;
import io.s3multi.s3.operation.S3Call;
import io.s3multi.s3.operation.S3Response;
import io.s3multi.s3.xml.S3Xml;
import io.s3multi.s3.xml.documents.CorsConfigurationDocument;
import java.util.Objects;

/**
 * Put/Get/DeleteBucketCors. The configuration is kept with the bucket's record in the {@link BucketRegistry}
 * (object {@code cors}, see {@code RegistryLayout}), not in the bucket's container: a browser's preflight carries
 * no credentials, and the registry's identity is the only one the gateway may use for it. (Container metadata
 * would also not hold it: Swift allows 256 bytes per value and 4 KiB in all; a configuration may be 64 KiB.)
 *
 * <p>Who may change it: the bucket's owner ({@link RegistryDocument}).
 *
 * <p>Without a registry the gateway cannot store CORS: Put is {@code NotImplemented}, Get
 * {@code NoSuchCORSConfiguration}, Delete a no-op.
 */
public final class BucketCors {

    private final BucketPresence presence;
    private final RegistryDocument stored;

    private BucketCors(BucketRegistry registry, BucketPresence presence) {
        this.presence = Objects.requireNonNull(presence, "presence");
        this.stored = new RegistryDocument(registry, presence, BucketRegistry.Document.CORS);
    }

    public static BucketCors of(BucketRegistry registry, BucketPresence presence) {
        return new BucketCors(registry, presence);
    }

    public S3Response putBucketCors(S3Call call) {
        presence.require(call);
        CorsRules rules = CorsRules.of(ConfigurationBody.read(call, CorsConfigurationDocument.class)
                .orElseThrow(S3Exception::malformedXml));
        stored.store(call, S3Xml.toBytes(rules.toDocument()), "Bucket CORS");
        return S3Response.status(200);
    }

    public S3Response getBucketCors(S3Call call) {
        presence.require(call);
        return S3Response.xml(stored.read(call).map(CorsRules::parse)
                .orElseThrow(() -> CorsRefusals.noSuchCorsConfiguration(call.bucket())).toDocument());
    }

    public S3Response deleteBucketCors(S3Call call) {
        presence.require(call);
        stored.delete(call);
        return S3Response.noContent();
    }
}
