package io.s3multi.webapp.s3;

import static io.s3multi.webapp.s3.S3TestGateway.TESTER;
import static io.s3multi.webapp.s3.S3TestGateway.TESTER2;
import static io.s3multi.webapp.s3.S3TestGateway.TESTER2_KEY;
import static io.s3multi.webapp.s3.S3TestGateway.TESTER_KEY;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.s3multi.swift.SwiftAccount;
import io.s3multi.swift.SwiftHeaders;
import io.s3multi.swift.container.ListingQuery;
import io.s3multi.swift.container.ObjectEntry;
import io.s3multi.swift.error.SwiftException;
import io.s3multi.swift.error.SwiftHttpStatusException;
import io.s3multi.swift.http.SwiftResponse;
import java.io.IOException;
import java.io.InputStream;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.auth.credentials.AnonymousCredentialsProvider;
import software.amazon.awssdk.checksums.DefaultChecksumAlgorithm;
import software.amazon.awssdk.core.sync.RequestBody;
import software.amazon.awssdk.http.SdkHttpMethod;
import software.amazon.awssdk.http.SdkHttpRequest;
import software.amazon.awssdk.http.auth.aws.signer.AwsV4FamilyHttpSigner;
import software.amazon.awssdk.http.auth.spi.signer.SignedRequest;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.model.S3Exception;

/**
 * Authentication and request-integrity failures through the whole pipeline, each answered with AWS's error code,
 * and each write attempt checked against what Swift stored: nothing.
 */
class S3AuthIT extends S3IntegrationTest {

    private static final HttpClient HTTP = HttpClient.newHttpClient();

    /** A bucket of test:tester's, made directly in Swift so these tests depend on no bucket operation. */
    private String bucketInSwift() throws SwiftException {
        String bucket = uniqueBucket();
        swift().containers().create(bucket, SwiftHeaders.empty());
        return bucket;
    }

    private static List<String> storedNames(SwiftAccount account, String container) throws SwiftException {
        return account.containers().listObjects(container, ListingQuery.all()).entries().stream()
                .map(ObjectEntry::name).toList();
    }

    private static byte[] storedBytes(String container, String object) throws SwiftException, IOException {
        try (SwiftResponse response = swift().objects().get(container, object, SwiftHeaders.empty());
                InputStream body = response.body()) {
            return body.readAllBytes();
        }
    }

    private static S3Exception putFails(S3Client client, String bucket) {
        return assertThrows(S3Exception.class, () -> client.putObject(b -> b.bucket(bucket).key("never"),
                RequestBody.fromString("never stored")));
    }

    private static void assertS3Error(S3Exception error, int status, String code) {
        assertEquals(code, error.awsErrorDetails().errorCode(), error.toString());
        assertEquals(status, error.statusCode(), error.toString());
        assertNotNull(error.requestId(), "x-amz-request-id");
    }

    private static byte[] random(int size) {
        byte[] bytes = new byte[size];
        new Random(size).nextBytes(bytes);
        return bytes;
    }

    // ---- credentials ----

    @Test
    void aWrongSecretIsSignatureDoesNotMatchAndNothingIsStored() throws Exception {
        String bucket = bucketInSwift();
        assertS3Error(putFails(s3(TESTER, "not-the-key"), bucket), 403, "SignatureDoesNotMatch");
        assertEquals(List.of(), storedNames(swift(), bucket));
    }

    @Test
    void anUnknownAccessKeyIsInvalidAccessKeyIdAndNothingIsStored() throws Exception {
        String bucket = bucketInSwift();
        assertS3Error(putFails(s3("nobody:nobody", "secret"), bucket), 403, "InvalidAccessKeyId");
        assertEquals(List.of(), storedNames(swift(), bucket));
    }

    @Test
    void anAnonymousRequestIsAccessDeniedAndNothingIsStored() throws Exception {
        String bucket = bucketInSwift();
        S3Client anonymous = gateway().s3(TESTER, TESTER_KEY,
                builder -> builder.credentialsProvider(AnonymousCredentialsProvider.create()));
        assertS3Error(putFails(anonymous, bucket), 403, "AccessDenied");
        assertS3Error(assertThrows(S3Exception.class, () -> anonymous.listObjectsV2(b -> b.bucket(bucket))), 403,
                "AccessDenied");
        assertEquals(List.of(), storedNames(swift(), bucket));
    }

    // ---- time ----

    @Test
    void aPresignedUrlWorksUntilItExpiresThenIsAccessDenied() throws Exception {
        String bucket = bucketInSwift();
        byte[] content = "presigned content".getBytes(StandardCharsets.UTF_8);
        swift().objects().put(bucket, "doc.txt", content, SwiftHeaders.empty());

        var valid = presigner().presignGetObject(p -> p.signatureDuration(Duration.ofMinutes(5))
                .getObjectRequest(g -> g.bucket(bucket).key("doc.txt")));
        HttpResponse<byte[]> ok = HTTP.send(HttpRequest.newBuilder(valid.url().toURI()).build(),
                HttpResponse.BodyHandlers.ofByteArray());
        assertEquals(200, ok.statusCode());
        assertArrayEquals(content, ok.body());

        ToolResult expired = tools().curl(expiredPresignedUrl(SdkHttpMethod.GET, bucket, "doc.txt"));
        assertTrue(expired.succeeded(), expired.describe());
        assertTrue(expired.stdout().startsWith("HTTP/1.1 403"), expired.describe());
        assertTrue(expired.stdout().contains("<Code>AccessDenied</Code>"), expired.describe());
        assertTrue(expired.stdout().contains("Request has expired"), expired.describe());
    }

    /**
     * A URL presigned 10 s ago for 1 s with the SDK's own signer: expired when it is used, without waiting for the
     * clock to get there.
     */
    private static String expiredPresignedUrl(SdkHttpMethod method, String bucket, String key) {
        SdkHttpRequest request = SdkHttpRequest.builder().method(method).uri(gateway().endpoint())
                .encodedPath("/" + bucket + "/" + key).build();
        return RawS3.sign(request, null, Clock.offset(Clock.systemUTC(), Duration.ofSeconds(-10)), o -> o
                .putProperty(AwsV4FamilyHttpSigner.AUTH_LOCATION, AwsV4FamilyHttpSigner.AuthLocation.QUERY_STRING)
                .putProperty(AwsV4FamilyHttpSigner.EXPIRATION_DURATION, Duration.ofSeconds(1))
                .putProperty(AwsV4FamilyHttpSigner.PAYLOAD_SIGNING_ENABLED, false)).request().getUri().toString();
    }

    @Test
    void aPresignedPutThroughCurlStoresTheBytes() throws Exception {
        String bucket = bucketInSwift();
        var put = presigner().presignPutObject(p -> p.signatureDuration(Duration.ofMinutes(5))
                .putObjectRequest(r -> r.bucket(bucket).key("uploaded by curl.txt")));
        ToolResult uploaded = tools().curl("-X", "PUT", "--data-binary", "sent with a presigned URL",
                put.url().toString());
        assertTrue(uploaded.stdout().startsWith("HTTP/1.1 200"), uploaded.describe());
        assertArrayEquals("sent with a presigned URL".getBytes(StandardCharsets.UTF_8),
                storedBytes(bucket, "uploaded by curl.txt"));
    }

    @Test
    void anExpiredPresignedPutIsAccessDeniedAndNothingIsStored() throws Exception {
        String bucket = bucketInSwift();
        ToolResult expired = tools().curl("-X", "PUT", "--data-binary", "too late",
                expiredPresignedUrl(SdkHttpMethod.PUT, bucket, "late.txt"));
        assertTrue(expired.stdout().startsWith("HTTP/1.1 403"), expired.describe());
        assertTrue(expired.stdout().contains("<Code>AccessDenied</Code>"), expired.describe());
        assertEquals(List.of(), storedNames(swift(), bucket));
    }

    @Test
    void aRequestSignedTwentyMinutesAgoIsRequestTimeTooSkewedAndNothingIsStored() throws Exception {
        String bucket = bucketInSwift();
        Clock skewed = Clock.offset(Clock.systemUTC(), Duration.ofMinutes(-20));
        byte[] payload = "skewed".getBytes(StandardCharsets.UTF_8);
        SignedRequest put = RawS3.sign(RawS3.put(gateway().endpoint(), "/" + bucket + "/skewed", payload.length),
                payload, skewed, o -> o.putProperty(AwsV4FamilyHttpSigner.PAYLOAD_SIGNING_ENABLED, true));
        RawResponse answer = RawS3.send(gateway().port(), put.request(), payload, payload.length, false);
        assertEquals(403, answer.status(), answer.toString());
        assertEquals("RequestTimeTooSkewed", answer.errorCode(), answer.toString());
        assertNotNull(answer.header("x-amz-request-id"));

        SignedRequest list = RawS3.sign(RawS3.get(gateway().endpoint(), "/" + bucket), null,
                Clock.offset(Clock.systemUTC(), Duration.ofMinutes(20)), o -> { });
        RawResponse listed = RawS3.send(gateway().port(), list.request(), new byte[0], -1, false);
        assertEquals("RequestTimeTooSkewed", listed.errorCode(), listed.toString());
        assertEquals(List.of(), storedNames(swift(), bucket));
    }

    // ---- bodies ----

    /** The SDK's default upload format: aws-chunked, signed chunks, a signed CRC32 trailer. */
    private SignedRequest chunkedPut(String bucket, String key, byte[] payload) {
        SdkHttpRequest put = RawS3.put(gateway().endpoint(), "/" + bucket + "/" + key, payload.length);
        return RawS3.sign(put, payload, Clock.systemUTC(), o -> o
                .putProperty(AwsV4FamilyHttpSigner.PAYLOAD_SIGNING_ENABLED, true)
                .putProperty(AwsV4FamilyHttpSigner.CHUNK_ENCODING_ENABLED, true)
                .putProperty(AwsV4FamilyHttpSigner.CHECKSUM_ALGORITHM, DefaultChecksumAlgorithm.CRC32));
    }

    @Test
    void aTamperedAwsChunkedChunkIsSignatureDoesNotMatchAndNothingIsStored() throws Exception {
        String bucket = bucketInSwift();
        byte[] payload = random(300 * 1024);

        // The hand-made request is right in every other respect: untouched, it stores the payload.
        SignedRequest good = chunkedPut(bucket, "good", payload);
        byte[] goodWire = RawS3.body(good);
        RawResponse stored = RawS3.send(gateway().port(), good.request(), goodWire, goodWire.length, false);
        assertEquals(200, stored.status(), stored.toString());
        assertArrayEquals(payload, storedBytes(bucket, "good"));

        SignedRequest bad = chunkedPut(bucket, "bad", payload);
        byte[] wire = RawS3.body(bad);
        int firstChunkData = indexOf(wire, "\r\n".getBytes(StandardCharsets.US_ASCII)) + 2;
        wire[firstChunkData + 1000] ^= 0x01;
        RawResponse answer = RawS3.send(gateway().port(), bad.request(), wire, wire.length, false);
        assertEquals(403, answer.status(), answer.toString());
        assertEquals("SignatureDoesNotMatch", answer.errorCode(), answer.toString());
        assertEquals(List.of("good"), storedNames(swift(), bucket));
    }

    @Test
    void aTruncatedAwsChunkedBodyIsIncompleteBodyAndNothingIsStored() throws Exception {
        String bucket = bucketInSwift();
        byte[] payload = random(200 * 1024);
        SignedRequest put = chunkedPut(bucket, "cut", payload);
        byte[] wire = RawS3.body(put);
        byte[] cut = Arrays.copyOf(wire, wire.length / 2);
        // The client stops in the middle of a chunk and closes its side: the gateway sees the stream end early.
        RawResponse answer = RawS3.send(gateway().port(), put.request(), cut, wire.length, true);
        assertEquals(400, answer.status(), answer.toString());
        assertEquals("IncompleteBody", answer.errorCode(), answer.toString());
        assertEquals(List.of(), storedNames(swift(), bucket));
    }

    @Test
    void aBodyShorterThanItsContentLengthFailsWithoutHangingAndNothingIsStored() throws Exception {
        String bucket = bucketInSwift();
        byte[] payload = random(1000);
        SignedRequest put = RawS3.sign(RawS3.put(gateway().endpoint(), "/" + bucket + "/short", payload.length),
                payload, Clock.systemUTC(), o -> o.putProperty(AwsV4FamilyHttpSigner.PAYLOAD_SIGNING_ENABLED, false));
        long started = System.nanoTime();
        RawResponse answer = RawS3.send(gateway().port(), put.request(), Arrays.copyOf(payload, 500), 1000, true);
        assertTrue(Duration.ofNanos(System.nanoTime() - started).compareTo(Duration.ofSeconds(30)) < 0,
                "the gateway waited for the missing bytes");
        assertEquals(400, answer.status(), answer.toString());
        assertEquals("IncompleteBody", answer.errorCode(), answer.toString());
        assertEquals(List.of(), storedNames(swift(), bucket));
    }

    // ---- signature version 2 ----

    @Test
    void sigV2HeaderAuthenticationWorksWithBoto3() throws Exception {
        String bucket = bucketInSwift();
        ToolResult boto = tools().boto3(String.join("\n",
                "s3 = s3_client(signature_version='s3')",
                "s3.put_object(Bucket='" + bucket + "', Key='v2.txt', Body=b'signed the old way')",
                "print(s3.get_object(Bucket='" + bucket + "', Key='v2.txt')['Body'].read().decode())"));
        assertTrue(boto.succeeded(), boto.describe());
        assertEquals("signed the old way", boto.stdout().trim());
        assertArrayEquals("signed the old way".getBytes(StandardCharsets.UTF_8), storedBytes(bucket, "v2.txt"));

        ToolResult wrong = tools(TESTER, "wrong-key").boto3(String.join("\n",
                "s3 = s3_client(signature_version='s3')",
                "try:",
                "    s3.put_object(Bucket='" + bucket + "', Key='v2-wrong.txt', Body=b'no')",
                "except botocore.exceptions.ClientError as e:",
                "    print(e.response['Error']['Code'])"));
        wrong.requireSuccess();
        assertEquals("SignatureDoesNotMatch", wrong.stdout().trim(), wrong.describe());
        assertEquals(List.of("v2.txt"), storedNames(swift(), bucket));
    }

    @Test
    void sigV2PresignedUrlsWork() throws Exception {
        String bucket = bucketInSwift();
        swift().objects().put(bucket, "shared.txt", "shared by a v2 URL".getBytes(StandardCharsets.UTF_8),
                SwiftHeaders.empty());
        ToolResult url = tools().boto3(String.join("\n",
                "s3 = s3_client(signature_version='s3')",
                "print(s3.generate_presigned_url('get_object', Params={'Bucket': '" + bucket
                        + "', 'Key': 'shared.txt'}, ExpiresIn=300))"));
        assertTrue(url.succeeded(), url.describe());
        assertTrue(url.stdout().contains("AWSAccessKeyId="), url.describe());
        ToolResult fetched = tools().curl(url.stdout().trim());
        assertTrue(fetched.stdout().startsWith("HTTP/1.1 200"), fetched.describe());
        assertTrue(fetched.stdout().endsWith("shared by a v2 URL"), fetched.describe());
    }

    // ---- whose bucket ----

    @Test
    void aBucketOfAnotherAccountIsAccessDenied() throws Exception {
        String bucket = uniqueBucket();
        S3Client other = s3(TESTER2, TESTER2_KEY);
        other.createBucket(b -> b.bucket(bucket));
        other.putObject(b -> b.bucket(bucket).key("theirs.txt"), RequestBody.fromString("not yours"));

        assertS3Error(assertThrows(S3Exception.class,
                () -> s3().getObjectAsBytes(b -> b.bucket(bucket).key("theirs.txt"))), 403, "AccessDenied");
        assertS3Error(assertThrows(S3Exception.class, () -> s3().listObjectsV2(b -> b.bucket(bucket))), 403,
                "AccessDenied");
        assertS3Error(putFails(s3(), bucket), 403, "AccessDenied");

        SwiftAccount test2 = gateway().swift(TESTER2, TESTER2_KEY);
        assertEquals(List.of("theirs.txt"), storedNames(test2, bucket));
        var missing = assertThrows(SwiftHttpStatusException.class, () -> swift().containers().head(bucket));
        assertEquals(404, missing.status(), "test:tester's account must not have the bucket");
    }

    // ---- what is not a bucket ----

    @Test
    void aSegmentsContainerIsNeverABucket() throws Exception {
        String bucket = bucketInSwift();
        String segments = bucket + "_segments";
        swift().containers().create(segments, SwiftHeaders.empty());
        swift().objects().put(segments, "upload/part", "segment bytes".getBytes(StandardCharsets.UTF_8),
                SwiftHeaders.empty());

        assertS3Error(assertThrows(S3Exception.class, () -> s3().listObjects(b -> b.bucket(segments))), 400,
                "InvalidBucketName");
        assertS3Error(assertThrows(S3Exception.class,
                () -> s3().getObjectAsBytes(b -> b.bucket(segments).key("upload/part"))), 400, "InvalidBucketName");
        assertS3Error(putFails(s3(), segments), 400, "InvalidBucketName");
        assertEquals(List.of("upload/part"), storedNames(swift(), segments));
    }

    private static int indexOf(byte[] haystack, byte[] needle) {
        outer:
        for (int i = 0; i <= haystack.length - needle.length; i++) {
            for (int j = 0; j < needle.length; j++) {
                if (haystack[i + j] != needle[j]) {
                    continue outer;
                }
            }
            return i;
        }
        throw new IllegalArgumentException("not found");
    }
}
