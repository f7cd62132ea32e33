package io.s3multi.s3.operation;

import io.s3multi.s3.error.S3Exception;
import io.s3multi.s3.http.RequestHead;
import java.util.Locale;

/**
 * The access control an object write (PutObject, CopyObject, CreateMultipartUpload) may ask for until the gateway
 * keeps ACLs: the one every object already has. {@code x-amz-acl: private} and
 * {@code bucket-owner-full-control} (the same grant when the writer owns the bucket) are accepted; any other
 * canned ACL and every {@code x-amz-grant-*} header are {@code NotImplemented}, so a client never believes an
 * object public that is not.
 */
public final class ObjectAcl {

    private ObjectAcl() {
    }

    /** Throws {@code NotImplemented} naming the first header that asks for more than the owner's full control. */
    public static void refuseBeyondPrivate(RequestHead head) {
        for (String name : head.headers().keySet()) {
            if (name.toLowerCase(Locale.ROOT).startsWith("x-amz-grant-")) {
                throw S3Exception.notImplementedHeader(name);
            }
        }
        String acl = head.header("x-amz-acl");
        if (acl != null && !acl.trim().equals("private") && !acl.trim().equals("bucket-owner-full-control")) {
            throw S3Exception.notImplementedHeader("x-amz-acl");
        }
    }
}
