package io.s3multi.s3.access.acl;

/** A bucket's OwnershipControls rule: who owns objects written by other accounts, and whether ACLs count. */
public enum ObjectOwnership {
    /** ACLs are disabled: the bucket owner owns every object; ACLs other than the owner's full control are refused. */
    BUCKET_OWNER_ENFORCED,
    /** The bucket owner owns objects written with {@code bucket-owner-full-control}; ACLs count. */
    BUCKET_OWNER_PREFERRED,
    /** The writer owns what it writes; ACLs count. */
    OBJECT_WRITER
}
