package io.s3multi.s3.access.acl;

/** What an ACL grant allows, with AWS's meaning for buckets and objects. */
public enum Permission {
    READ,
    WRITE,
    READ_ACP,
    WRITE_ACP,
    FULL_CONTROL
}
