package io.s3multi.s3.access.policy;

/** What a bucket policy says about one request. */
public enum PolicyVerdict {
    /** A matching statement denies it: nothing else can allow it. */
    DENY,
    /** A matching statement allows it, and none denies it. */
    ALLOW,
    /** No statement matches: the ACL decides. */
    NONE
}
