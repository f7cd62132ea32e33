package io.s3multi.s3.access.acl;

import io.s3multi.s3.error.S3Exception;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * S3's canned ACLs ({@code x-amz-acl}, and the {@code acl} field of a POST form) and the grants each stands for,
 * as AWS documents them. The grants are fixed at the moment of writing: a canned ACL is not remembered by name.
 */
public enum CannedAcl {
    PRIVATE("private"),
    PUBLIC_READ("public-read"),
    PUBLIC_READ_WRITE("public-read-write"),
    AUTHENTICATED_READ("authenticated-read"),
    BUCKET_OWNER_READ("bucket-owner-read"),
    BUCKET_OWNER_FULL_CONTROL("bucket-owner-full-control"),
    LOG_DELIVERY_WRITE("log-delivery-write");

    private final String headerValue;

    CannedAcl(String headerValue) {
        this.headerValue = headerValue;
    }

    /** The name as {@code x-amz-acl} spells it. */
    public String headerValue() {
        return headerValue;
    }

    /**
     * The canned ACL a value names ({@code x-amz-acl}, a POST form's {@code acl} field): the public entry other
     * parsers use.
     *
     * @throws S3Exception {@code InvalidArgument} for a name S3 does not know; {@code NotImplemented} for
     *                     {@code aws-exec-read}, whose grantee (Amazon EC2) does not exist here
     */
    public static CannedAcl parse(String value) {
        String name = value == null ? "" : value.strip().toLowerCase(Locale.ROOT);
        if (name.equals("aws-exec-read")) {
            throw S3Exception.notImplemented("The canned ACL aws-exec-read grants Amazon EC2, which this gateway"
                    + " does not have.");
        }
        Optional<CannedAcl> known = Arrays.stream(values()).filter(acl -> acl.headerValue.equals(name)).findFirst();
        return known.orElseThrow(() -> S3Exception.invalidArgument("x-amz-acl", value, null));
    }

    /**
     * The ACL this canned ACL gives a new or changed resource.
     *
     * @param owner       the resource's owner (a bucket's owner; an object's writer)
     * @param bucketOwner the owner of the bucket: the grantee of {@code bucket-owner-*}, which on a bucket (owner
     *                    and bucket owner the same) add nothing to {@code private}
     */
    public AccessControlList expand(Grantee.CanonicalUser owner, Grantee.CanonicalUser bucketOwner) {
        List<Grant> grants = new ArrayList<>();
        grants.add(new Grant(owner, Permission.FULL_CONTROL));
        switch (this) {
            case PRIVATE -> { }
            case PUBLIC_READ -> grants.add(new Grant(Grantee.Group.ALL_USERS, Permission.READ));
            case PUBLIC_READ_WRITE -> {
                grants.add(new Grant(Grantee.Group.ALL_USERS, Permission.READ));
                grants.add(new Grant(Grantee.Group.ALL_USERS, Permission.WRITE));
            }
            case AUTHENTICATED_READ -> grants.add(new Grant(Grantee.Group.AUTHENTICATED_USERS, Permission.READ));
            case BUCKET_OWNER_READ -> addForBucketOwner(grants, owner, bucketOwner, Permission.READ);
            case BUCKET_OWNER_FULL_CONTROL -> addForBucketOwner(grants, owner, bucketOwner, Permission.FULL_CONTROL);
            case LOG_DELIVERY_WRITE -> {
                grants.add(new Grant(Grantee.Group.LOG_DELIVERY, Permission.WRITE));
                grants.add(new Grant(Grantee.Group.LOG_DELIVERY, Permission.READ_ACP));
            }
        }
        return new AccessControlList(owner, grants);
    }

    private static void addForBucketOwner(List<Grant> grants, Grantee.CanonicalUser owner,
                                          Grantee.CanonicalUser bucketOwner, Permission permission) {
        if (!bucketOwner.id().equals(owner.id())) {
            grants.add(new Grant(bucketOwner, permission));
        }
    }
}
