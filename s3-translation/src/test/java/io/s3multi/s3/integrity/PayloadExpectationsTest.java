package io.s3multi.s3.integrity;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.s3multi.s3.http.RequestHead;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

class PayloadExpectationsTest {

    private static RequestHead put(String... nameValues) {
        Map<String, List<String>> headers = new LinkedHashMap<>();
        for (int i = 0; i < nameValues.length; i += 2) {
            headers.computeIfAbsent(nameValues[i], n -> new java.util.ArrayList<>()).add(nameValues[i + 1]);
        }
        return new RequestHead("PUT", "/bucket/key", "", headers);
    }

    private static String code(Runnable action) {
        return assertThrows(S3IntegrityException.class, action::run).code().wireCode();
    }

    @Test
    void readsContentMd5ContentSha256AndAChecksumHeader() throws IOException {
        byte[] body = "hello".getBytes();
        PayloadExpectations expectations = PayloadExpectations.fromHeaders(put(
                "Content-MD5", "XUFAKrxLKna5cZ2REBfFkg==",
                "x-amz-content-sha256", "2cf24dba5fb0a30e26e83b2ac5b9e29e1b161e5c1fa7425e73043362938b9824",
                "x-amz-checksum-crc32", "NhCmhg==",
                "x-amz-sdk-checksum-algorithm", "crc32"), null);
        assertEquals(List.of(ExpectedDigest.Source.CONTENT_MD5, ExpectedDigest.Source.CONTENT_SHA256,
                ExpectedDigest.Source.CHECKSUM_HEADER),
                expectations.expectations().stream().map(ExpectedDigest::source).toList());
        assertEquals(DigestAlgorithm.CRC32, expectations.checksumAlgorithm().orElseThrow());
        VerifyingInputStream in = expectations.verify(new ByteArrayInputStream(body), body.length, Set.of());
        assertEquals(5, in.readAllBytes().length);
        assertTrue(in.isVerified());
    }

    @Test
    void md5AndSha512AreChecksumAlgorithmsToo() {
        PayloadExpectations expectations = PayloadExpectations.fromHeaders(put(
                "x-amz-checksum-md5", "XUFAKrxLKna5cZ2REBfFkg==", "x-amz-sdk-checksum-algorithm", "MD5"), null);
        assertEquals(DigestAlgorithm.MD5, expectations.checksumAlgorithm().orElseThrow());
        assertEquals(ExpectedDigest.Source.CHECKSUM_HEADER, expectations.expectations().get(0).source());
    }

    @Test
    void unsignedAndStreamingPayloadHashesAddNoExpectation() {
        assertTrue(PayloadExpectations.fromHeaders(put("x-amz-content-sha256", "UNSIGNED-PAYLOAD"), null)
                .expectations().isEmpty());
        assertTrue(PayloadExpectations.fromHeaders(put("x-amz-content-sha256",
                "STREAMING-AWS4-HMAC-SHA256-PAYLOAD"), null).expectations().isEmpty());
    }

    @Test
    void aTrailerChecksumIsLookedUpByItsDeclaredName() throws IOException {
        byte[] body = "hello".getBytes();
        Map<String, String> trailers = new LinkedHashMap<>();
        PayloadExpectations expectations = PayloadExpectations.fromHeaders(put(
                "x-amz-trailer", "X-Amz-Checksum-Crc32",
                "x-amz-sdk-checksum-algorithm", "CRC32"), trailers::get);
        assertEquals(ExpectedDigest.Source.CHECKSUM_TRAILER, expectations.expectations().get(0).source());
        trailers.put("x-amz-checksum-crc32", "NhCmhg==");
        assertEquals(5, expectations.verify(new ByteArrayInputStream(body), 5, Set.of()).readAllBytes().length);
    }

    @Test
    void malformedOrContradictoryHeadersAreRefusedUpFront() {
        assertEquals("InvalidDigest", code(() -> PayloadExpectations.fromHeaders(put("Content-MD5", "abc"), null)));
        assertEquals("InvalidDigest", code(() -> PayloadExpectations.fromHeaders(put("Content-MD5", ""), null)));
        assertEquals("InvalidRequest", code(() -> PayloadExpectations.fromHeaders(
                put("x-amz-checksum-crc32", "not-base64"), null)));
        assertEquals("InvalidRequest", code(() -> PayloadExpectations.fromHeaders(
                put("x-amz-checksum-crc32", "NhCmhg==", "x-amz-checksum-sha1", "qvTGHdzF6KLavt4PO0gs2a6pQ00="), null)));
        assertEquals("InvalidRequest", code(() -> PayloadExpectations.fromHeaders(
                put("x-amz-checksum-crc32", "NhCmhg==", "x-amz-trailer", "x-amz-checksum-crc32c"), name -> null)));
        assertEquals("InvalidRequest", code(() -> PayloadExpectations.fromHeaders(
                put("x-amz-trailer", "x-amz-checksum-crc32"), null)));
        assertEquals("InvalidRequest", code(() -> PayloadExpectations.fromHeaders(
                put("x-amz-trailer", "x-amz-meta-color"), name -> null)));
        assertEquals("InvalidRequest", code(() -> PayloadExpectations.fromHeaders(
                put("x-amz-checksum-crc32", "NhCmhg==", "x-amz-sdk-checksum-algorithm", "SHA256"), null)));
        assertEquals("InvalidRequest", code(() -> PayloadExpectations.fromHeaders(
                put("x-amz-sdk-checksum-algorithm", "ADLER32"), null)));
        assertEquals("NotImplemented", code(() -> PayloadExpectations.fromHeaders(
                put("x-amz-checksum-xxhash64", "AAAAAAAAAAA="), null)));
        assertEquals("NotImplemented", code(() -> PayloadExpectations.fromHeaders(
                put("x-amz-trailer", "x-amz-checksum-xxhash3"), name -> null)));
        assertEquals("NotImplemented", code(() -> PayloadExpectations.fromHeaders(
                put("x-amz-sdk-checksum-algorithm", "XXHASH128"), null)));
    }
}
