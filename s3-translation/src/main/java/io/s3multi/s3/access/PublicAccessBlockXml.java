package io.s3multi.s3.access;

import io.s3multi.s3.error.S3Exception;

/** The {@code PublicAccessBlockConfiguration} document. */
public final class PublicAccessBlockXml {

    private PublicAccessBlockXml() {
    }

    /** SEAM: the policy helper implements it. */
    public static PublicAccessBlock parse(String xml) {
        throw S3Exception.notImplemented("PublicAccessBlock documents are not read yet");
    }
}
