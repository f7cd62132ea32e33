package io.s3multi.s3.integrity;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.charset.StandardCharsets;
import java.util.Random;
import org.junit.jupiter.api.Test;

class Crc64NvmeTest {

    /** The textbook bit-at-a-time definition, to check the table-driven implementation against. */
    private static long bitwise(byte[] data) {
        long crc = -1L;
        for (byte b : data) {
            crc ^= b & 0xFF;
            for (int bit = 0; bit < 8; bit++) {
                crc = (crc & 1) != 0 ? (crc >>> 1) ^ 0x9A6C9329AC4BC9B5L : crc >>> 1;
            }
        }
        return ~crc;
    }

    @Test
    void checkValueOf123456789IsThePublishedOne() {
        Crc64Nvme crc = new Crc64Nvme();
        byte[] input = "123456789".getBytes(StandardCharsets.US_ASCII);
        crc.update(input, 0, input.length);
        assertEquals(0xAE8B14860A799888L, crc.getValue());
    }

    @Test
    void emptyInputGivesZero() {
        assertEquals(0L, new Crc64Nvme().getValue());
    }

    @Test
    void slicedBulkUpdateAgreesWithTheBitwiseDefinitionForEveryLengthAndOffset() {
        Random random = new Random(42);
        byte[] data = new byte[300];
        random.nextBytes(data);
        for (int offset = 0; offset < 9; offset++) {
            for (int length = 0; length + offset <= data.length; length += 7) {
                Crc64Nvme crc = new Crc64Nvme();
                crc.update(data, offset, length);
                byte[] slice = java.util.Arrays.copyOfRange(data, offset, offset + length);
                assertEquals(bitwise(slice), crc.getValue(), "offset " + offset + " length " + length);
            }
        }
    }

    @Test
    void singleByteUpdatesAgreeWithBulkUpdatesAndResetStartsOver() {
        byte[] data = new byte[1000];
        new Random(7).nextBytes(data);
        Crc64Nvme bytewise = new Crc64Nvme();
        for (byte b : data) {
            bytewise.update(b);
        }
        Crc64Nvme bulk = new Crc64Nvme();
        bulk.update(data, 0, 333);
        bulk.update(data, 333, 667);
        assertEquals(bytewise.getValue(), bulk.getValue());
        bulk.reset();
        assertEquals(0L, bulk.getValue());
    }
}
