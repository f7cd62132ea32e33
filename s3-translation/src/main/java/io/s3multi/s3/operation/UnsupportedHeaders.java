package io.s3multi.s3.operation;

import io.s3multi.s3.error.S3Exception;
import io.s3multi.s3.http.RequestHead;
import java.util.Locale;

/**
 * Request headers of object writes that ask for features the gateway does not have; each is refused the way
 * AWS refuses what it cannot do, rather than silently dropped (a client that asked for encryption must not
 * believe it got it).
 *
 * <ul>
 *   <li>server-side encryption ({@code x-amz-server-side-encryption*}) and website redirects:
 *       {@code NotImplemented};</li>
 *   <li>a storage class other than {@code STANDARD}: {@code InvalidStorageClass}.</li>
 * </ul>
 */
public final class UnsupportedHeaders {

    private UnsupportedHeaders() {
    }

    /** Throws for the first unsupported header of an object write (PutObject, CopyObject, CreateMultipartUpload). */
    public static void refuseForWrite(RequestHead head) {
        for (String name : head.headers().keySet()) {
            String lower = name.toLowerCase(Locale.ROOT);
            if (lower.startsWith("x-amz-server-side-encryption")
                    || lower.equals("x-amz-website-redirect-location")) {
                throw S3Exception.notImplementedHeader(name);
            }
        }
        String storageClass = head.header("x-amz-storage-class");
        if (storageClass != null && !storageClass.trim().equals("STANDARD")) {
            throw S3Exception.invalidStorageClass(storageClass.trim());
        }
    }
}
