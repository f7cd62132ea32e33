package io.s3multi.s3.handler.bucket;

import io.s3multi.s3.access.acl.ObjectOwnership;
import io.s3multi.s3.access.acl.OwnershipControlsXml;
import io.s3multi.s3.error.S3ErrorCode;
import io.s3multi.s3.error.S3Exception;
import io.s3multi.s3.operation.S3Call;
import io.s3multi.s3.operation.S3Response;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.Objects;
import java.util.Set;

/**
 * Put/Get/DeleteBucketOwnershipControls. The rule is kept with the bucket's registry record (object
 * {@code ownership-controls}, S3 XML); a bucket without one behaves as {@code ObjectWriter} (ACLs on), and Get
 * answers {@code OwnershipControlsNotFoundError}. {@code BucketOwnerEnforced} turns ACLs off
 * ({@code io.s3multi.s3.access.acl.AclWriteRules}). Without a registry Put is {@code NotImplemented}.
 */
public final class BucketOwnershipControls {

    private final BucketPresence presence;
    private final RegistryDocument stored;

    public BucketOwnershipControls(BucketRegistry registry, BucketPresence presence) {
        this.presence = Objects.requireNonNull(presence, "presence");
        this.stored = new RegistryDocument(registry, presence, BucketRegistry.Document.OWNERSHIP_CONTROLS);
    }

    public S3Response put(S3Call call) {
        presence.require(call);
        ObjectOwnership ownership;
        try (InputStream body = call.body().open(Set.of()).stream()) {
            ownership = OwnershipControlsXml.read(body).orElseThrow(S3Exception::malformedXml);
        } catch (IOException closing) {
            throw new UncheckedIOException(closing);
        }
        store(call, ownership);
        return S3Response.status(200);
    }

    public S3Response get(S3Call call) {
        presence.require(call);
        byte[] document = stored.read(call).orElseThrow(() -> S3Exception.of(S3ErrorCode.OWNERSHIP_CONTROLS_NOT_FOUND)
                .with("BucketName", call.bucket()));
        ObjectOwnership ownership = OwnershipControlsXml.parse(new String(document, StandardCharsets.UTF_8));
        return S3Response.xml(OwnershipControlsXml.toDocument(ownership));
    }

    public S3Response delete(S3Call call) {
        presence.require(call);
        stored.delete(call);
        return S3Response.noContent();
    }

    /** Stores the rule (also CreateBucket's {@code x-amz-object-ownership}). */
    void store(S3Call call, ObjectOwnership ownership) {
        stored.store(call, OwnershipControlsXml.render(ownership).getBytes(StandardCharsets.UTF_8),
                "Bucket ownership controls");
    }
}
