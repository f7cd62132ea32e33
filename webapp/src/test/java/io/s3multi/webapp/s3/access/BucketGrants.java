package io.s3multi.webapp.s3.access;

import java.util.ArrayList;
import java.util.List;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.model.AccessControlPolicy;
import software.amazon.awssdk.services.s3.model.Grant;
import software.amazon.awssdk.services.s3.model.Grantee;
import software.amazon.awssdk.services.s3.model.Owner;
import software.amazon.awssdk.services.s3.model.Permission;
import software.amazon.awssdk.services.s3.model.Type;

/** Bucket ACLs the access tests share a bucket with: the owner (AUTH_test) keeps full control. */
final class BucketGrants {

    static final String OWNER_ID = "AUTH_test";
    static final String OTHER_ID = "AUTH_test2";

    private BucketGrants() {
    }

    /** Puts the bucket ACL: the owner's full control and {@code permissions} for the other account. */
    static void grantToOtherAccount(S3Client owner, String bucket, Permission... permissions) {
        List<Grant> grants = new ArrayList<>(List.of(Grant.builder().grantee(canonical(OWNER_ID))
                .permission(Permission.FULL_CONTROL).build()));
        for (Permission permission : permissions) {
            grants.add(Grant.builder().grantee(canonical(OTHER_ID)).permission(permission).build());
        }
        owner.putBucketAcl(b -> b.bucket(bucket).accessControlPolicy(AccessControlPolicy.builder()
                .owner(Owner.builder().id(OWNER_ID).build()).grants(grants).build()));
    }

    private static Grantee canonical(String id) {
        return Grantee.builder().type(Type.CANONICAL_USER).id(id).build();
    }
}
