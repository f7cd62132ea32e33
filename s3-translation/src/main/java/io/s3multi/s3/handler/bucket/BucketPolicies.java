package io.s3multi.s3.handler.bucket;

import io.s3multi.s3.access.PublicAccessBlock;
import io.s3multi.s3.access.PublicAccessBlockXml;
import io.s3multi.s3.access.policy.BucketPolicy;
import io.s3multi.s3.access.policy.PolicyParser;
import io.s3multi.s3.error.S3Exception;
import io.s3multi.s3.operation.S3Call;
import io.s3multi.s3.operation.S3Response;
import io.s3multi.s3.xml.documents.PolicyStatus;
import io.s3multi.swift.io.StrictUtf8;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.CharacterCodingException;
import java.util.Objects;
import java.util.Set;

/**
 * Put/Get/DeleteBucketPolicy and GetBucketPolicyStatus. The policy is validated ({@link PolicyParser}: anything
 * malformed or unsupported is {@code MalformedPolicy}), at most {@value PolicyParser#MAX_BYTES} bytes as in AWS,
 * and kept, exactly as the client sent it, with the bucket's record in the {@link BucketRegistry} (object
 * {@code policy}, see {@code RegistryLayout}), where authorization reads it for every account's requests. A public
 * policy is refused with {@code AccessDenied} while the bucket's public access block has {@code BlockPublicPolicy}
 * on, as AWS does.
 *
 * <p>Who may change it: the bucket's owner ({@link RegistryDocument}). Without a registry the gateway cannot store a
 * policy: Put is {@code NotImplemented}, Get and GetBucketPolicyStatus {@code NoSuchBucketPolicy}, Delete a no-op.
 */
public final class BucketPolicies {

    private final BucketPresence presence;
    private final RegistryDocument policies;
    private final RegistryDocument blocks;
    private final AccessDocumentChanges changes;

    public BucketPolicies(BucketRegistry registry, BucketPresence presence, AccessDocumentChanges changes) {
        this.presence = Objects.requireNonNull(presence, "presence");
        this.policies = new RegistryDocument(registry, presence, BucketRegistry.Document.POLICY);
        this.blocks = new RegistryDocument(registry, presence, BucketRegistry.Document.PUBLIC_ACCESS_BLOCK);
        this.changes = Objects.requireNonNull(changes, "changes");
    }

    public S3Response put(S3Call call) {
        presence.require(call);
        byte[] sent = policyBytes(call);
        BucketPolicy policy = PolicyParser.parse(text(sent), call.bucket());
        if (policy.isPublic() && publicAccessBlock(call).blockPublicPolicy()) {
            throw S3Exception.accessDenied().withReason("block-public-policy");
        }
        policies.store(call, sent, "Bucket policies");
        changes.changed(call.bucket());
        return S3Response.noContent();
    }

    public S3Response get(S3Call call) {
        presence.require(call);
        byte[] stored = policies.read(call).orElseThrow(() -> S3Exception.noSuchBucketPolicy(call.bucket()));
        return S3Response.status(200).withHeader("Content-Type", "application/json")
                .withStream(new ByteArrayInputStream(stored), stored.length, null);
    }

    public S3Response delete(S3Call call) {
        presence.require(call);
        policies.delete(call);
        changes.changed(call.bucket());
        return S3Response.noContent();
    }

    public S3Response status(S3Call call) {
        presence.require(call);
        byte[] stored = policies.read(call).orElseThrow(() -> S3Exception.noSuchBucketPolicy(call.bucket()));
        return S3Response.xml(new PolicyStatus(PolicyParser.parse(text(stored), call.bucket()).isPublic()));
    }

    private PublicAccessBlock publicAccessBlock(S3Call call) {
        return blocks.read(call).map(PublicAccessBlockXml::parse)
                .orElse(PublicAccessBlock.NONE);
    }

    /** The request body, refused beyond AWS's limit. */
    private static byte[] policyBytes(S3Call call) {
        try (InputStream body = call.body().open(Set.of()).stream()) {
            byte[] sent = body.readNBytes(PolicyParser.MAX_BYTES + 1);
            if (sent.length > PolicyParser.MAX_BYTES) {
                throw S3Exception.malformedPolicy("Policies must not be larger than 20 KB ("
                        + PolicyParser.MAX_BYTES + " bytes)");
            }
            return sent;
        } catch (IOException reading) {
            throw new UncheckedIOException(reading);
        }
    }

    private static String text(byte[] policy) {
        try {
            return StrictUtf8.decode(policy);
        } catch (CharacterCodingException notUtf8) {
            throw S3Exception.malformedPolicy("This policy contains invalid Json");
        }
    }
}
