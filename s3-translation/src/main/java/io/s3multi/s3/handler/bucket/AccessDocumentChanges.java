package io.s3multi.s3.handler.bucket;

/**
 * Told when this gateway changed one of a bucket's access documents (bucket policy, public access block), so that
 * what authorization keeps of them is read anew at once instead of after its TTL.
 */
@FunctionalInterface
public interface AccessDocumentChanges {

    /** Nobody keeps access documents. */
    AccessDocumentChanges NONE = bucket -> { };

    void changed(String bucket);
}
