package io.s3multi.s3.handler.bucket;

import io.s3multi.s3.error.S3Exception;
import io.s3multi.s3.operation.S3Call;
import io.s3multi.s3.operation.S3Response;
import io.s3multi.s3.xml.documents.AccessControlPolicy;
import io.s3multi.s3.xml.documents.Owner;
import java.util.List;
import java.util.Set;

/**
 * Bucket ACLs as the gateway models them: every bucket is private to the Swift account that owns it.
 *
 * <p>GetBucketAcl shows the owner with {@code FULL_CONTROL}. PutBucketAcl (and CreateBucket's ACL headers)
 * accept only what every bucket already has: {@code x-amz-acl: private}, or a policy that grants the owner
 * {@code FULL_CONTROL} and nothing else. Other canned ACLs, {@code x-amz-grant-*} headers and other grants are
 * {@code NotImplemented}, so no client believes a bucket is shared when it is not.
 */
public final class BucketAcls {

    private static final String FULL_CONTROL = "FULL_CONTROL";
    private static final Set<String> GRANT_HEADERS = Set.of("x-amz-grant-full-control", "x-amz-grant-read",
            "x-amz-grant-read-acp", "x-amz-grant-write", "x-amz-grant-write-acp");

    private BucketAcls() {
    }

    public static S3Response getBucketAcl(S3Call call) {
        Owner owner = new Owner(call.identity().ownerId(), call.identity().displayName());
        return S3Response.xml(new AccessControlPolicy(owner).addGrant(
                AccessControlPolicy.Grantee.canonicalUser(owner.id(), owner.displayName()), FULL_CONTROL));
    }

    public static S3Response putBucketAcl(S3Call call) {
        requireNoAclBeyondPrivate(call);
        ConfigurationBody.read(call, AccessControlPolicy.class).ifPresent(policy -> {
            if (!grantsOnlyOwnerFullControl(policy, call.identity().ownerId())) {
                throw S3Exception.notImplemented("Only the private ACL (the owner with FULL_CONTROL) is supported");
            }
        });
        return S3Response.status(200);
    }

    /** Refuses ACL headers asking for more than {@code private}. */
    static void requireNoAclBeyondPrivate(S3Call call) {
        String canned = call.request().header("x-amz-acl");
        if (canned != null && !canned.strip().equals("private")) {
            throw S3Exception.notImplementedHeader("x-amz-acl");
        }
        for (String grant : GRANT_HEADERS) {
            if (call.request().header(grant) != null) {
                throw S3Exception.notImplementedHeader(grant);
            }
        }
    }

    private static boolean grantsOnlyOwnerFullControl(AccessControlPolicy policy, String ownerId) {
        List<AccessControlPolicy.Grant> grants = policy.grants();
        if (grants.size() != 1) {
            return false;
        }
        AccessControlPolicy.Grant grant = grants.get(0);
        return FULL_CONTROL.equals(grant.permission()) && grant.grantee() != null
                && ownerId.equals(grant.grantee().id());
    }
}
