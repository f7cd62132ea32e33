package io.s3multi.s3.auth;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.s3multi.s3.http.RequestHead;
import io.s3multi.s3.integrity.DigestAlgorithm;
import io.s3multi.s3.integrity.Drain;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import software.amazon.awssdk.checksums.DefaultChecksumAlgorithm;
import software.amazon.awssdk.http.ContentStreamProvider;
import software.amazon.awssdk.http.SdkHttpMethod;
import software.amazon.awssdk.http.SdkHttpRequest;
import software.amazon.awssdk.http.auth.aws.signer.AwsV4FamilyHttpSigner;
import software.amazon.awssdk.http.auth.aws.signer.AwsV4HttpSigner;
import software.amazon.awssdk.http.auth.spi.signer.HttpSigner;
import software.amazon.awssdk.http.auth.spi.signer.SignedRequest;
import software.amazon.awssdk.identity.spi.AwsCredentialsIdentity;

/**
 * Signs requests with the AWS SDK for Java v2's own SigV4 signer, configured as its S3 client configures it (no
 * double encoding, no path normalisation), and checks that this package accepts them: an independent
 * implementation of canonicalisation, presigning and aws-chunked framing, including the default upload format of
 * SDK 2.56 (signed chunks with a signed CRC32 trailer).
 */
class AwsSdkSignerRoundTripTest {

    private static final Instant NOW = Instant.parse("2026-11-21T10:15:30Z");
    private static final String ACCESS_KEY = "test:tester";
    private static final String SECRET = "testing";

    private final SignatureVerifier verifier = new SignatureVerifier(Clock.fixed(NOW.plusSeconds(5), ZoneOffset.UTC));

    private static SignedRequest sign(SdkHttpRequest request, byte[] payload,
            java.util.function.Consumer<software.amazon.awssdk.http.auth.spi.signer.SignRequest.Builder<
                    AwsCredentialsIdentity>> options) {
        return AwsV4HttpSigner.create().sign(r -> {
            r.identity(AwsCredentialsIdentity.create(ACCESS_KEY, SECRET))
                    .request(request)
                    .putProperty(AwsV4HttpSigner.REGION_NAME, "us-east-1")
                    .putProperty(AwsV4FamilyHttpSigner.SERVICE_SIGNING_NAME, "s3")
                    .putProperty(AwsV4FamilyHttpSigner.DOUBLE_URL_ENCODE, false)
                    .putProperty(AwsV4FamilyHttpSigner.NORMALIZE_PATH, false)
                    .putProperty(HttpSigner.SIGNING_CLOCK, Clock.fixed(NOW, ZoneOffset.UTC));
            if (payload != null) {
                r.payload(ContentStreamProvider.fromByteArray(payload));
            }
            options.accept(r);
        });
    }

    /** What the gateway would see of the SDK's request. */
    private static RequestHead asReceived(SdkHttpRequest request) {
        Map<String, List<String>> headers = new LinkedHashMap<>(request.headers());
        if (request.headers().keySet().stream().noneMatch("host"::equalsIgnoreCase)) {
            headers.put("Host", List.of(request.host() + ":" + request.port()));
        }
        return new RequestHead(request.method().name(), request.encodedPath(),
                request.encodedQueryParameters().orElse(""), headers);
    }

    private static byte[] body(SignedRequest signed) throws IOException {
        try (InputStream in = signed.payload().orElseThrow().newStream()) {
            return in.readAllBytes();
        }
    }

    private static SdkHttpRequest.Builder put(String encodedPath, int length) {
        return put("http://127.0.0.1:8080", encodedPath, length);
    }

    private static SdkHttpRequest.Builder put(String endpoint, String encodedPath, int length) {
        return SdkHttpRequest.builder().method(SdkHttpMethod.PUT).uri(URI.create(endpoint))
                .encodedPath(encodedPath).putHeader("Content-Length", Integer.toString(length));
    }

    private static byte[] random(int size) {
        byte[] bytes = new byte[size];
        new Random(size).nextBytes(bytes);
        return bytes;
    }

    @Test
    void headerSignaturesOverAwkwardPathsQueriesAndHeadersVerify() {
        SdkHttpRequest request = SdkHttpRequest.builder().method(SdkHttpMethod.GET)
                .uri(URI.create("http://127.0.0.1:8080"))
                .encodedPath("/bucket/dir%20with%20space/%C3%A9t%C3%A9%2Bplus/a%2Fb/~tilde/%24dollar")
                .putRawQueryParameter("prefix", "a b+c/d=e&f")
                .putRawQueryParameter("list-type", "2")
                .putRawQueryParameter("continuation-token", "ünïcode*")
                .putRawQueryParameter("empty", "")
                .putHeader("x-amz-meta-Color", "  blue    and   green ")
                .putHeader("Range", "bytes=0-9")
                .putHeader("x-amz-content-sha256", Requests.EMPTY_SHA256)
                .build();
        RequestHead head = asReceived(sign(request, null, r -> { }).request());
        SigV4Request parsed = assertInstanceOf(SigV4Request.class, SignedRequestParser.parse(head).orElseThrow());
        assertEquals(ACCESS_KEY, parsed.accessKey());
        verifier.verify(parsed, SecretAccessKey.of(SECRET));
    }

    @Test
    void presignedUrlsVerify() {
        SdkHttpRequest request = SdkHttpRequest.builder().method(SdkHttpMethod.GET)
                .uri(URI.create("http://127.0.0.1:8080")).encodedPath("/bucket/some%20key")
                .putRawQueryParameter("response-content-type", "text/plain; charset=utf-8")
                .build();
        SignedRequest signed = sign(request, null, r -> r
                .putProperty(AwsV4FamilyHttpSigner.AUTH_LOCATION, AwsV4FamilyHttpSigner.AuthLocation.QUERY_STRING)
                .putProperty(AwsV4FamilyHttpSigner.EXPIRATION_DURATION, Duration.ofHours(1))
                .putProperty(AwsV4FamilyHttpSigner.PAYLOAD_SIGNING_ENABLED, false));
        SigV4Request parsed = assertInstanceOf(SigV4Request.class,
                SignedRequestParser.parse(asReceived(signed.request())).orElseThrow());
        assertTrue(parsed.presigned());
        assertEquals(NOW.plusSeconds(3600), parsed.expiresAt().orElseThrow());
        verifier.verify(parsed, SecretAccessKey.of(SECRET));
    }

    @Test
    void aHeaderSignatureForAnotherRegionIsAuthorizationHeaderMalformedNamingTheExpectedRegion() {
        SdkHttpRequest request = SdkHttpRequest.builder().method(SdkHttpMethod.GET)
                .uri(URI.create("http://127.0.0.1:8080")).encodedPath("/bucket/key")
                .putHeader("x-amz-content-sha256", Requests.EMPTY_SHA256).build();
        io.s3multi.s3.auth.SignedRequest parsed = SignedRequestParser.parse(asReceived(sign(request, null, r -> r
                .putProperty(AwsV4HttpSigner.REGION_NAME, "eu-west-1")).request())).orElseThrow();

        S3AuthException refused = assertThrows(S3AuthException.class,
                () -> verifier.verify(parsed, SecretAccessKey.of(SECRET)));

        assertEquals("AuthorizationHeaderMalformed", refused.code().wireCode());
        assertEquals("The authorization header is malformed; the region 'eu-west-1' is wrong; expecting 'us-east-1'",
                refused.getMessage());
        assertEquals(Map.of("Region", "us-east-1"), refused.details());
    }

    @Test
    void aPresignedUrlForAnotherRegionIsAuthorizationQueryParametersError() {
        SdkHttpRequest request = SdkHttpRequest.builder().method(SdkHttpMethod.GET)
                .uri(URI.create("http://127.0.0.1:8080")).encodedPath("/bucket/key").build();
        io.s3multi.s3.auth.SignedRequest parsed = SignedRequestParser.parse(asReceived(sign(request, null, r -> r
                .putProperty(AwsV4HttpSigner.REGION_NAME, "mars-1")
                .putProperty(AwsV4FamilyHttpSigner.AUTH_LOCATION, AwsV4FamilyHttpSigner.AuthLocation.QUERY_STRING)
                .putProperty(AwsV4FamilyHttpSigner.EXPIRATION_DURATION, Duration.ofHours(1))
                .putProperty(AwsV4FamilyHttpSigner.PAYLOAD_SIGNING_ENABLED, false)).request())).orElseThrow();

        S3AuthException refused = assertThrows(S3AuthException.class, () -> verifier.checkScope(parsed));

        assertEquals("AuthorizationQueryParametersError", refused.code().wireCode());
        assertEquals("Error parsing the X-Amz-Credential parameter; the region 'mars-1' is wrong;"
                + " expecting 'us-east-1'", refused.getMessage());
        assertEquals(Map.of("Region", "us-east-1"), refused.details());
    }

    @Test
    void aGatewayInAnotherRegionAcceptsSignaturesForItsRegionOnly() {
        var inEurope = new SignatureVerifier(Clock.fixed(NOW.plusSeconds(5), ZoneOffset.UTC),
                SignatureVerifier.DEFAULT_MAX_SKEW, "eu-west-1", new SigningKeyCache());
        SdkHttpRequest request = SdkHttpRequest.builder().method(SdkHttpMethod.GET)
                .uri(URI.create("http://127.0.0.1:8080")).encodedPath("/bucket/key")
                .putHeader("x-amz-content-sha256", Requests.EMPTY_SHA256).build();
        io.s3multi.s3.auth.SignedRequest european = SignedRequestParser.parse(asReceived(sign(request, null, r -> r
                .putProperty(AwsV4HttpSigner.REGION_NAME, "eu-west-1")).request())).orElseThrow();
        io.s3multi.s3.auth.SignedRequest american =
                SignedRequestParser.parse(asReceived(sign(request, null, r -> { }).request())).orElseThrow();

        inEurope.verify(european, SecretAccessKey.of(SECRET));
        assertEquals("AuthorizationHeaderMalformed", assertThrows(S3AuthException.class,
                () -> inEurope.verify(american, SecretAccessKey.of(SECRET))).code().wireCode());
    }

    @Test
    void aSignedSinglePayloadWithItsSha256Verifies() throws IOException {
        byte[] payload = random(5000);
        SignedRequest signed = sign(put("/bucket/key", payload.length).build(), payload, r -> r
                .putProperty(AwsV4FamilyHttpSigner.PAYLOAD_SIGNING_ENABLED, true));
        RequestHead head = asReceived(signed.request());
        SigV4Request parsed = (SigV4Request) SignedRequestParser.parse(head).orElseThrow();
        assertEquals(PayloadMode.SHA256, parsed.payloadMode());
        SignatureVerifier.VerifiedSignature verified = verifier.verify(parsed, SecretAccessKey.of(SECRET));
        RequestBody requestBody = RequestBody.open(new ByteArrayInputStream(body(signed)), head, parsed,
                verified.signingKey().orElseThrow(), Set.of());
        assertArrayEquals(payload, requestBody.stream().readAllBytes());

        byte[] tampered = payload.clone();
        tampered[0] ^= 1;
        Drain drain = Drain.of(RequestBody.open(new ByteArrayInputStream(tampered), head, parsed, null, Set.of())
                .stream(), 4096);
        assertEquals("XAmzContentSHA256Mismatch",
                ((io.s3multi.s3.integrity.S3IntegrityException) drain.failure).code().wireCode());
        assertEquals(payload.length - 1, drain.count());
    }

    @ParameterizedTest
    @ValueSource(ints = {0, 1, 1000, 128 * 1024, 300_000})
    void theSdkDefaultUploadWithSignedChunksAndASignedCrc32TrailerVerifies(int size) throws IOException {
        byte[] payload = random(size);
        SignedRequest signed = sign(put("/bucket/chunked%20key", payload.length).build(), payload, r -> r
                .putProperty(AwsV4FamilyHttpSigner.PAYLOAD_SIGNING_ENABLED, true)
                .putProperty(AwsV4FamilyHttpSigner.CHUNK_ENCODING_ENABLED, true)
                .putProperty(AwsV4FamilyHttpSigner.CHECKSUM_ALGORITHM, DefaultChecksumAlgorithm.CRC32));
        RequestHead head = asReceived(signed.request());
        assertEquals(PayloadMode.STREAMING_SIGNED_PAYLOAD_TRAILER, head.header("x-amz-content-sha256"));
        assertEquals("x-amz-checksum-crc32", head.header("x-amz-trailer"));
        SigV4Request parsed = (SigV4Request) SignedRequestParser.parse(head).orElseThrow();
        SigningKey key = verifier.verify(parsed, SecretAccessKey.of(SECRET)).signingKey().orElseThrow();

        byte[] wire = body(signed);
        RequestBody requestBody = RequestBody.open(new ByteArrayInputStream(wire), head, parsed, key,
                Set.of(DigestAlgorithm.MD5));
        assertEquals(size, requestBody.contentLength());
        assertArrayEquals(payload, requestBody.stream().readAllBytes());
        assertEquals(DigestAlgorithm.CRC32.toBase64(DigestAlgorithm.CRC32.digest(payload)),
                requestBody.trailers().get("x-amz-checksum-crc32"));

        if (size > 0) {
            byte[] tampered = wire.clone();
            tampered[wire.length / 2] ^= 1;
            Drain drain = Drain.of(RequestBody.open(new ByteArrayInputStream(tampered), head, parsed, key, Set.of())
                    .stream(), 8192);
            assertTrue(drain.failure != null, "a flipped bit must be noticed");
            assertTrue(drain.count() < size);
        }
    }

    @Test
    void signedChunksWithoutTrailerVerify() throws IOException {
        byte[] payload = random(200_000);
        SignedRequest signed = sign(put("/bucket/key", payload.length).build(), payload, r -> r
                .putProperty(AwsV4FamilyHttpSigner.PAYLOAD_SIGNING_ENABLED, true)
                .putProperty(AwsV4FamilyHttpSigner.CHUNK_ENCODING_ENABLED, true));
        RequestHead head = asReceived(signed.request());
        SigV4Request parsed = (SigV4Request) SignedRequestParser.parse(head).orElseThrow();
        assertEquals(PayloadMode.STREAMING_SIGNED, parsed.payloadMode());
        SigningKey key = verifier.verify(parsed, SecretAccessKey.of(SECRET)).signingKey().orElseThrow();
        assertArrayEquals(payload, RequestBody.open(new ByteArrayInputStream(body(signed)), head, parsed, key,
                Set.of()).stream().readAllBytes());
    }

    /** Over https the SDK stops signing chunks and relies on the checksum trailer. */
    @Test
    void theUnsignedPayloadWithChecksumTrailerVerifies() throws IOException {
        byte[] payload = random(150_000);
        SdkHttpRequest request = put("https://127.0.0.1:8443", "/bucket/key", payload.length).build();
        SignedRequest signed = sign(request, payload, r -> r
                .putProperty(AwsV4FamilyHttpSigner.PAYLOAD_SIGNING_ENABLED, false)
                .putProperty(AwsV4FamilyHttpSigner.CHUNK_ENCODING_ENABLED, true)
                .putProperty(AwsV4FamilyHttpSigner.CHECKSUM_ALGORITHM, DefaultChecksumAlgorithm.CRC32C));
        RequestHead head = asReceived(signed.request());
        SigV4Request parsed = (SigV4Request) SignedRequestParser.parse(head).orElseThrow();
        assertEquals(PayloadMode.STREAMING_UNSIGNED_TRAILER, parsed.payloadMode());
        verifier.verify(parsed, SecretAccessKey.of(SECRET));
        byte[] wire = body(signed);
        RequestBody requestBody = RequestBody.open(new ByteArrayInputStream(wire), head, parsed, null, Set.of());
        assertArrayEquals(payload, requestBody.stream().readAllBytes());
        assertEquals(DigestAlgorithm.CRC32C, requestBody.checksumAlgorithm().orElseThrow());

        byte[] tampered = wire.clone();
        tampered[wire.length / 2] ^= 1;
        Drain drain = Drain.of(RequestBody.open(new ByteArrayInputStream(tampered), head, parsed, null, Set.of())
                .stream(), 8192);
        assertEquals("BadDigest", ((io.s3multi.s3.integrity.S3IntegrityException) drain.failure).code().wireCode());
        assertEquals(payload.length - 1, drain.count());
    }

    /** (The SDK computes CRC64NVME only with the native aws-crt library, so a hash stands in for it here.) */
    @Test
    void sha256TrailersFromTheSdkVerify() throws IOException {
        byte[] payload = random(70_000);
        SignedRequest signed = sign(put("/bucket/key", payload.length).build(), payload, r -> r
                .putProperty(AwsV4FamilyHttpSigner.PAYLOAD_SIGNING_ENABLED, true)
                .putProperty(AwsV4FamilyHttpSigner.CHUNK_ENCODING_ENABLED, true)
                .putProperty(AwsV4FamilyHttpSigner.CHECKSUM_ALGORITHM, DefaultChecksumAlgorithm.SHA256));
        RequestHead head = asReceived(signed.request());
        SigV4Request parsed = (SigV4Request) SignedRequestParser.parse(head).orElseThrow();
        SigningKey key = verifier.verify(parsed, SecretAccessKey.of(SECRET)).signingKey().orElseThrow();
        RequestBody requestBody = RequestBody.open(new ByteArrayInputStream(body(signed)), head, parsed, key, Set.of());
        assertArrayEquals(payload, requestBody.stream().readAllBytes());
        assertEquals(DigestAlgorithm.SHA256.toBase64(DigestAlgorithm.SHA256.digest(payload)),
                requestBody.trailers().get("x-amz-checksum-sha256"));
    }
}
