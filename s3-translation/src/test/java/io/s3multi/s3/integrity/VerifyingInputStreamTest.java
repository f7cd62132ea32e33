package io.s3multi.s3.integrity;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.util.HexFormat;
import java.util.List;
import java.util.Random;
import java.util.Set;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class VerifyingInputStreamTest {

    private static final byte[] BODY = body(10_000);

    private static byte[] body(int size) {
        byte[] bytes = new byte[size];
        new Random(5).nextBytes(bytes);
        return bytes;
    }

    /** Hands out at most a few bytes per read, as a network stream does. */
    private static InputStream trickle(byte[] bytes) {
        return new ByteArrayInputStream(bytes) {
            @Override
            public synchronized int read(byte[] b, int off, int len) {
                return super.read(b, off, Math.min(len, 3));
            }
        };
    }

    private static String md5(byte[] bytes) {
        return DigestAlgorithm.MD5.toBase64(DigestAlgorithm.MD5.digest(bytes));
    }

    private static String crc32(byte[] bytes) {
        return DigestAlgorithm.CRC32.toBase64(DigestAlgorithm.CRC32.digest(bytes));
    }

    @ParameterizedTest
    @ValueSource(ints = {1, 2, 7, 8192, 20_000})
    void matchingDigestsReleaseEveryByteAndExposeTheComputedValues(int bufferSize) throws IOException {
        String sha256 = HexFormat.of().formatHex(DigestAlgorithm.SHA256.digest(BODY));
        VerifyingInputStream in = new VerifyingInputStream(trickle(BODY), BODY.length, Set.of(DigestAlgorithm.CRC64NVME),
                List.of(ExpectedDigest.contentMd5(md5(BODY)), ExpectedDigest.contentSha256(sha256.toUpperCase()),
                        ExpectedDigest.checksumHeader(DigestAlgorithm.CRC32, crc32(BODY))));
        Drain drain = Drain.of(in, bufferSize);
        assertNull(drain.failure);
        assertArrayEquals(BODY, drain.received.toByteArray());
        assertTrue(in.isVerified());
        assertEquals(-1, in.read());
        assertArrayEquals(DigestAlgorithm.CRC64NVME.digest(BODY), in.computed(DigestAlgorithm.CRC64NVME).orElseThrow());
        assertArrayEquals(DigestAlgorithm.MD5.digest(BODY), in.computed(DigestAlgorithm.MD5).orElseThrow());
        assertTrue(in.computed(DigestAlgorithm.SHA1).isEmpty());
    }

    @ParameterizedTest
    @ValueSource(ints = {1, 2, 7, 8192, 20_000})
    void aMismatchingChecksumFailsBeforeTheLastByteIsReleased(int bufferSize) throws IOException {
        byte[] tampered = BODY.clone();
        tampered[5000] ^= 1;
        VerifyingInputStream in = new VerifyingInputStream(trickle(tampered), tampered.length, Set.of(),
                List.of(ExpectedDigest.checksumHeader(DigestAlgorithm.CRC32, crc32(BODY))));
        Drain drain = Drain.of(in, bufferSize);
        S3IntegrityException failure = assertInstanceOf(S3IntegrityException.class, drain.failure);
        assertEquals("BadDigest", failure.code().wireCode());
        assertEquals(tampered.length - 1, drain.count(), "the consumer must never see the full length");
        assertArrayEquals(java.util.Arrays.copyOf(tampered, tampered.length - 1), drain.received.toByteArray());
    }

    @Test
    void aMismatchingContentSha256IsReportedWithBothValues() throws IOException {
        String wrong = "0".repeat(64);
        VerifyingInputStream in = new VerifyingInputStream(new ByteArrayInputStream(BODY), BODY.length, Set.of(),
                List.of(ExpectedDigest.contentSha256(wrong)));
        Drain drain = Drain.of(in, 4096);
        S3IntegrityException failure = assertInstanceOf(S3IntegrityException.class, drain.failure);
        assertEquals("XAmzContentSHA256Mismatch", failure.code().wireCode());
        assertEquals(wrong, failure.details().get("ClientComputedContentSHA256"));
        assertEquals(HexFormat.of().formatHex(DigestAlgorithm.SHA256.digest(BODY)),
                failure.details().get("S3ComputedContentSHA256"));
        assertEquals(BODY.length - 1, drain.count());
    }

    @Test
    void aMismatchingContentMd5IsBadDigest() throws IOException {
        VerifyingInputStream in = new VerifyingInputStream(new ByteArrayInputStream(BODY), -1, Set.of(),
                List.of(ExpectedDigest.contentMd5(md5("other".getBytes()))));
        Drain drain = Drain.of(in, 100);
        assertEquals("BadDigest", ((S3IntegrityException) drain.failure).code().wireCode());
        assertEquals(BODY.length - 1, drain.count());
    }

    @ParameterizedTest
    @ValueSource(ints = {1, 4096})
    void aBodyShorterThanAnnouncedIsIncompleteAndNeverLooksComplete(int bufferSize) throws IOException {
        VerifyingInputStream in = new VerifyingInputStream(new ByteArrayInputStream(BODY), BODY.length + 1, Set.of(),
                List.of());
        Drain drain = Drain.of(in, bufferSize);
        S3IntegrityException failure = assertInstanceOf(S3IntegrityException.class, drain.failure);
        assertEquals("IncompleteBody", failure.code().wireCode());
        assertEquals(Integer.toString(BODY.length + 1), failure.details().get("NumberBytesExpected"));
        assertEquals(Integer.toString(BODY.length), failure.details().get("NumberBytesProvided"));
        assertEquals(BODY.length - 1, drain.count());
    }

    @Test
    void aBodyLongerThanAnnouncedIsRefusedBeforeTheExtraBytesAreReleased() throws IOException {
        VerifyingInputStream in = new VerifyingInputStream(new ByteArrayInputStream(BODY), 100, Set.of(), List.of());
        Drain drain = Drain.of(in, 1);
        assertEquals("IncompleteBody", ((S3IntegrityException) drain.failure).code().wireCode());
        assertEquals(99, drain.count());
    }

    @Test
    void anEmptyBodyIsCheckedOnTheFirstRead() throws IOException {
        VerifyingInputStream good = new VerifyingInputStream(new ByteArrayInputStream(new byte[0]), 0, Set.of(),
                List.of(ExpectedDigest.contentMd5("1B2M2Y8AsgTpgAmY7PhCfg==")));
        assertEquals(-1, good.read());
        assertTrue(good.isVerified());

        VerifyingInputStream bad = new VerifyingInputStream(new ByteArrayInputStream(new byte[0]), 0, Set.of(),
                List.of(ExpectedDigest.contentMd5(md5(BODY))));
        S3IntegrityException failure = assertThrows(S3IntegrityException.class, bad::read);
        assertEquals("BadDigest", failure.code().wireCode());
    }

    @Test
    void aFailureSticksAndTheHeldByteIsNeverReleased() throws IOException {
        VerifyingInputStream in = new VerifyingInputStream(new ByteArrayInputStream(BODY), BODY.length, Set.of(),
                List.of(ExpectedDigest.checksumHeader(DigestAlgorithm.CRC32, "AAAAAA==")));
        Drain drain = Drain.of(in, 512);
        S3IntegrityException first = (S3IntegrityException) drain.failure;
        assertSame(first, assertThrows(S3IntegrityException.class, in::read));
        assertSame(first, assertThrows(S3IntegrityException.class, () -> in.read(new byte[10])));
        assertEquals(0, in.available());
    }

    @Test
    void aTrailerValueIsReadOnlyAtTheEnd() throws IOException {
        AtomicReference<String> trailer = new AtomicReference<>();
        VerifyingInputStream in = new VerifyingInputStream(new ByteArrayInputStream(BODY), BODY.length, Set.of(),
                List.of(ExpectedDigest.checksumTrailer(DigestAlgorithm.CRC32, trailer::get)));
        byte[] start = in.readNBytes(BODY.length - 1);
        assertEquals(BODY.length - 1, start.length);
        trailer.set(crc32(BODY));   // the trailer arrives after the data, before the end of the stream
        assertEquals(BODY[BODY.length - 1] & 0xFF, in.read());
        assertEquals(-1, in.read());
    }

    @Test
    void aMissingOrMalformedTrailerValueIsReported() throws IOException {
        VerifyingInputStream missing = new VerifyingInputStream(new ByteArrayInputStream(BODY), BODY.length, Set.of(),
                List.of(ExpectedDigest.checksumTrailer(DigestAlgorithm.CRC32C, () -> null)));
        assertEquals("MalformedTrailerError", ((S3IntegrityException) Drain.of(missing, 64).failure).code().wireCode());

        VerifyingInputStream malformed = new VerifyingInputStream(new ByteArrayInputStream(BODY), BODY.length,
                Set.of(), List.of(ExpectedDigest.checksumTrailer(DigestAlgorithm.CRC32C, () -> "###")));
        S3IntegrityException failure = (S3IntegrityException) Drain.of(malformed, 64).failure;
        assertEquals("InvalidRequest", failure.code().wireCode());
        assertEquals("Value for x-amz-checksum-crc32c trailing header is invalid.", failure.getMessage());
    }

    @Test
    void computedDigestsAreUnavailableBeforeTheEnd() throws IOException {
        VerifyingInputStream in = new VerifyingInputStream(new ByteArrayInputStream(BODY), -1,
                Set.of(DigestAlgorithm.MD5), List.of());
        in.read(new byte[10]);
        assertThrows(IllegalStateException.class, () -> in.computed(DigestAlgorithm.MD5));
    }

    @Test
    void findInLocatesTheIntegrityFailureInsideAConsumersFailure() {
        S3IntegrityException cause = S3IntegrityException.badDigest("x");
        IOException wrapped = new IOException("upload to Swift aborted", new RuntimeException(cause));
        assertSame(cause, S3IntegrityException.findIn(wrapped).orElseThrow());
        assertTrue(S3IntegrityException.findIn(new IOException("other")).isEmpty());
    }
}
