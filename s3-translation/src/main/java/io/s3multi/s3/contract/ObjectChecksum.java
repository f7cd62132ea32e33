package io.s3multi.s3.contract;

import io.s3multi.s3.integrity.DigestAlgorithm;

/**
 * The checksum of a whole multipart object as Complete stores it on the manifest
 * ({@link ReservedMetadata#checksum} and {@link ReservedMetadata#CHECKSUM_TYPE}).
 *
 * @param algorithm the upload's checksum algorithm
 * @param type      how the value was formed from the parts
 * @param value     the value as S3 shows it (base64, with {@code -N} when composite)
 */
public record ObjectChecksum(DigestAlgorithm algorithm, ChecksumType type, String value) {
}
