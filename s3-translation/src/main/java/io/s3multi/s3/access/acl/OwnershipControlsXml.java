package io.s3multi.s3.access.acl;

import io.s3multi.s3.error.S3Exception;

/** The {@code OwnershipControls} document of Put/GetBucketOwnershipControls. */
public final class OwnershipControlsXml {

    private OwnershipControlsXml() {
    }

    /** SEAM: the acl helper implements it. */
    public static ObjectOwnership parse(String xml) {
        throw S3Exception.notImplemented("OwnershipControls documents are not read yet");
    }
}
