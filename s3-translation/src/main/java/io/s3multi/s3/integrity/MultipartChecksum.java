package io.s3multi.s3.integrity;

import java.util.List;
import java.util.Objects;

/**
 * The checksum S3 reports for an object assembled from parts, in its two flavours.
 *
 * <ul>
 *   <li><b>COMPOSITE</b> (any algorithm): the checksum of the concatenated binary part checksums, followed by
 *       {@code -N} for N parts, e.g. {@code "Z8d7bA==-3"}. It verifies the parts, not the object's bytes.</li>
 *   <li><b>FULL_OBJECT</b> (CRCs only): the CRC of the whole object, exactly what a client computing the CRC
 *       over the downloaded bytes gets. It is derived from the part CRCs and lengths with {@link CrcCombiner},
 *       so no part is read back.</li>
 * </ul>
 */
public final class MultipartChecksum {

    /** One part's binary checksum and its length in bytes (the length matters only for FULL_OBJECT). */
    public record Part(byte[] checksum, long length) {
        public Part {
            Objects.requireNonNull(checksum, "checksum");
            checksum = checksum.clone();
            if (length < 0) {
                throw new IllegalArgumentException("negative part length " + length);
            }
        }

        @Override
        public byte[] checksum() {
            return checksum.clone();
        }
    }

    private MultipartChecksum() {
    }

    /** The COMPOSITE checksum as S3 shows it: base64 of the checksum of checksums, then {@code -N}. */
    public static String composite(DigestAlgorithm algorithm, List<byte[]> partChecksums) {
        requireParts(partChecksums);
        RunningDigest digest = algorithm.newDigest();
        for (byte[] part : partChecksums) {
            requireLength(algorithm, part);
            digest.update(part, 0, part.length);
        }
        return algorithm.toBase64(digest.finish()) + "-" + partChecksums.size();
    }

    /** The FULL_OBJECT checksum as S3 shows it: base64 of the CRC of the whole object, no suffix. */
    public static String fullObject(DigestAlgorithm algorithm, List<Part> parts) {
        return algorithm.toBase64(fullObjectBytes(algorithm, parts));
    }

    /** The binary FULL_OBJECT CRC (big-endian), for storing or comparing without base64. */
    public static byte[] fullObjectBytes(DigestAlgorithm algorithm, List<Part> parts) {
        if (!algorithm.isCrc()) {
            throw new IllegalArgumentException("FULL_OBJECT checksums exist only for CRCs, not " + algorithm);
        }
        requireParts(parts);
        long crc = 0;
        boolean first = true;
        for (Part part : parts) {
            byte[] checksum = part.checksum();
            requireLength(algorithm, checksum);
            long partCrc = DigestAlgorithm.fromBigEndian(checksum);
            crc = first ? partCrc : CrcCombiner.combine(algorithm, crc, partCrc, part.length());
            first = false;
        }
        return DigestAlgorithm.bigEndian(crc, algorithm.length());
    }

    private static void requireParts(List<?> parts) {
        if (Objects.requireNonNull(parts, "parts").isEmpty()) {
            throw new IllegalArgumentException("a multipart checksum needs at least one part");
        }
    }

    private static void requireLength(DigestAlgorithm algorithm, byte[] checksum) {
        if (checksum.length != algorithm.length()) {
            throw new IllegalArgumentException(algorithm + " part checksum has " + checksum.length
                    + " bytes, expected " + algorithm.length());
        }
    }
}
