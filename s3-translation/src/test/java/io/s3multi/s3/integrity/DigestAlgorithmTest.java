package io.s3multi.s3.integrity;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class DigestAlgorithmTest {

    private static final byte[] CHECK_INPUT = "123456789".getBytes(StandardCharsets.US_ASCII);

    private static String hex(byte[] bytes) {
        return HexFormat.of().formatHex(bytes);
    }

    @Test
    void crcsMatchTheirPublishedCheckValues() {
        assertEquals("cbf43926", hex(DigestAlgorithm.CRC32.digest(CHECK_INPUT)));
        assertEquals("e3069283", hex(DigestAlgorithm.CRC32C.digest(CHECK_INPUT)));
        assertEquals("ae8b14860a799888", hex(DigestAlgorithm.CRC64NVME.digest(CHECK_INPUT)));
    }

    @Test
    void hashesMatchTheirStandardTestVectors() {
        byte[] abc = "abc".getBytes(StandardCharsets.US_ASCII);
        assertEquals("900150983cd24fb0d6963f7d28e17f72", hex(DigestAlgorithm.MD5.digest(abc)));
        assertEquals("a9993e364706816aba3e25717850c26c9cd0d89d", hex(DigestAlgorithm.SHA1.digest(abc)));
        assertEquals("ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad",
                hex(DigestAlgorithm.SHA256.digest(abc)));
        assertEquals("ddaf35a193617abacc417349ae20413112e6fa4e89a97ea20a9eeee64b55d39a"
                + "2192992a274fc1a836ba3c23a3feebbd454d4423643ce80e2a9ac94fa54ca49f", hex(DigestAlgorithm.SHA512.digest(abc)));
    }

    @Test
    void checksumsAreBase64OfTheBigEndianRegister() {
        // CRC32("123456789") = 0xCBF43926, sent by S3 clients as base64 of the bytes CB F4 39 26.
        assertEquals("y/Q5Jg==", DigestAlgorithm.CRC32.toBase64(DigestAlgorithm.CRC32.digest(CHECK_INPUT)));
        assertEquals("rosUhgp5mIg=", DigestAlgorithm.CRC64NVME.toBase64(DigestAlgorithm.CRC64NVME.digest(CHECK_INPUT)));
    }

    @Test
    void crc32cOfTheAwsTrailerExampleBodyIsThePublishedTrailerValue() {
        // AWS "aws-chunked with trailer" example: 66560 bytes of 'a', trailer x-amz-checksum-crc32c:sOO8/Q==
        byte[] body = new byte[66560];
        Arrays.fill(body, (byte) 'a');
        assertEquals("sOO8/Q==", DigestAlgorithm.CRC32C.toBase64(DigestAlgorithm.CRC32C.digest(body)));
    }

    @Test
    void parseBase64AcceptsOnlyCanonicalValuesOfTheRightLength() {
        assertArrayEquals(HexFormat.of().parseHex("cbf43926"), DigestAlgorithm.CRC32.parseBase64("y/Q5Jg==").orElseThrow());
        assertEquals(Optional.empty(), DigestAlgorithm.CRC32.parseBase64("rosUhgp5mIg="));  // 8 bytes, not 4
        assertEquals(Optional.empty(), DigestAlgorithm.CRC32.parseBase64("y/Q5Jg"));        // unpadded
        assertEquals(Optional.empty(), DigestAlgorithm.CRC32.parseBase64("y/Q5Jg=="
                .replace('/', '_')));                                                      // url alphabet
        assertEquals(Optional.empty(), DigestAlgorithm.CRC32.parseBase64("not base64!"));
        assertEquals(Optional.empty(), DigestAlgorithm.MD5.parseBase64(""));
        assertEquals(Optional.empty(), DigestAlgorithm.MD5.parseBase64(null));
    }

    @Test
    void namesResolveFromHeadersAndSdkAlgorithmNames() {
        assertEquals(Optional.of(DigestAlgorithm.CRC64NVME), DigestAlgorithm.fromChecksumHeader("X-Amz-Checksum-CRC64NVME"));
        assertEquals(Optional.of(DigestAlgorithm.CRC32C), DigestAlgorithm.fromAwsName("crc32c"));
        assertEquals(Optional.of(DigestAlgorithm.MD5), DigestAlgorithm.fromAwsName("MD5"));
        assertEquals(Optional.of(DigestAlgorithm.SHA512), DigestAlgorithm.fromChecksumHeader("x-amz-checksum-sha512"));
        assertEquals(Optional.empty(), DigestAlgorithm.fromAwsName("XXHASH64"));
        assertTrue(DigestAlgorithm.isUnsupportedAwsName("xxhash3"));
        assertTrue(DigestAlgorithm.isUnsupportedChecksumHeader("X-Amz-Checksum-XXHASH128"));
        assertEquals(Optional.empty(), DigestAlgorithm.fromChecksumHeader("x-amz-checksum-type"));
        assertTrue(DigestAlgorithm.CRC32.isCrc());
        assertTrue(!DigestAlgorithm.SHA1.isCrc());
    }
}
