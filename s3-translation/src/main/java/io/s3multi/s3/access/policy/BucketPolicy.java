package io.s3multi.s3.access.policy;

/** A bucket policy, validated when it was stored. */
public interface BucketPolicy {

    /** What the policy says about the request. */
    PolicyVerdict evaluate(PolicyRequest request);

    /** Whether the policy grants access to anyone outside the owner's account without a condition that limits it. */
    boolean isPublic();

    /** The policy as the client sent it (GetBucketPolicy returns it). */
    String text();
}
