package io.s3multi.s3.contract;

import io.s3multi.s3.error.S3Exception;
import io.s3multi.s3.integrity.DigestAlgorithm;
import java.util.Locale;

/**
 * How the checksum of a multipart object is formed ({@code x-amz-checksum-type}): from the part checksums
 * (COMPOSITE, any algorithm, shown with {@code -N}) or over the whole object (FULL_OBJECT, CRCs only).
 */
public enum ChecksumType {
    COMPOSITE, FULL_OBJECT;

    /**
     * The type an upload uses: the one asked for, else AWS's default for the algorithm (FULL_OBJECT for
     * CRC64NVME, COMPOSITE for the others).
     *
     * @throws S3Exception InvalidRequest for an unknown type or FULL_OBJECT with SHA1/SHA256
     */
    public static ChecksumType resolve(String requested, DigestAlgorithm algorithm) {
        if (requested == null || requested.isBlank()) {
            return algorithm == DigestAlgorithm.CRC64NVME ? FULL_OBJECT : COMPOSITE;
        }
        ChecksumType type;
        try {
            type = valueOf(requested.trim().toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException unknown) {
            throw S3Exception.invalidRequest("Value for x-amz-checksum-type header is invalid.");
        }
        if (type == FULL_OBJECT && !algorithm.isCrc()) {
            throw S3Exception.invalidRequest("The " + algorithm.awsName()
                    + " checksum algorithm does not support the FULL_OBJECT checksum type.");
        }
        if (type == COMPOSITE && algorithm == DigestAlgorithm.CRC64NVME) {
            throw S3Exception.invalidRequest(
                    "The CRC64NVME checksum algorithm does not support the COMPOSITE checksum type.");
        }
        return type;
    }
}
