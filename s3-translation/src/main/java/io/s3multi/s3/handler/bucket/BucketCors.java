package io.s3multi.s3.handler.bucket;

import io.s3multi.s3.cors.CorsRefusals;
import io.s3multi.s3.cors.CorsRules;
import io.s3multi.s3.error.S3Exception;
import io.s3multi.s3.operation.S3Call;
import io.s3multi.s3.operation.S3Response;
import io.s3multi.s3.xml.S3Xml;
import io.s3multi.s3.xml.documents.CorsConfigurationDocument;
import java.util.Objects;
import java.util.Optional;

/**
 * Put/Get/DeleteBucketCors. The configuration is kept with the bucket's record in the {@link BucketRegistry}
 * (object {@code cors}, see {@code RegistryLayout}), not in the bucket's container: a browser's preflight carries
 * no credentials, and the registry's identity is the only one the gateway may use for it. (Container metadata
 * would also not hold it: Swift allows 256 bytes per value and 4 KiB in all; a configuration may be 64 KiB.)
 *
 * <p>Who may change it is decided twice: Swift must find the bucket in the caller's account with the caller's
 * own identity ({@link BucketPresence}), and the registry must record the caller's account as the owner (a bucket
 * without a record, made before the registry or with the Swift API, is claimed for it first; a name another
 * account holds is {@code AccessDenied}). A record of another account is never read or written for the caller.
 *
 * <p>Without a registry the gateway cannot store CORS: Put is {@code NotImplemented}, Get
 * {@code NoSuchCORSConfiguration}, Delete a no-op.
 */
public final class BucketCors {

    private final BucketRegistry registry;
    private final BucketPresence presence;

    private BucketCors(BucketRegistry registry, BucketPresence presence) {
        this.registry = Objects.requireNonNull(registry, "registry");
        this.presence = Objects.requireNonNull(presence, "presence");
    }

    public static BucketCors of(BucketRegistry registry, BucketPresence presence) {
        return new BucketCors(registry, presence);
    }

    public S3Response putBucketCors(S3Call call) {
        presence.require(call);
        CorsRules rules = CorsRules.of(ConfigurationBody.read(call, CorsConfigurationDocument.class)
                .orElseThrow(S3Exception::malformedXml));
        if (registry == BucketRegistry.none()) {
            throw S3Exception.notImplemented("Bucket CORS needs the gateway's bucket registry");
        }
        String bucket = call.bucket();
        presence.onBucket(call, () -> {
            if (registry.claim(bucket, call.identity().swiftAccount()) == BucketRegistry.Claim.TAKEN) {
                throw S3Exception.accessDenied().withReason("other-account");
            }
            if (!registry.storeCors(bucket, S3Xml.toBytes(rules.toDocument()))) {
                throw S3Exception.noSuchBucket(bucket);   // the record went away meanwhile: a DeleteBucket won
            }
            return null;
        });
        return S3Response.status(200);
    }

    public S3Response getBucketCors(S3Call call) {
        presence.require(call);
        return S3Response.xml(ownRules(call).orElseThrow(() -> CorsRefusals.noSuchCorsConfiguration(call.bucket()))
                .toDocument());
    }

    public S3Response deleteBucketCors(S3Call call) {
        presence.require(call);
        if (isOwnRecord(call)) {
            presence.onBucket(call, () -> {
                registry.deleteCors(call.bucket());
                return null;
            });
        }
        return S3Response.noContent();
    }

    private Optional<CorsRules> ownRules(S3Call call) {
        if (!isOwnRecord(call)) {
            return Optional.empty();
        }
        return presence.onBucket(call, () -> registry.cors(call.bucket())).map(CorsRules::parse);
    }

    private boolean isOwnRecord(S3Call call) {
        return presence.onBucket(call, () -> registry.ownerOf(call.bucket()))
                .filter(call.identity().swiftAccount()::equals).isPresent();
    }
}
