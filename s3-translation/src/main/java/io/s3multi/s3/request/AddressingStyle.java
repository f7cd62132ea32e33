package io.s3multi.s3.request;

/** Where a request named its bucket. */
public enum AddressingStyle {
    /** {@code http://host/bucket/key}: the first path segment is the bucket. */
    PATH,
    /** {@code http://bucket.s3.example.com/key}: the bucket is the host name minus a configured storage domain. */
    VIRTUAL_HOST
}
