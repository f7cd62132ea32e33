package io.s3multi.s3.handler.bucket;

import io.s3multi.s3.access.acl.AccessControlList;
import io.s3multi.s3.access.acl.AclWriteRules;
import io.s3multi.s3.access.acl.AclXml;
import io.s3multi.s3.access.acl.AclRequest;
import io.s3multi.s3.operation.S3Call;
import io.s3multi.s3.operation.S3Response;
import java.nio.charset.StandardCharsets;
import java.util.Objects;
import java.util.Optional;

/**
 * Get/PutBucketAcl, and the ACL CreateBucket's headers ask for. A bucket's ACL is kept with its registry record
 * (object {@code acl}, an AccessControlPolicy document, see {@code RegistryLayout}), so that every gateway, and the
 * authorization of other accounts' and anonymous requests, sees it; a bucket without one has its owner's full
 * control, and an ACL that is just that is not stored (PutBucketAcl {@code private} removes the object).
 *
 * <p>PutBucketAcl takes exactly one of an {@code AccessControlPolicy} body, {@code x-amz-acl} and
 * {@code x-amz-grant-*} ({@link AclRequest#fromAclRequest}), within what the bucket's {@link AclWriteRules} allow.
 * Without a registry only the owner's full control can be set (anything else is {@code NotImplemented}).
 */
public final class BucketAcls {

    private final BucketPresence presence;
    private final RegistryDocument stored;
    private final AclWriteRules rules;

    public BucketAcls(BucketRegistry registry, BucketPresence presence, AclWriteRules rules) {
        this.presence = Objects.requireNonNull(presence, "presence");
        this.stored = new RegistryDocument(registry, presence, BucketRegistry.Document.ACL);
        this.rules = Objects.requireNonNull(rules, "rules");
    }

    public S3Response getBucketAcl(S3Call call) {
        presence.require(call);
        return S3Response.xml(AclXml.toDocument(current(call)));
    }

    public S3Response putBucketAcl(S3Call call) {
        presence.require(call);
        AccessControlList acl = AclRequest.fromAclRequest(call, current(call).owner());
        store(call, rules.admit(call.bucket(), acl, AclRequest.bucketOwner(call)));
        return S3Response.status(200);
    }

    /** The ACL CreateBucket's headers ask for, checked before the bucket is made; empty for the default. */
    Optional<AccessControlList> requestedOnCreate(S3Call call) {
        return AclRequest.requested(call);
    }

    /** Stores the ACL of a bucket CreateBucket just made. */
    void storeOnCreate(S3Call call, AccessControlList acl) {
        store(call, Optional.of(acl));
    }

    private AccessControlList current(S3Call call) {
        return stored.read(call).flatMap(BucketAcls::parsed)
                .orElseGet(() -> AccessControlList.ownerFullControl(AclRequest.requester(call)));
    }

    private void store(S3Call call, Optional<AccessControlList> acl) {
        Optional<AccessControlList> beyondDefault = acl
                .filter(given -> !given.equals(AccessControlList.ownerFullControl(given.owner())));
        if (beyondDefault.isPresent()) {
            stored.store(call, AclXml.render(beyondDefault.get()).getBytes(StandardCharsets.UTF_8), "A bucket ACL");
        } else {
            stored.delete(call);
        }
    }

    /** A stored ACL that no longer reads counts as none (as {@code BucketDocumentCache} treats documents). */
    private static Optional<AccessControlList> parsed(byte[] document) {
        try {
            return Optional.of(AclXml.parse(new String(document, StandardCharsets.UTF_8)));
        } catch (RuntimeException unreadable) {
            return Optional.empty();
        }
    }
}
