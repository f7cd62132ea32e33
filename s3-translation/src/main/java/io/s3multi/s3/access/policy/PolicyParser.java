package io.s3multi.s3.access.policy;

import io.s3multi.s3.error.S3Exception;

/** Reads and validates a bucket policy document. */
public final class PolicyParser {

    private PolicyParser() {
    }

    /**
     * SEAM: the policy helper implements it: {@code MalformedPolicy} naming the problem for anything malformed or
     * unsupported, never a policy silently narrowed.
     *
     * @param bucket the bucket the policy is for (every {@code Resource} must be in it)
     */
    public static BucketPolicy parse(String json, String bucket) {
        throw S3Exception.notImplemented("bucket policies are not read yet");
    }
}
