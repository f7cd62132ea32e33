package io.s3multi.webapp.s3;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.s3multi.swift.SwiftAccount;
import io.s3multi.webapp.TomcatWithWar;
import io.s3multi.swift.SwiftBackend;
import io.s3multi.swift.SwiftClientConfig;
import io.s3multi.swift.SwiftHeaders;
import io.s3multi.swift.error.SwiftHttpStatusException;
import io.s3multi.swift.http.SwiftResponse;
import java.io.InputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.core.sync.RequestBody;
import software.amazon.awssdk.http.auth.aws.signer.AwsV4FamilyHttpSigner;
import software.amazon.awssdk.http.auth.spi.signer.SignedRequest;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.model.S3Exception;
import software.amazon.awssdk.services.s3.model.S3Object;

/**
 * The S3 pipeline inside the WAR, exactly as built, deployed into a real Tomcat 10.1 with its built-in
 * configuration (only the Swift URLs and the registry key, which it does not ship, overridden): the AWS SDK with default settings works as it does against the
 * embedded launcher, and Swift holds the bytes.
 */
class S3InTomcatIT {

    private static final List<String> SWIFT_URL_KEYS = List.of("s3multi.filter.proxy_server.swift_url",
            "s3multi.filter.tempauth.swift_url", "s3multi.filter.s3api.swift_url");

    @TempDir
    static Path tomcatBase;

    private static TomcatWithWar tomcat;
    private static SwiftBackend swiftBackend;
    private static S3Client s3;

    @BeforeAll
    static void deployWar() throws Exception {
        Map<String, String> overrides = new HashMap<>(SWIFT_URL_KEYS.stream()
                .collect(Collectors.toMap(key -> key, key -> S3TestGateway.SWIFT_URL)));
        overrides.put("s3multi.filter.s3api.bucket_registry_key", S3TestGateway.REGISTRY_KEY);
        tomcat = TomcatWithWar.deploy(tomcatBase, overrides);
        swiftBackend = SwiftBackend.start(SwiftClientConfig.defaults(URI.create(S3TestGateway.SWIFT_URL)));
        s3 = client(S3TestGateway.TESTER, S3TestGateway.TESTER_KEY);
    }

    @AfterAll
    static void undeploy() throws Exception {
        if (s3 != null) {
            s3.close();
        }
        if (tomcat != null) {
            tomcat.close();
        }
        if (swiftBackend != null) {
            swiftBackend.close();
        }
    }

    @Test
    void theSdkWithDefaultSettingsWorksThroughTheWar() throws Exception {
        String bucket = S3TestGateway.uniqueBucket();
        SwiftAccount swift = swiftBackend.tempAuthAccount(S3TestGateway.TESTER, S3TestGateway.TESTER_KEY);
        byte[] content = new byte[300 * 1024];
        new Random(7).nextBytes(content);
        try {
            s3.createBucket(b -> b.bucket(bucket));
            s3.putObject(b -> b.bucket(bucket).key("dir/a b+c.bin"), RequestBody.fromBytes(content));
            assertArrayEquals(content, s3.getObjectAsBytes(b -> b.bucket(bucket).key("dir/a b+c.bin")).asByteArray());
            assertEquals(List.of("dir/a b+c.bin"), s3.listObjectsV2(b -> b.bucket(bucket)).contents().stream()
                    .map(S3Object::key).toList());
            try (SwiftResponse stored = swift.objects().get(bucket, "dir/a b+c.bin", SwiftHeaders.empty());
                    InputStream body = stored.body()) {
                assertArrayEquals(content, body.readAllBytes(), "what Swift stored");
            }
            try (S3Client wrongSecret = client(S3TestGateway.TESTER, "wrong")) {
                S3Exception refused = assertThrows(S3Exception.class,
                        () -> wrongSecret.listObjectsV2(b -> b.bucket(bucket)));
                assertEquals("SignatureDoesNotMatch", refused.awsErrorDetails().errorCode());
            }

            s3.deleteObject(b -> b.bucket(bucket).key("dir/a b+c.bin"));
            s3.deleteBucket(b -> b.bucket(bucket));
            assertThrows(SwiftHttpStatusException.class, () -> swift.containers().head(bucket));
        } finally {
            S3TestGateway.deleteContainer(swift, bucket);
            // the name's record in the bucket registry, if DeleteBucket did not release it
            S3TestGateway.deleteContainer(
                    swiftBackend.tempAuthAccount(S3TestGateway.REGISTRY_USER, S3TestGateway.REGISTRY_KEY), bucket);
        }
    }

    /**
     * awscli and boto3 send {@code Expect: 100-continue}, and their botocore cannot parse Tomcat's 100 without a
     * reason phrase: small and multipart uploads must still reach Swift whole (BareContinueWait).
     */
    @Test
    void awscliAndBoto3UploadThroughTheWar(@TempDir Path dir) throws Exception {
        String bucket = S3TestGateway.uniqueBucket();
        SwiftAccount swift = swiftBackend.tempAuthAccount(S3TestGateway.TESTER, S3TestGateway.TESTER_KEY);
        byte[] small = new byte[70_000];
        new Random(70).nextBytes(small);
        byte[] large = new byte[20 * 1024 * 1024 + 5];
        new Random(20).nextBytes(large);
        Path smallFile = java.nio.file.Files.write(dir.resolve("small.bin"), small);
        Path largeFile = java.nio.file.Files.write(dir.resolve("large.bin"), large);
        S3Tools tools = new S3Tools(URI.create("http://127.0.0.1:" + tomcat.port()), S3TestGateway.TESTER,
                S3TestGateway.TESTER_KEY);
        try {
            s3.createBucket(b -> b.bucket(bucket));
            tools.aws("s3", "cp", smallFile.toString(), "s3://" + bucket + "/small.bin").requireSuccess();
            tools.aws("s3", "cp", largeFile.toString(), "s3://" + bucket + "/large.bin").requireSuccess();
            tools.boto3(String.join("\n",
                    "s3 = s3_client()",
                    "up = s3.create_multipart_upload(Bucket='" + bucket + "', Key='parts.bin')['UploadId']",
                    "with open('" + largeFile + "', 'rb') as f:",
                    "    e = s3.upload_part(Bucket='" + bucket + "', Key='parts.bin', UploadId=up, PartNumber=1,",
                    "                       Body=f)['ETag']",
                    "s3.complete_multipart_upload(Bucket='" + bucket + "', Key='parts.bin', UploadId=up,",
                    "    MultipartUpload={'Parts': [{'PartNumber': 1, 'ETag': e}]})")).requireSuccess();
            assertArrayEquals(small, readFromSwift(swift, bucket, "small.bin"), "what Swift stored");
            assertEquals(large.length, s3.headObject(b -> b.bucket(bucket).key("large.bin")).contentLength());
            assertTrue(s3.headObject(b -> b.bucket(bucket).key("large.bin")).eTag().endsWith("-3\""),
                    "awscli's 8 MiB parts");
            assertArrayEquals(large, s3.getObjectAsBytes(b -> b.bucket(bucket).key("large.bin")).asByteArray());
            assertArrayEquals(large, s3.getObjectAsBytes(b -> b.bucket(bucket).key("parts.bin")).asByteArray());

            Path back = dir.resolve("back.bin");
            tools.aws("s3", "cp", "s3://" + bucket + "/small.bin", back.toString()).requireSuccess();
            assertArrayEquals(small, java.nio.file.Files.readAllBytes(back));
            tools.aws("s3", "rm", "--recursive", "s3://" + bucket).requireSuccess();
            s3.deleteBucket(b -> b.bucket(bucket));
        } finally {
            S3TestGateway.deleteBucketEverywhere(swiftBackend, swift, bucket);
        }
    }

    /** A body that ends before its Content-Length is S3's IncompleteBody as XML, never Tomcat's HTML page. */
    @Test
    void aBodyCutShortIsAnsweredAsS3XmlAndNothingIsStored() throws Exception {
        String bucket = S3TestGateway.uniqueBucket();
        SwiftAccount swift = swiftBackend.tempAuthAccount(S3TestGateway.TESTER, S3TestGateway.TESTER_KEY);
        byte[] payload = new byte[10_000];
        new Random(10).nextBytes(payload);
        try {
            s3.createBucket(b -> b.bucket(bucket));
            URI endpoint = URI.create("http://127.0.0.1:" + tomcat.port());
            SignedRequest put = RawS3.sign(RawS3.put(endpoint, "/" + bucket + "/short", payload.length), payload,
                    java.time.Clock.systemUTC(), o -> o.putProperty(AwsV4FamilyHttpSigner.PAYLOAD_SIGNING_ENABLED,
                            false));

            RawResponse answer = RawS3.send(tomcat.port(), put.request(), java.util.Arrays.copyOf(payload, 4000),
                    payload.length, true);

            assertEquals(400, answer.status(), answer.toString());
            assertEquals("IncompleteBody", answer.errorCode(), answer.toString());
            assertThrows(SwiftHttpStatusException.class,
                    () -> swift.objects().head(bucket, "short", SwiftHeaders.empty()));
            s3.deleteBucket(b -> b.bucket(bucket));
        } finally {
            S3TestGateway.deleteContainer(swift, bucket);
            S3TestGateway.deleteContainer(
                    swiftBackend.tempAuthAccount(S3TestGateway.REGISTRY_USER, S3TestGateway.REGISTRY_KEY), bucket);
        }
    }

    private static byte[] readFromSwift(SwiftAccount swift, String bucket, String key) throws Exception {
        try (SwiftResponse stored = swift.objects().get(bucket, key, SwiftHeaders.empty());
                InputStream body = stored.body()) {
            return body.readAllBytes();
        }
    }

    /** Tomcat refuses a NUL in the path itself, before the WAR; its own error page answers (see README, Logs). */
    @Test
    void aKeyWithANulByteIsRefusedByTomcatBeforeTheWar() throws Exception {
        RawResponse answer = RawS3.send(tomcat.port(), RawS3.get(URI.create("http://127.0.0.1:" + tomcat.port()),
                "/bucket/a%00b"), new byte[0], -1, false);
        assertEquals(400, answer.status(), answer.toString());
        assertFalse(answer.headers().containsKey("x-amz-request-id"), "no stage of the WAR saw it: " + answer);
    }

    @Test
    void nativeSwiftRequestsAreProxiedThroughTomcatToSwift() throws Exception {
        HttpClient http = HttpClient.newHttpClient();
        HttpResponse<Void> auth = http.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + tomcat.port()
                        + "/auth/v1.0")).header("X-Auth-User", S3TestGateway.TESTER)
                        .header("X-Auth-Key", S3TestGateway.TESTER_KEY).build(), HttpResponse.BodyHandlers.discarding());
        assertEquals(200, auth.statusCode());
        String storageUrl = auth.headers().firstValue("X-Storage-Url").orElseThrow();
        assertEquals("http://127.0.0.1:" + tomcat.port() + "/v1/AUTH_test", storageUrl,
                "Swift's auth answer sends the client back through Tomcat");
        String token = auth.headers().firstValue("X-Auth-Token").orElseThrow();
        String container = S3TestGateway.uniqueBucket();
        String objectUrl = storageUrl + "/" + container + "/dir%2Fname%20with%20spaces";
        SwiftAccount swift = swiftBackend.tempAuthAccount(S3TestGateway.TESTER, S3TestGateway.TESTER_KEY);
        try {
            assertEquals(201, http.send(HttpRequest.newBuilder(URI.create(storageUrl + "/" + container))
                    .header("X-Auth-Token", token).PUT(HttpRequest.BodyPublishers.noBody()).build(),
                    HttpResponse.BodyHandlers.discarding()).statusCode());
            assertEquals(201, http.send(HttpRequest.newBuilder(URI.create(objectUrl)).header("X-Auth-Token", token)
                    .PUT(HttpRequest.BodyPublishers.ofString("through tomcat")).build(),
                    HttpResponse.BodyHandlers.discarding()).statusCode());
            assertEquals("through tomcat", http.send(HttpRequest.newBuilder(URI.create(objectUrl))
                    .header("X-Auth-Token", token).build(), HttpResponse.BodyHandlers.ofString()).body());
            try (SwiftResponse stored = swift.objects().get(container, "dir/name with spaces", SwiftHeaders.empty());
                    InputStream body = stored.body()) {
                assertEquals("through tomcat", new String(body.readAllBytes(), StandardCharsets.UTF_8),
                        "Swift stored the object under its decoded name");
            }
        } finally {
            S3TestGateway.deleteContainer(swift, container);
        }
    }

    private static S3Client client(String accessKey, String secretKey) {
        return S3Client.builder()
                .endpointOverride(URI.create("http://127.0.0.1:" + tomcat.port()))
                .region(Region.US_EAST_1)
                .forcePathStyle(true)
                .credentialsProvider(StaticCredentialsProvider.create(AwsBasicCredentials.create(accessKey, secretKey)))
                .build();
    }
}
