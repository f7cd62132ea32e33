package io.s3multi.s3.access;

/** A bucket's PublicAccessBlock configuration: its four switches, all off without one. */
public record PublicAccessBlock(boolean blockPublicAcls, boolean ignorePublicAcls, boolean blockPublicPolicy,
                                boolean restrictPublicBuckets) {

    /** The configuration of a bucket that has none. */
    public static final PublicAccessBlock NONE = new PublicAccessBlock(false, false, false, false);
}
