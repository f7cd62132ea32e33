package io.s3multi.s3.integrity;

import java.util.zip.Checksum;

/**
 * CRC-64/NVME, the 64-bit CRC that S3 calls {@code CRC64NVME}; the JDK has no implementation.
 *
 * <p>Parameters (NVM Express base specification, "CRC-64/NVME" in the CRC catalogue): width 64, polynomial
 * {@code 0xAD93D23594C93659}, input and output reflected, initial value and final XOR all ones. The check
 * value, the CRC of the ASCII bytes {@code "123456789"}, is {@code 0xAE8B14860A799888}. Because the register is
 * reflected, the table below is built from the bit-reversed polynomial {@code 0x9A6C9329AC4BC9B5}.
 *
 * <p>Slicing-by-8: eight tables let the inner loop consume eight bytes per step, which matters because every
 * uploaded byte may pass through this class.
 */
public final class Crc64Nvme implements Checksum {

    /** The NVMe polynomial, bit-reversed for the reflected register. */
    static final long REFLECTED_POLYNOMIAL = 0x9A6C9329AC4BC9B5L;

    private static final long[][] TABLES = buildTables();

    private long register = -1L;

    private static long[][] buildTables() {
        long[][] tables = new long[8][256];
        for (int i = 0; i < 256; i++) {
            long crc = i;
            for (int bit = 0; bit < 8; bit++) {
                crc = (crc & 1) != 0 ? (crc >>> 1) ^ REFLECTED_POLYNOMIAL : crc >>> 1;
            }
            tables[0][i] = crc;
        }
        for (int i = 0; i < 256; i++) {
            long crc = tables[0][i];
            for (int t = 1; t < 8; t++) {
                crc = tables[0][(int) (crc & 0xFF)] ^ (crc >>> 8);
                tables[t][i] = crc;
            }
        }
        return tables;
    }

    @Override
    public void update(int b) {
        register = TABLES[0][(int) ((register ^ b) & 0xFF)] ^ (register >>> 8);
    }

    @Override
    public void update(byte[] bytes, int offset, int length) {
        java.util.Objects.checkFromIndexSize(offset, length, bytes.length);
        long crc = register;
        int i = offset;
        int end = offset + length;
        while (end - i >= 8) {
            long word = (bytes[i] & 0xFFL)
                    | (bytes[i + 1] & 0xFFL) << 8
                    | (bytes[i + 2] & 0xFFL) << 16
                    | (bytes[i + 3] & 0xFFL) << 24
                    | (bytes[i + 4] & 0xFFL) << 32
                    | (bytes[i + 5] & 0xFFL) << 40
                    | (bytes[i + 6] & 0xFFL) << 48
                    | (bytes[i + 7] & 0xFFL) << 56;
            crc ^= word;
            crc = TABLES[7][(int) (crc & 0xFF)]
                    ^ TABLES[6][(int) ((crc >>> 8) & 0xFF)]
                    ^ TABLES[5][(int) ((crc >>> 16) & 0xFF)]
                    ^ TABLES[4][(int) ((crc >>> 24) & 0xFF)]
                    ^ TABLES[3][(int) ((crc >>> 32) & 0xFF)]
                    ^ TABLES[2][(int) ((crc >>> 40) & 0xFF)]
                    ^ TABLES[1][(int) ((crc >>> 48) & 0xFF)]
                    ^ TABLES[0][(int) (crc >>> 56)];
            i += 8;
        }
        while (i < end) {
            crc = TABLES[0][(int) ((crc ^ bytes[i]) & 0xFF)] ^ (crc >>> 8);
            i++;
        }
        register = crc;
    }

    /** The CRC of everything seen since construction or {@link #reset()}. */
    @Override
    public long getValue() {
        return ~register;
    }

    @Override
    public void reset() {
        register = -1L;
    }
}
