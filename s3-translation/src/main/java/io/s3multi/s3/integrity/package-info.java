/**
 * Body integrity for S3 requests: the digests S3 knows, their wire encoding, and a stream that checks them.
 *
 * <p>{@link io.s3multi.s3.integrity.PayloadExpectations} reads {@code Content-MD5}, {@code x-amz-content-sha256},
 * {@code x-amz-checksum-*} and {@code x-amz-trailer}; {@link io.s3multi.s3.integrity.VerifyingInputStream} computes
 * the digests while the body streams to Swift and holds back the last byte until they match, so a bad body never
 * becomes a complete Swift object. {@link io.s3multi.s3.integrity.MultipartChecksum} and
 * {@link io.s3multi.s3.integrity.CrcCombiner} derive the checksum of a multipart object from its parts'.
 *
 * <p>Failures are {@link io.s3multi.s3.integrity.S3IntegrityException}s carrying the AWS error code. Nothing here
 * depends on the servlet API or on the signature layer.
 */
package io.s3multi.s3.integrity;
