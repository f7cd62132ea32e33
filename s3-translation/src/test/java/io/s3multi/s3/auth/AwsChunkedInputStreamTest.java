package io.s3multi.s3.auth;

import static io.s3multi.s3.auth.ChunkedBodies.filled;
import static io.s3multi.s3.auth.ChunkedBodies.sha256;
import static io.s3multi.s3.auth.Requests.SECRET;
import static io.s3multi.s3.auth.Requests.head;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.s3multi.s3.http.RequestHead;
import io.s3multi.s3.integrity.DigestAlgorithm;
import io.s3multi.s3.integrity.Drain;
import io.s3multi.s3.integrity.S3IntegrityException;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * aws-chunked decoding. The first tests replay AWS's published examples ("Transfer payload in multiple chunks":
 * 66560 bytes of 'a' in chunks of 65536 and 1024 bytes, with and without a CRC32C trailer); the others break
 * bodies built with the same, vector-checked, signature chain.
 */
class AwsChunkedInputStreamTest {

    private static final SignatureVerifier VERIFIER =
            new SignatureVerifier(Clock.fixed(Instant.parse("2013-05-24T00:00:00Z"), ZoneOffset.UTC));
    private static final CredentialScope SCOPE = new CredentialScope("20130524", "us-east-1", "s3");
    private static final SigningKey KEY = SigningKey.derive(SECRET, SCOPE);
    private static final String AMZ_DATE = "20130524T000000Z";
    private static final String SEED = "4f232c4386841ef735655705268965c44a0e4690baa4adea153f7db9fa80a0a9";
    private static final String TRAILER_SEED = "106e2a8a18243abcf37539882f36619c00e2dfc72633413f02d3b74544bfeb8e";
    private static final byte[] OBJECT = filled(66560, 'a');

    private static RequestHead exampleHead(boolean trailer) {
        String signedHeaders = trailer
                ? "content-encoding;host;x-amz-content-sha256;x-amz-date;x-amz-decoded-content-length;"
                        + "x-amz-storage-class;x-amz-trailer"
                : "content-encoding;content-length;host;x-amz-content-sha256;x-amz-date;"
                        + "x-amz-decoded-content-length;x-amz-storage-class";
        RequestHead head = head("PUT", "/examplebucket/chunkObject.txt", "",
                "Host", "s3.amazonaws.com",
                "x-amz-date", AMZ_DATE,
                "x-amz-storage-class", "REDUCED_REDUNDANCY",
                "x-amz-content-sha256", trailer ? PayloadMode.STREAMING_SIGNED_PAYLOAD_TRAILER
                        : PayloadMode.STREAMING_SIGNED_PAYLOAD,
                "Content-Encoding", "aws-chunked",
                "x-amz-decoded-content-length", "66560",
                "Content-Length", trailer ? "66946" : "66824",
                "Authorization", "AWS4-HMAC-SHA256 Credential=AKIAIOSFODNN7EXAMPLE/20130524/us-east-1/s3/aws4_request,"
                        + "SignedHeaders=" + signedHeaders + ",Signature=" + (trailer ? TRAILER_SEED : SEED));
        return trailer ? Requests.withHeader(head, "x-amz-trailer", "x-amz-checksum-crc32c") : head;
    }

    private static byte[] exampleBody(String... signatures) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ChunkedBodies.write(out, "10000;chunk-signature=" + signatures[0] + "\r\n");
        out.writeBytes(filled(65536, 'a'));
        ChunkedBodies.write(out, "\r\n400;chunk-signature=" + signatures[1] + "\r\n");
        out.writeBytes(filled(1024, 'a'));
        ChunkedBodies.write(out, "\r\n0;chunk-signature=" + signatures[2] + "\r\n");
        for (int i = 3; i < signatures.length; i++) {
            ChunkedBodies.write(out, signatures[i] + "\r\n");
        }
        ChunkedBodies.write(out, "\r\n");
        return out.toByteArray();
    }

    private static final byte[] EXAMPLE_BODY = exampleBody(
            "ad80c730a21e5b8d04586a2213dd63b9a0e99e0e2307b0ade35a65485a288648",
            "0055627c9e194cb4542bae2aa5492e3c1575bbb81b612b7d234b86a503ef5497",
            "b6c6ea8a5354eaf15b3cb7646744f4275b71ea724fed81ceb9323e279d449df9");

    private static final byte[] EXAMPLE_TRAILER_BODY = exampleBody(
            "b474d8862b1487a5145d686f57f013e54db672cee1c953b3010fb58501ef5aa2",
            "1c1344b170168f8e65b41376b44b20fe354e373826ccbbe2c1d40a8cae51e5c7",
            "2ca2aba2005185cf7159c6277faf83795951dd77a3a99e6e65d5c9f85863f992",
            "x-amz-checksum-crc32c:sOO8/Q==",
            "x-amz-trailer-signature:d81f82fc3505edab99d459891051a732e8730629a2e4a59689829ca17fe2e435");

    private static AwsChunkedInputStream openExample(byte[] body) {
        RequestHead head = exampleHead(false);
        SigV4Request request = (SigV4Request) SignedRequestParser.parse(head).orElseThrow();
        SigningKey key = VERIFIER.verify(request, SECRET).signingKey().orElseThrow();
        return AwsChunkedInputStream.open(new ByteArrayInputStream(body), head, request, key);
    }

    private static RequestBody openTrailerExample(byte[] body) {
        RequestHead head = exampleHead(true);
        SigV4Request request = (SigV4Request) SignedRequestParser.parse(head).orElseThrow();
        SigningKey key = VERIFIER.verify(request, SECRET).signingKey().orElseThrow();
        return RequestBody.open(new ByteArrayInputStream(body), head, request, key, Set.of(DigestAlgorithm.MD5));
    }

    private static AwsChunkedInputStream signedStream(byte[] body, long decodedLength, String... trailers) {
        PayloadMode mode = trailers.length == 0 ? PayloadMode.STREAMING_SIGNED : PayloadMode.STREAMING_SIGNED_TRAILER;
        return new AwsChunkedInputStream(new ByteArrayInputStream(body), mode, decodedLength, List.of(trailers),
                new ChunkSignatureChain(KEY, AMZ_DATE, SEED), "AKIAIOSFODNN7EXAMPLE");
    }

    private static AwsChunkedInputStream unsignedStream(byte[] body, long decodedLength, String... trailers) {
        return new AwsChunkedInputStream(new ByteArrayInputStream(body), PayloadMode.STREAMING_UNSIGNED_TRAILER,
                decodedLength, List.of(trailers), null, "AKIAIOSFODNN7EXAMPLE");
    }

    private static String code(RuntimeException failure) {
        if (failure instanceof S3AuthException auth) {
            return auth.code().wireCode();
        }
        return assertInstanceOf(S3IntegrityException.class, failure, "a typed failure").code().wireCode();
    }

    private static byte[] replace(byte[] body, String from, String to) {
        String text = new String(body, StandardCharsets.ISO_8859_1);
        assertTrue(text.contains(from), from);
        return text.replace(from, to).getBytes(StandardCharsets.ISO_8859_1);
    }

    @Test
    void theSignatureChainReproducesAwsPublishedChunkSignatures() {
        ChunkSignatureChain chain = new ChunkSignatureChain(KEY, AMZ_DATE, SEED);
        assertEquals("ad80c730a21e5b8d04586a2213dd63b9a0e99e0e2307b0ade35a65485a288648",
                chain.nextChunk(sha256(filled(65536, 'a'))));
        assertEquals("0055627c9e194cb4542bae2aa5492e3c1575bbb81b612b7d234b86a503ef5497",
                chain.nextChunk(sha256(filled(1024, 'a'))));
        assertEquals("b6c6ea8a5354eaf15b3cb7646744f4275b71ea724fed81ceb9323e279d449df9",
                chain.nextChunk(sha256(new byte[0])));
        ChunkSignatureChain trailerChain = new ChunkSignatureChain(KEY, AMZ_DATE, TRAILER_SEED);
        trailerChain.nextChunk(sha256(filled(65536, 'a')));
        trailerChain.nextChunk(sha256(filled(1024, 'a')));
        trailerChain.nextChunk(sha256(new byte[0]));
        assertEquals("d81f82fc3505edab99d459891051a732e8730629a2e4a59689829ca17fe2e435",
                trailerChain.trailer(sha256("x-amz-checksum-crc32c:sOO8/Q==\n".getBytes(StandardCharsets.US_ASCII))));
    }

    @Test
    void theAwsExampleDecodesToItsObject() throws IOException {
        assertEquals(66824, EXAMPLE_BODY.length, "the published Content-Length");
        AwsChunkedInputStream in = openExample(EXAMPLE_BODY);
        assertEquals(66560, in.decodedLength());
        assertArrayEquals(OBJECT, in.readAllBytes());
        assertTrue(in.isVerified());
        assertEquals(Map.of(), in.trailers());
    }

    @Test
    void theAwsTrailerExampleDecodesAndItsCrc32cTrailerIsChecked() throws IOException {
        assertEquals(66946, EXAMPLE_TRAILER_BODY.length, "the published Content-Length");
        RequestBody body = openTrailerExample(EXAMPLE_TRAILER_BODY);
        assertEquals(66560, body.contentLength());
        assertTrue(body.isAwsChunked());
        assertArrayEquals(OBJECT, body.stream().readAllBytes());
        assertEquals(Map.of("x-amz-checksum-crc32c", "sOO8/Q=="), body.trailers());
        assertEquals(DigestAlgorithm.CRC32C, body.checksumAlgorithm().orElseThrow());
        assertArrayEquals(DigestAlgorithm.MD5.digest(OBJECT), body.computed(DigestAlgorithm.MD5).orElseThrow());
    }

    @ParameterizedTest
    @ValueSource(ints = {1, 8192, 100_000})
    void tamperedChunkDataFailsTheSignatureBeforeTheLastByteIsReleased(int bufferSize) throws IOException {
        for (int position : new int[] {200, 65_000, 65_700, 66_600}) {
            byte[] tampered = EXAMPLE_BODY.clone();
            tampered[position] = 'b';
            Drain drain = Drain.of(openExample(tampered), bufferSize);
            assertEquals("SignatureDoesNotMatch", code(drain.failure), "tampered at " + position);
            assertTrue(drain.count() < OBJECT.length, "released " + drain.count() + " bytes");
        }
    }

    @Test
    void aBadFinalChunkSignatureWithholdsExactlyTheLastByte() throws IOException {
        byte[] body = replace(EXAMPLE_BODY, "0;chunk-signature=b6c6", "0;chunk-signature=b6c7");
        Drain drain = Drain.of(openExample(body), 4096);
        assertEquals("SignatureDoesNotMatch", code(drain.failure));
        assertEquals(OBJECT.length - 1, drain.count());
    }

    @Test
    void aChecksumTrailerThatDoesNotMatchIsBadDigestAndTheObjectNeverCompletes() throws IOException {
        ChunkSignatureChain chain = new ChunkSignatureChain(KEY, AMZ_DATE, TRAILER_SEED);
        byte[] body = ChunkedBodies.signed(OBJECT, List.of(65536, 1024), chain, "x-amz-checksum-crc32c:AAAAAA==");
        Drain drain = Drain.of(openTrailerExample(body).stream(), 8192);
        assertEquals("BadDigest", code(drain.failure));
        assertEquals(OBJECT.length - 1, drain.count());
    }

    @Test
    void aTrailerAlteredAfterSigningOrSentUnsignedFailsTheSignature() throws IOException {
        byte[] altered = replace(EXAMPLE_TRAILER_BODY, "sOO8/Q==", "AAAAAA==");
        Drain drain = Drain.of(openTrailerExample(altered).stream(), 8192);
        assertEquals("SignatureDoesNotMatch", code(drain.failure));
        // The decoder holds back the last byte and the checksum stream on top one more.
        assertEquals(OBJECT.length - 2, drain.count());

        String text = new String(EXAMPLE_TRAILER_BODY, StandardCharsets.ISO_8859_1);
        byte[] unsigned = text.substring(0, text.indexOf("x-amz-trailer-signature:")).concat("\r\n")
                .getBytes(StandardCharsets.ISO_8859_1);
        assertEquals("SignatureDoesNotMatch", code(Drain.of(openTrailerExample(unsigned).stream(), 8192).failure));
    }

    @Test
    void everyTruncationOfASignedBodyFailsPromptlyAndNeverReleasesTheWholeObject() {
        byte[] data = "a small object that fits one chunk".getBytes(StandardCharsets.US_ASCII);
        byte[] body = ChunkedBodies.signed(data, List.of(data.length), new ChunkSignatureChain(KEY, AMZ_DATE, SEED),
                "x-amz-checksum-crc32:" + DigestAlgorithm.CRC32.toBase64(DigestAlgorithm.CRC32.digest(data)));
        assertEquals(data.length, assertTimeoutPreemptively(Duration.ofSeconds(5),
                () -> signedStream(body, data.length, "x-amz-checksum-crc32").readAllBytes()).length);
        for (int cut = 0; cut < body.length; cut++) {
            byte[] truncated = Arrays.copyOf(body, cut);
            Drain drain = assertTimeoutPreemptively(Duration.ofSeconds(5),
                    () -> Drain.of(signedStream(truncated, data.length, "x-amz-checksum-crc32"), 7));
            assertEquals("IncompleteBody", code(drain.failure), "cut at " + cut);
            assertTrue(drain.count() < data.length, "cut at " + cut);
        }
    }

    @Test
    void everyTruncationOfAnUnsignedBodyFailsPromptly() {
        byte[] data = filled(100, 'x');
        String crc = DigestAlgorithm.CRC32.toBase64(DigestAlgorithm.CRC32.digest(data));
        byte[] body = ChunkedBodies.unsigned(data, List.of(60, 40), "x-amz-checksum-crc32:" + crc);
        for (int cut = 0; cut < body.length; cut++) {
            byte[] truncated = Arrays.copyOf(body, cut);
            Drain drain = assertTimeoutPreemptively(Duration.ofSeconds(5),
                    () -> Drain.of(unsignedStream(truncated, 100, "x-amz-checksum-crc32"), 1));
            assertEquals("IncompleteBody", code(drain.failure), "cut at " + cut);
            assertTrue(drain.count() < data.length);
        }
    }

    @Test
    void aTruncatedAwsExampleIsIncompleteBody() throws IOException {
        for (int cut : new int[] {0, 50, 88, 30_000, 65_624, 65_626, 66_000, 66_700, 66_821, 66_823}) {
            Drain drain = Drain.of(openExample(Arrays.copyOf(EXAMPLE_BODY, cut)), 10_000);
            assertEquals("IncompleteBody", code(drain.failure), "cut at " + cut);
            assertTrue(drain.count() < OBJECT.length);
        }
    }

    @Test
    void malformedFramingIsRefused() throws IOException {
        byte[] data = filled(100, 'x');
        byte[] good = ChunkedBodies.unsigned(data, List.of(60, 40));
        assertEquals(100, unsignedStream(good, 100).readAllBytes().length);

        List<byte[]> broken = List.of(
                replace(good, "3c\r\n", "zz\r\n"),                          // not hex
                replace(good, "3c\r\n", "+3c\r\n"),                         // a sign
                replace(good, "3c\r\n", "00000000000000003c\r\n"),          // more than 16 digits
                replace(good, "3c\r\n", " 3c\r\n"),                         // whitespace
                replace(good, "3c\r\n", "3c\n"),                            // LF without CR
                replace(good, "3c\r\n", "3c\rx"),                           // CR without LF
                replace(good, "3c\r\n", "3c;foo=bar\r\n"),                  // an extension on an unsigned body
                replace(good, "x\r\n28\r\n", "xXX28\r\n"),                  // data not followed by CRLF
                replace(good, "3c\r\n", "0".repeat(300) + "3c\r\n"),        // an endless header line
                replace(good, "3c\r\n", "3d\r\n"),                          // sizes not adding up
                replace(good, "0\r\n\r\n", "0\r\n\r\nextra"));              // data after the end
        for (byte[] body : broken) {
            Drain drain = Drain.of(unsignedStream(body, 100), 16);
            assertEquals("IncompleteBody", code(drain.failure), new String(body, StandardCharsets.ISO_8859_1));
            assertTrue(drain.count() < data.length);
        }
        assertEquals("IncompleteBody", code(Drain.of(unsignedStream(good, 99), 16).failure));   // too much data
        S3IntegrityException early = (S3IntegrityException) Drain.of(unsignedStream(good, 101), 16).failure;
        assertEquals("IncompleteBody", early.code().wireCode());                              // too little data
        assertEquals("101", early.details().get("NumberBytesExpected"));
        assertEquals("100", early.details().get("NumberBytesProvided"));
    }

    @Test
    void signedChunksNeedSignaturesAndAllButTheLastNeedEightKibibytes() throws IOException {
        byte[] data = filled(200, 'x');
        byte[] small = ChunkedBodies.signed(data, List.of(100, 100), new ChunkSignatureChain(KEY, AMZ_DATE, SEED), null);
        S3IntegrityException tooSmall = (S3IntegrityException) Drain.of(signedStream(small, 200), 64).failure;
        assertEquals("InvalidChunkSizeError", tooSmall.code().wireCode());
        assertEquals("1", tooSmall.details().get("Chunk"));
        assertEquals("100", tooSmall.details().get("BadChunkSize"));

        byte[] noSignature = replace(ChunkedBodies.signed(data, List.of(200), new ChunkSignatureChain(KEY, AMZ_DATE,
                SEED), null), ";chunk-signature=", ";chunk-signatur=");
        assertEquals("IncompleteBody", code(Drain.of(signedStream(noSignature, 200), 64).failure));

        byte[] otherSeed = ChunkedBodies.signed(data, List.of(200), new ChunkSignatureChain(KEY, AMZ_DATE, "0" + SEED
                .substring(1)), null);
        assertEquals("SignatureDoesNotMatch", code(Drain.of(signedStream(otherSeed, 200), 64).failure));
    }

    @Test
    void reorderedChunksBreakTheChain() throws IOException {
        byte[] first = filled(8192, 'a');
        byte[] second = filled(8192, 'b');
        byte[] data = new byte[16384];
        System.arraycopy(first, 0, data, 0, 8192);
        System.arraycopy(second, 0, data, 8192, 8192);
        byte[] body = ChunkedBodies.signed(data, List.of(8192, 8192), new ChunkSignatureChain(KEY, AMZ_DATE, SEED), null);
        String text = new String(body, StandardCharsets.ISO_8859_1);
        int secondChunk = text.indexOf("2000;chunk-signature", 10);
        int finalChunk = text.indexOf("0;chunk-signature", secondChunk + 30);
        String swapped = text.substring(secondChunk, finalChunk) + text.substring(0, secondChunk) + text.substring(finalChunk);
        Drain drain = Drain.of(signedStream(swapped.getBytes(StandardCharsets.ISO_8859_1), 16384), 4096);
        assertEquals("SignatureDoesNotMatch", code(drain.failure));
        assertTrue(drain.count() < 16384);
    }

    @Test
    void unsignedTrailersMustBeExactlyTheDeclaredOnes() throws IOException {
        byte[] data = filled(100, 'x');
        String crcLine = "x-amz-checksum-crc32:" + DigestAlgorithm.CRC32.toBase64(DigestAlgorithm.CRC32.digest(data));
        AwsChunkedInputStream good = unsignedStream(ChunkedBodies.unsigned(data, List.of(100), crcLine), 100,
                "x-amz-checksum-crc32");
        assertThrows(IllegalStateException.class, () -> good.trailer("x-amz-checksum-crc32"));
        assertEquals(100, good.readAllBytes().length);
        assertEquals(crcLine.substring(crcLine.indexOf(':') + 1), good.trailer("X-Amz-Checksum-CRC32"));

        String[][] badTrailers = {
            {},                                                            // declared, not sent
            {crcLine, "x-amz-meta-extra:1"},                               // not declared
            {crcLine, crcLine},                                            // sent twice
            {"x-amz-checksum-crc32"},                                      // no colon
            {crcLine, "x-amz-trailer-signature:" + "0".repeat(64)},        // a signature on an unsigned body
        };
        for (String[] trailers : badTrailers) {
            Drain drain = Drain.of(unsignedStream(ChunkedBodies.unsigned(data, List.of(100), trailers), 100,
                    "x-amz-checksum-crc32"), 32);
            assertEquals("MalformedTrailerError", code(drain.failure), String.join("|", trailers));
            assertEquals(99, drain.count());
        }
    }

    @Test
    void anUnsignedTrailerChecksumIsVerifiedThroughTheRequestBody() throws IOException {
        byte[] data = filled(100, 'x');
        String crc = DigestAlgorithm.CRC32.toBase64(DigestAlgorithm.CRC32.digest(data));
        RequestHead head = head("PUT", "/b/k", "",
                "x-amz-content-sha256", PayloadMode.STREAMING_UNSIGNED_PAYLOAD_TRAILER,
                "x-amz-decoded-content-length", "100",
                "x-amz-trailer", "x-amz-checksum-crc32",
                "x-amz-sdk-checksum-algorithm", "CRC32");
        SigV4Request request = unsignedTrailerRequest(head);
        RequestBody good = RequestBody.open(new ByteArrayInputStream(ChunkedBodies.unsigned(data, List.of(100),
                "x-amz-checksum-crc32:" + crc)), head, request, null, Set.of());
        assertArrayEquals(data, good.stream().readAllBytes());

        RequestBody bad = RequestBody.open(new ByteArrayInputStream(ChunkedBodies.unsigned(data, List.of(50, 50),
                "x-amz-checksum-crc32:AAAAAA==")), head, request, null, Set.of());
        Drain drain = Drain.of(bad.stream(), 1);
        assertEquals("BadDigest", code(drain.failure));
        assertEquals(99, drain.count());
    }

    private static SigV4Request unsignedTrailerRequest(RequestHead head) {
        return new SigV4Request("AKIAIOSFODNN7EXAMPLE", SCOPE, AMZ_DATE, Instant.parse("2013-05-24T00:00:00Z"),
                List.of("host"), "0".repeat(64), false, 0, PayloadMode.STREAMING_UNSIGNED_TRAILER, "");
    }

    @Test
    void anEmptyBodyIsVerifiedByTheFirstRead() throws IOException {
        byte[] empty = ChunkedBodies.signed(new byte[0], List.of(), new ChunkSignatureChain(KEY, AMZ_DATE, SEED), null);
        AwsChunkedInputStream good = signedStream(empty, 0);
        assertEquals(-1, good.read());
        assertTrue(good.isVerified());
        byte[] forged = ChunkedBodies.signed(new byte[0], List.of(), new ChunkSignatureChain(KEY, AMZ_DATE, "x"), null);
        AwsChunkedInputStream bad = signedStream(forged, 0);
        assertEquals("SignatureDoesNotMatch", assertThrows(S3AuthException.class, bad::read).code().wireCode());
        assertEquals("SignatureDoesNotMatch", assertThrows(S3AuthException.class, bad::read).code().wireCode(),
                "sticky");
    }

    @Test
    void requestBodiesRefuseChunkModesTheirAuthenticationCannotSupport() {
        RequestHead anonymous = head("PUT", "/b/k", "", "x-amz-content-sha256",
                PayloadMode.STREAMING_UNSIGNED_PAYLOAD_TRAILER, "x-amz-decoded-content-length", "1");
        assertEquals("AccessDenied", assertThrows(S3AuthException.class, () -> RequestBody.open(
                InputStream.nullInputStream(), anonymous, null, null, Set.of())).code().wireCode());
        RequestHead head = exampleHead(false);
        SignedRequest request = SignedRequestParser.parse(head).orElseThrow();
        assertEquals("NotImplemented", assertThrows(S3AuthException.class, () -> RequestBody.open(
                InputStream.nullInputStream(), head, request, null, Set.of())).code().wireCode());
        RequestHead noLength = head("PUT", "/b/k", "");
        assertEquals("MissingContentLength", assertThrows(S3IntegrityException.class, () -> AwsChunkedInputStream.open(
                InputStream.nullInputStream(), noLength, unsignedTrailerRequest(noLength), null)).code().wireCode());
    }

    @Test
    void awsChunkedIsNotStoredAsAContentEncoding() {
        assertNull(AwsChunkedInputStream.storedContentEncoding("aws-chunked"));
        assertNull(AwsChunkedInputStream.storedContentEncoding(null));
        assertEquals("gzip", AwsChunkedInputStream.storedContentEncoding("aws-chunked,gzip"));
        assertEquals("gzip, br", AwsChunkedInputStream.storedContentEncoding("gzip, AWS-Chunked, br"));
    }

    @Test
    void otherCodingsKeepTheClientsSpelling() {
        assertEquals("deflate, gzip", AwsChunkedInputStream.storedContentEncoding("deflate, gzip,aws-chunked"));
        assertEquals("deflate, gzip", AwsChunkedInputStream.storedContentEncoding("aws-chunked, deflate, gzip"));
        assertEquals("deflate,  gzip", AwsChunkedInputStream.storedContentEncoding("deflate,  gzip"));
        assertNull(AwsChunkedInputStream.storedContentEncoding(" aws-chunked , "));
    }
}
