package io.s3multi.s3.access.acl;

import io.s3multi.s3.error.S3Exception;

/** The {@code AccessControlPolicy} document: read from PutBucketAcl/PutObjectAcl, written for the Get calls. */
public final class AclXml {

    private AclXml() {
    }

    /** SEAM: the acl helper implements it ({@code MalformedACLError}, {@code InvalidArgument} as AWS). */
    public static AccessControlList parse(String xml) {
        throw S3Exception.notImplemented("AccessControlPolicy documents are not read yet");
    }

    /** SEAM: the acl helper implements it. */
    public static String render(AccessControlList acl) {
        throw S3Exception.notImplemented("AccessControlPolicy documents are not written yet");
    }
}
