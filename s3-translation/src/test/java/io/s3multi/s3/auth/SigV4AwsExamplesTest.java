package io.s3multi.s3.auth;

import static io.s3multi.s3.auth.Requests.ACCESS_KEY;
import static io.s3multi.s3.auth.Requests.EMPTY_SHA256;
import static io.s3multi.s3.auth.Requests.SECRET;
import static io.s3multi.s3.auth.Requests.head;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.s3multi.s3.http.RequestHead;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import org.junit.jupiter.api.Test;

/**
 * The SigV4 examples AWS publishes for S3 in "Signature Calculations for the Authorization Header: Transferring
 * Payload in a Single Chunk", "Authenticating Requests: Using Query Parameters" and the chunked-upload pages
 * (access key AKIAIOSFODNN7EXAMPLE, 2013-05-24, us-east-1). Canonical requests and hashes are the published ones.
 */
class SigV4AwsExamplesTest {

    private static final String SCOPE = ACCESS_KEY + "/20130524/us-east-1/s3/aws4_request";
    private static final Instant SIGNED_AT = Instant.parse("2013-05-24T00:00:00Z");

    private final SignatureVerifier verifier =
            new SignatureVerifier(Clock.fixed(SIGNED_AT.plusSeconds(60), ZoneOffset.UTC));

    private static SigV4Request parse(RequestHead head) {
        return assertInstanceOf(SigV4Request.class, SignedRequestParser.parse(head).orElseThrow());
    }

    private static String authorization(String signedHeaders, String signature) {
        return "AWS4-HMAC-SHA256 Credential=" + SCOPE + ",SignedHeaders=" + signedHeaders + ",Signature=" + signature;
    }

    private static String stringToSign(String canonicalRequestHash) {
        return "AWS4-HMAC-SHA256\n20130524T000000Z\n20130524/us-east-1/s3/aws4_request\n" + canonicalRequestHash;
    }

    @Test
    void getObjectWithRange() {
        SigV4Request request = parse(head("GET", "/test.txt", "",
                "Host", "examplebucket.s3.amazonaws.com",
                "Range", "bytes=0-9",
                "x-amz-content-sha256", EMPTY_SHA256,
                "x-amz-date", "20130524T000000Z",
                "Authorization", authorization("host;range;x-amz-content-sha256;x-amz-date",
                        "f0e8bdb87c964420e857bd35b5d6ed310bd44f0170aba48dd91039c6036bdb41")));
        assertEquals("GET\n/test.txt\n\nhost:examplebucket.s3.amazonaws.com\nrange:bytes=0-9\n"
                + "x-amz-content-sha256:" + EMPTY_SHA256 + "\nx-amz-date:20130524T000000Z\n\n"
                + "host;range;x-amz-content-sha256;x-amz-date\n" + EMPTY_SHA256, request.canonicalRequest());
        assertEquals(stringToSign("7344ae5b7ee6c3e7e6b0fe0640412a37625d1fbfff95c48bbb2dc43964946972"),
                request.stringToSign());
        assertEquals(ACCESS_KEY, request.accessKey());
        assertEquals(new CredentialScope("20130524", "us-east-1", "s3"), request.scope());
        assertEquals(PayloadMode.SHA256, request.payloadMode());
        verifier.verify(request, SECRET);
    }

    @Test
    void putObjectWithAnEncodedKey() {
        String payloadHash = "44ce7dd67c959e0d3524ffac1771dfbba87d2b6b4b4e99e42034a8b803f8b072";
        for (String path : new String[] {"/test%24file.text", "/test$file.text"}) {
            SigV4Request request = parse(head("PUT", path, "",
                    "Host", "examplebucket.s3.amazonaws.com",
                    "Date", "Fri, 24 May 2013 00:00:00 GMT",
                    "x-amz-date", "20130524T000000Z",
                    "x-amz-storage-class", "REDUCED_REDUNDANCY",
                    "x-amz-content-sha256", payloadHash,
                    "Authorization", authorization("date;host;x-amz-content-sha256;x-amz-date;x-amz-storage-class",
                            "98ad721746da40c64f1a55b78f14c238d841ea1380cd77a1b5971af0ece108bd")));
            assertEquals("PUT\n/test%24file.text\n\ndate:Fri, 24 May 2013 00:00:00 GMT\n"
                    + "host:examplebucket.s3.amazonaws.com\nx-amz-content-sha256:" + payloadHash + "\n"
                    + "x-amz-date:20130524T000000Z\nx-amz-storage-class:REDUCED_REDUNDANCY\n\n"
                    + "date;host;x-amz-content-sha256;x-amz-date;x-amz-storage-class\n" + payloadHash,
                    request.canonicalRequest(), path);
            assertEquals(stringToSign("9e0e90d9c76de8fa5b200d8c849cd5b8dc7a3be3951ddb7f6a76b4158342019d"),
                    request.stringToSign());
            verifier.verify(request, SECRET);
        }
    }

    @Test
    void getBucketLifecycle() {
        SigV4Request request = parse(head("GET", "/", "lifecycle",
                "Host", "examplebucket.s3.amazonaws.com",
                "x-amz-content-sha256", EMPTY_SHA256,
                "x-amz-date", "20130524T000000Z",
                "Authorization", authorization("host;x-amz-content-sha256;x-amz-date",
                        "fea454ca298b7da1c68078a5d1bdbfbbe0d65c699e0f91ac7a200a0136783543")));
        assertEquals("GET\n/\nlifecycle=\nhost:examplebucket.s3.amazonaws.com\nx-amz-content-sha256:" + EMPTY_SHA256
                + "\nx-amz-date:20130524T000000Z\n\nhost;x-amz-content-sha256;x-amz-date\n" + EMPTY_SHA256,
                request.canonicalRequest());
        assertEquals(stringToSign("9766c798316ff2757b517bc739a67f6213b4ab36dd5da2f94eaebf79c77395ca"),
                request.stringToSign());
        verifier.verify(request, SECRET);
    }

    @Test
    void getBucketListObjectsWithUnsortedQuery() {
        SigV4Request request = parse(head("GET", "/", "prefix=J&max-keys=2",
                "Host", "examplebucket.s3.amazonaws.com",
                "x-amz-content-sha256", EMPTY_SHA256,
                "x-amz-date", "20130524T000000Z",
                "Authorization", authorization("host;x-amz-content-sha256;x-amz-date",
                        "34b48302e7b5fa45bde8084f4b7868a86f0a534bc59db6670ed5711ef69dc6f7")));
        assertEquals("GET\n/\nmax-keys=2&prefix=J\nhost:examplebucket.s3.amazonaws.com\nx-amz-content-sha256:"
                + EMPTY_SHA256 + "\nx-amz-date:20130524T000000Z\n\nhost;x-amz-content-sha256;x-amz-date\n"
                + EMPTY_SHA256, request.canonicalRequest());
        assertEquals(stringToSign("df57d21db20da04d7fa30298dd4488ba3a2b47ca3a489c74750e0f1e7df1b9b7"),
                request.stringToSign());
        verifier.verify(request, SECRET);
    }

    private static RequestHead presignedGet() {
        return head("GET", "/test.txt", "X-Amz-Algorithm=AWS4-HMAC-SHA256"
                        + "&X-Amz-Credential=AKIAIOSFODNN7EXAMPLE%2F20130524%2Fus-east-1%2Fs3%2Faws4_request"
                        + "&X-Amz-Date=20130524T000000Z&X-Amz-Expires=86400&X-Amz-SignedHeaders=host"
                        + "&X-Amz-Signature=aeeed9bbccd4d02ee5c0109b86d86835f995330da4c265957d157751f604d404",
                "Host", "examplebucket.s3.amazonaws.com");
    }

    @Test
    void presignedGetObject() {
        SigV4Request request = parse(presignedGet());
        assertTrue(request.presigned());
        assertEquals("GET\n/test.txt\nX-Amz-Algorithm=AWS4-HMAC-SHA256"
                + "&X-Amz-Credential=AKIAIOSFODNN7EXAMPLE%2F20130524%2Fus-east-1%2Fs3%2Faws4_request"
                + "&X-Amz-Date=20130524T000000Z&X-Amz-Expires=86400&X-Amz-SignedHeaders=host\n"
                + "host:examplebucket.s3.amazonaws.com\n\nhost\nUNSIGNED-PAYLOAD", request.canonicalRequest());
        assertEquals(stringToSign("3bfa292879f6447bbcda7001decf97f4a54dc650c8942174ae0a9121cf58ad04"),
                request.stringToSign());
        assertEquals(SIGNED_AT.plusSeconds(86400), request.expiresAt().orElseThrow());
        new SignatureVerifier(Clock.fixed(SIGNED_AT.plusSeconds(86400), ZoneOffset.UTC)).verify(request, SECRET);
    }

    @Test
    void presignedUrlPastItsExpiryIsAccessDenied() {
        SigV4Request request = parse(presignedGet());
        S3AuthException expired = assertThrows(S3AuthException.class, () ->
                new SignatureVerifier(Clock.fixed(SIGNED_AT.plusSeconds(86401), ZoneOffset.UTC)).verify(request, SECRET));
        assertEquals("AccessDenied", expired.code().wireCode());
        assertEquals("Request has expired", expired.getMessage());
        assertEquals("2013-05-25T00:00:00Z", expired.details().get("Expires"));
        assertEquals("2013-05-25T00:00:01Z", expired.details().get("ServerTime"));
    }

    @Test
    void presignedUrlDatedInTheFutureIsNotValidYet() {
        S3AuthException early = assertThrows(S3AuthException.class, () ->
                new SignatureVerifier(Clock.fixed(SIGNED_AT.minusSeconds(16 * 60), ZoneOffset.UTC))
                        .checkTime(parse(presignedGet())));
        assertEquals("AccessDenied", early.code().wireCode());
        assertEquals("Request is not valid yet", early.getMessage());
    }

    @Test
    void seedSignatureOfTheChunkedUploadExample() {
        SigV4Request request = parse(head("PUT", "/examplebucket/chunkObject.txt", "",
                "Host", "s3.amazonaws.com",
                "x-amz-date", "20130524T000000Z",
                "x-amz-storage-class", "REDUCED_REDUNDANCY",
                "x-amz-content-sha256", "STREAMING-AWS4-HMAC-SHA256-PAYLOAD",
                "Content-Encoding", "aws-chunked",
                "x-amz-decoded-content-length", "66560",
                "Content-Length", "66824",
                "Authorization", authorization("content-encoding;content-length;host;x-amz-content-sha256;"
                        + "x-amz-date;x-amz-decoded-content-length;x-amz-storage-class",
                        "4f232c4386841ef735655705268965c44a0e4690baa4adea153f7db9fa80a0a9")));
        assertEquals(PayloadMode.STREAMING_SIGNED, request.payloadMode());
        assertEquals("PUT\n/examplebucket/chunkObject.txt\n\ncontent-encoding:aws-chunked\ncontent-length:66824\n"
                + "host:s3.amazonaws.com\nx-amz-content-sha256:STREAMING-AWS4-HMAC-SHA256-PAYLOAD\n"
                + "x-amz-date:20130524T000000Z\nx-amz-decoded-content-length:66560\n"
                + "x-amz-storage-class:REDUCED_REDUNDANCY\n\ncontent-encoding;content-length;host;x-amz-content-sha256;"
                + "x-amz-date;x-amz-decoded-content-length;x-amz-storage-class\nSTREAMING-AWS4-HMAC-SHA256-PAYLOAD",
                request.canonicalRequest());
        verifier.verify(request, SECRET);
    }

    @Test
    void seedSignatureOfTheChunkedUploadWithTrailerExample() {
        SigV4Request request = parse(head("PUT", "/examplebucket/chunkObject.txt", "",
                "Host", "s3.amazonaws.com",
                "x-amz-date", "20130524T000000Z",
                "x-amz-storage-class", "REDUCED_REDUNDANCY",
                "x-amz-content-sha256", "STREAMING-AWS4-HMAC-SHA256-PAYLOAD-TRAILER",
                "Content-Encoding", "aws-chunked",
                "x-amz-decoded-content-length", "66560",
                "x-amz-trailer", "x-amz-checksum-crc32c",
                "Content-Length", "66946",
                "Authorization", authorization("content-encoding;host;x-amz-content-sha256;x-amz-date;"
                        + "x-amz-decoded-content-length;x-amz-storage-class;x-amz-trailer",
                        "106e2a8a18243abcf37539882f36619c00e2dfc72633413f02d3b74544bfeb8e")));
        assertEquals(PayloadMode.STREAMING_SIGNED_TRAILER, request.payloadMode());
        verifier.verify(request, SECRET);
    }

    @Test
    void derivedKeysAreCachedPerSecretAndScope() {
        SigningKeyCache cache = new SigningKeyCache(2);
        CredentialScope scope = new CredentialScope("20130524", "us-east-1", "s3");
        SigningKey first = cache.get(SECRET, scope);
        assertSame(first, cache.get(SecretAccessKey.of("wJalrXUtnFEMI/K7MDENG/bPxRfiCYEXAMPLEKEY"), scope));
        cache.get(SecretAccessKey.of("other"), scope);
        cache.get(SECRET, new CredentialScope("20130525", "us-east-1", "s3"));
        assertEquals(2, cache.size());
        assertEquals(SigningKey.derive(SECRET, scope).sign("x"), first.sign("x"));
        assertTrue(!first.toString().contains("wJalr") && !SECRET.toString().contains("wJalr"));
    }
}
