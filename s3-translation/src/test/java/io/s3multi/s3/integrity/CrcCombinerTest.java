package io.s3multi.s3.integrity;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.io.ByteArrayOutputStream;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

class CrcCombinerTest {

    private static long crc(DigestAlgorithm algorithm, byte[] data, int from, int to) {
        return DigestAlgorithm.fromBigEndian(algorithm.digest(Arrays.copyOfRange(data, from, to)));
    }

    @ParameterizedTest
    @EnumSource(value = DigestAlgorithm.class, names = {"CRC32", "CRC32C", "CRC64NVME"})
    void combiningTwoRangesEqualsTheCrcOfTheConcatenation(DigestAlgorithm algorithm) {
        Random random = new Random(1234);
        byte[] data = new byte[70_000];
        random.nextBytes(data);
        int[] splits = {0, 1, 7, 8, 9, 4096, 65_536, 69_999, 70_000};
        long whole = crc(algorithm, data, 0, data.length);
        for (int split : splits) {
            long first = crc(algorithm, data, 0, split);
            long second = crc(algorithm, data, split, data.length);
            assertEquals(whole, CrcCombiner.combine(algorithm, first, second, data.length - split),
                    algorithm + " split at " + split);
        }
    }

    @ParameterizedTest
    @EnumSource(value = DigestAlgorithm.class, names = {"CRC32", "CRC32C", "CRC64NVME"})
    void fullObjectChecksumOfPartsEqualsTheCrcOfTheWholeObject(DigestAlgorithm algorithm) {
        Random random = new Random(99);
        List<MultipartChecksum.Part> parts = new ArrayList<>();
        ByteArrayOutputStream whole = new ByteArrayOutputStream();
        for (int size : new int[] {5 * 1024 + 3, 1, 0, 100_000, 17}) {
            byte[] part = new byte[size];
            random.nextBytes(part);
            whole.writeBytes(part);
            parts.add(new MultipartChecksum.Part(algorithm.digest(part), size));
        }
        String expected = algorithm.toBase64(algorithm.digest(whole.toByteArray()));
        assertEquals(expected, MultipartChecksum.fullObject(algorithm, parts));
    }

    @Test
    void compositeChecksumIsTheChecksumOfTheConcatenatedPartChecksumsWithThePartCount() {
        byte[][] parts = {"part one".getBytes(), "part two".getBytes(), "3".getBytes()};
        for (DigestAlgorithm algorithm : new DigestAlgorithm[] {DigestAlgorithm.CRC32, DigestAlgorithm.SHA256}) {
            List<byte[]> partChecksums = new ArrayList<>();
            ByteArrayOutputStream concatenated = new ByteArrayOutputStream();
            for (byte[] part : parts) {
                byte[] checksum = algorithm.digest(part);
                partChecksums.add(checksum);
                concatenated.writeBytes(checksum);
            }
            String expected = algorithm.toBase64(algorithm.digest(concatenated.toByteArray())) + "-3";
            assertEquals(expected, MultipartChecksum.composite(algorithm, partChecksums));
        }
    }

    @Test
    void fullObjectIsRefusedForHashesAndEmptyPartLists() {
        assertThrows(IllegalArgumentException.class, () -> MultipartChecksum.fullObject(DigestAlgorithm.SHA256,
                List.of(new MultipartChecksum.Part(new byte[32], 1))));
        assertThrows(IllegalArgumentException.class, () -> MultipartChecksum.fullObject(DigestAlgorithm.CRC32, List.of()));
        assertThrows(IllegalArgumentException.class, () -> MultipartChecksum.fullObject(DigestAlgorithm.CRC32,
                List.of(new MultipartChecksum.Part(new byte[8], 1))));
    }
}
