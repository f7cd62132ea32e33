package io.s3multi.s3.handler.bucket;

import io.s3multi.s3.access.PublicAccessBlock;
import io.s3multi.s3.access.PublicAccessBlockXml;
import io.s3multi.s3.error.S3Exception;
import io.s3multi.s3.operation.S3Call;
import io.s3multi.s3.operation.S3Response;
import io.s3multi.s3.xml.documents.PublicAccessBlockConfiguration;
import java.nio.charset.StandardCharsets;
import java.util.Objects;

/**
 * Put/Get/DeletePublicAccessBlock. The configuration's four switches are kept with the bucket's record in the
 * {@link BucketRegistry} (object {@code public-access-block}, as S3 XML with every switch written out), where
 * authorization reads them; a switch the client left out is off. Who may change it: the bucket's owner
 * ({@link RegistryDocument}).
 *
 * <p>Without a registry nothing can be stored: Put is {@code NotImplemented}, Get
 * {@code NoSuchPublicAccessBlockConfiguration}, Delete a no-op.
 */
public final class BucketPublicAccessBlock {

    private final BucketPresence presence;
    private final RegistryDocument stored;
    private final AccessDocumentChanges changes;

    public BucketPublicAccessBlock(BucketRegistry registry, BucketPresence presence, AccessDocumentChanges changes) {
        this.presence = Objects.requireNonNull(presence, "presence");
        this.stored = new RegistryDocument(registry, presence, BucketRegistry.Document.PUBLIC_ACCESS_BLOCK);
        this.changes = Objects.requireNonNull(changes, "changes");
    }

    public S3Response put(S3Call call) {
        presence.require(call);
        PublicAccessBlock block = PublicAccessBlockXml.of(ConfigurationBody.read(call,
                PublicAccessBlockConfiguration.class).orElseThrow(S3Exception::malformedXml));
        stored.store(call, PublicAccessBlockXml.render(block).getBytes(StandardCharsets.UTF_8),
                "Public access blocks");
        changes.changed(call.bucket());
        return S3Response.status(200);
    }

    public S3Response get(S3Call call) {
        presence.require(call);
        PublicAccessBlock block = stored.read(call)
                .map(PublicAccessBlockXml::parse)
                .orElseThrow(() -> S3Exception.noSuchPublicAccessBlockConfiguration(call.bucket()));
        return S3Response.xml(PublicAccessBlockXml.document(block));
    }

    public S3Response delete(S3Call call) {
        presence.require(call);
        stored.delete(call);
        changes.changed(call.bucket());
        return S3Response.noContent();
    }
}
