package io.s3multi.s3.integrity;

/**
 * Combines the CRCs of two adjacent byte ranges into the CRC of their concatenation, without the bytes.
 *
 * <p>S3's FULL_OBJECT checksum of a multipart upload is the CRC of the whole object, which the gateway must
 * derive from the part CRCs and part lengths alone: parts live in Swift, and reading them back would cost the
 * whole object again. For a reflected CRC whose initial value and final XOR are both all ones (true of CRC32,
 * CRC32C and CRC64NVME), {@code crc(A || B) = Z^len(B)(crc(A)) xor crc(B)}, where {@code Z} is the linear
 * operator "feed one zero byte through the bare register". {@code Z^n} is applied by repeated squaring of its
 * GF(2) matrix, so combining costs O(width^2 log n) whatever the part size. This is the method of zlib's
 * {@code crc32_combine}, written for any width up to 64.
 */
public final class CrcCombiner {

    private CrcCombiner() {
    }

    /**
     * The CRC of {@code A || B}.
     *
     * @param algorithm    CRC32, CRC32C or CRC64NVME
     * @param crcOfFirst   the CRC of A, as {@link java.util.zip.Checksum#getValue()} returns it
     * @param crcOfSecond  the CRC of B
     * @param lengthOfSecond the number of bytes in B
     */
    public static long combine(DigestAlgorithm algorithm, long crcOfFirst, long crcOfSecond, long lengthOfSecond) {
        if (lengthOfSecond < 0) {
            throw new IllegalArgumentException("negative length " + lengthOfSecond);
        }
        int width = widthBits(algorithm);
        long mask = width == 64 ? -1L : (1L << width) - 1;
        if (lengthOfSecond == 0) {
            return crcOfFirst & mask;
        }
        long[] odd = new long[width];
        odd[0] = reflectedPolynomial(algorithm);
        long row = 1;
        for (int n = 1; n < width; n++) {
            odd[n] = row;
            row <<= 1;
        }
        long[] even = square(odd);   // two zero bits
        odd = square(even);          // four zero bits
        long crc = crcOfFirst & mask;
        long remaining = lengthOfSecond;
        do {
            even = square(odd);      // first pass: one zero byte; then 4, 16, ... bytes
            if ((remaining & 1) != 0) {
                crc = times(even, crc);
            }
            remaining >>>= 1;
            if (remaining == 0) {
                break;
            }
            odd = square(even);
            if ((remaining & 1) != 0) {
                crc = times(odd, crc);
            }
            remaining >>>= 1;
        } while (remaining != 0);
        return (crc ^ crcOfSecond) & mask;
    }

    private static int widthBits(DigestAlgorithm algorithm) {
        return switch (algorithm) {
            case CRC32, CRC32C -> 32;
            case CRC64NVME -> 64;
            default -> throw new IllegalArgumentException(algorithm + " is not a CRC");
        };
    }

    private static long reflectedPolynomial(DigestAlgorithm algorithm) {
        return switch (algorithm) {
            case CRC32 -> 0xEDB88320L;
            case CRC32C -> 0x82F63B78L;
            case CRC64NVME -> Crc64Nvme.REFLECTED_POLYNOMIAL;
            default -> throw new IllegalArgumentException(algorithm + " is not a CRC");
        };
    }

    private static long times(long[] matrix, long vector) {
        long sum = 0;
        for (int i = 0; vector != 0; i++, vector >>>= 1) {
            if ((vector & 1) != 0) {
                sum ^= matrix[i];
            }
        }
        return sum;
    }

    private static long[] square(long[] matrix) {
        long[] squared = new long[matrix.length];
        for (int n = 0; n < matrix.length; n++) {
            squared[n] = times(matrix, matrix[n]);
        }
        return squared;
    }
}
