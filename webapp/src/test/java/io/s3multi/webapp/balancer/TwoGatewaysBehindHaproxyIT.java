package io.s3multi.webapp.balancer;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.s3multi.s3.contract.RegistryLayout;
import io.s3multi.swift.SwiftHeaders;
import io.s3multi.swift.SwiftReply;
import io.s3multi.swift.error.SwiftHttpStatusException;
import io.s3multi.webapp.s3.AccessRecords;
import io.s3multi.webapp.s3.PatternStream;
import io.s3multi.webapp.s3.RawResponse;
import io.s3multi.webapp.s3.RawS3;
import io.s3multi.webapp.s3.S3TestGateway;
import java.net.ConnectException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.core.sync.RequestBody;
import software.amazon.awssdk.http.auth.spi.signer.SignedRequest;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.model.CompleteMultipartUploadResponse;
import software.amazon.awssdk.services.s3.model.CompletedPart;
import software.amazon.awssdk.services.s3.model.ListPartsResponse;
import software.amazon.awssdk.services.s3.model.NoSuchBucketException;
import software.amazon.awssdk.services.s3.model.Part;
import software.amazon.awssdk.services.s3.model.S3Exception;
import software.amazon.awssdk.services.s3.model.S3Object;

/**
 * Two gateways behind HAProxy on loopback, configured as {@code docs/OPERATIONS.md} tells operators (round robin,
 * no stickiness): a multipart upload through the balancer has its parts served by both gateways and completes
 * through either, the object reads back the same through each gateway and the balancer, and a bucket made through
 * one gateway is the other's too. Which gateway served a request is proven twice: by the suffix of the request id
 * the client got back (each gateway has its own {@code filter.catch_errors.trans_id_suffix}) and by the access
 * record of that very request in that gateway's {@code proxy_logging}.
 */
class TwoGatewaysBehindHaproxyIT {

    /** The least part size these gateways accept (filter.s3multi.min_part_size; AWS's 5 MiB would only cost time). */
    private static final int PART_SIZE = 1024 * 1024;
    private static final int MIN_PARTS = 3;
    private static final int MAX_PARTS = 8;
    private static final String DOCUMENTED_CERTIFICATE = "/etc/haproxy/certs/s3.example.com.pem";
    private static final String DOMAIN = "s3.test";
    private static final ServedBy SERVED_BY = new ServedBy(Map.of("-gwa", "a", "-gwb", "b"));

    private static S3TestGateway gatewayA;
    private static S3TestGateway gatewayB;
    private static Haproxy haproxy;
    private static S3Client viaBalancer;
    private static S3Client directA;
    private static S3Client directB;

    private final List<String> buckets = new ArrayList<>();

    @BeforeAll
    static void startTwoGatewaysAndHaproxy() throws Exception {
        gatewayA = S3TestGateway.start(configuration("-gwa"));
        gatewayB = S3TestGateway.start(configuration("-gwb"));
        haproxy = Haproxy.inFrontOf(List.of(gatewayA.port(), gatewayB.port()));
        awaitBothGatewaysThroughTheBalancer();
        viaBalancer = client(gatewayA, haproxy.endpoint());
        directA = client(gatewayA, gatewayA.endpoint());
        directB = client(gatewayB, gatewayB.endpoint());
    }

    @AfterAll
    static void stopAll() throws Exception {
        try {
            if (haproxy != null) {
                haproxy.close();
            }
        } finally {
            if (gatewayA != null) {
                gatewayA.close();
            }
            if (gatewayB != null) {
                gatewayB.close();
            }
        }
    }

    @AfterEach
    void deleteBuckets() {
        buckets.forEach(gatewayA::deleteBucketDirectly);
    }

    @Test
    void partsThroughTheBalancerReachBothGatewaysAndCompleteThroughGatewayA() throws Exception {
        uploadThroughTheBalancerAndComplete(directA, "a");
    }

    @Test
    void partsThroughTheBalancerReachBothGatewaysAndCompleteThroughGatewayB() throws Exception {
        uploadThroughTheBalancerAndComplete(directB, "b");
    }

    private void uploadThroughTheBalancerAndComplete(S3Client completer, String completingGateway) throws Exception {
        String bucket = bucket();
        String key = "balanced/parts on two gateways ü.bin";
        viaBalancer.createBucket(b -> b.bucket(bucket));
        String uploadId = viaBalancer.createMultipartUpload(b -> b.bucket(bucket).key(key)).uploadId();

        SERVED_BY.clear();
        List<byte[]> parts = new ArrayList<>();
        List<CompletedPart> completed = new ArrayList<>();
        try (AccessRecords logA = AccessRecords.listen(gatewayA); AccessRecords logB = AccessRecords.listen(gatewayB)) {
            // Round robin alternates from the first part. On a machine so loaded that a health check times out,
            // HAProxy may take a gateway out for a moment; a few more parts then still reach both.
            while (parts.size() < MIN_PARTS || parts.size() < MAX_PARTS
                    && !Set.copyOf(SERVED_BY.gatewaysOf("UploadPart")).containsAll(Set.of("a", "b"))) {
                int number = parts.size() + 1;
                byte[] part = new PatternStream(PART_SIZE + number, 31L * number).readAllBytes();
                parts.add(part);
                String etag = viaBalancer.uploadPart(b -> b.bucket(bucket).key(key).uploadId(uploadId)
                        .partNumber(number), RequestBody.fromBytes(part)).eTag();
                completed.add(CompletedPart.builder().partNumber(number).eTag(etag).build());
            }
            List<String> partGateways = SERVED_BY.gatewaysOf("UploadPart");
            assertEquals(Set.of("a", "b"), new HashSet<>(partGateways),
                    "round robin should spread the parts: " + partGateways + "\nHAProxy:\n" + haproxy.log());
            // Each gateway logged exactly the parts its answers said it served.
            for (int number = 1; number <= parts.size(); number++) {
                AccessRecords log = partGateways.get(number - 1).equals("a") ? logA : logB;
                String query = "partNumber=" + number + "&";
                log.await(record -> "UploadPart".equals(record.s3Operation()) && record.status() == 200
                        && (record.rawQuery() + "&").contains(query), "UploadPart " + number);
            }
        }

        // Either gateway sees every part, wherever it was uploaded.
        ListPartsResponse listed = (completer == directA ? directB : directA)
                .listParts(b -> b.bucket(bucket).key(key).uploadId(uploadId));
        assertEquals(completed.stream().map(CompletedPart::eTag).toList(), listed.parts().stream().map(Part::eTag)
                .toList());

        CompleteMultipartUploadResponse done = completer.completeMultipartUpload(b -> b.bucket(bucket).key(key)
                .uploadId(uploadId).multipartUpload(m -> m.parts(completed)));
        assertEquals(List.of(completingGateway), SERVED_BY.gatewaysOf("CompleteMultipartUpload"));
        assertEquals(multipartEtag(parts), done.eTag());

        byte[] whole = concatenate(parts);
        for (S3Client reader : List.of(directA, directB, viaBalancer)) {
            var read = reader.getObjectAsBytes(b -> b.bucket(bucket).key(key));
            assertArrayEquals(whole, read.asByteArray());
            assertEquals(done.eTag(), read.response().eTag());
        }

        // What Swift stored: one SLO over exactly the four parts, no marker or claim left behind.
        SwiftReply manifest = gatewayA.swift().objects().head(bucket, key, SwiftHeaders.empty());
        assertEquals("True", manifest.header("X-Static-Large-Object"));
        assertEquals(whole.length, manifest.contentLength());
        List<String> segments = S3TestGateway.objectNames(gatewayA.swift(), bucket + "_segments");
        assertEquals(parts.size(), segments.size(), segments.toString());
        assertTrue(segments.stream().allMatch(name -> name.startsWith("parts/" + uploadId + "/")), segments.toString());
    }

    @Test
    void theDocumentedConfigurationIsValidAsWritten() throws Exception {
        String written = DocumentedHaproxyConfig.read().asWritten();
        assertTrue(written.contains(DOCUMENTED_CERTIFICATE), written);
        Path directory = Files.createTempDirectory(Path.of("target"), "haproxy-as-written-");
        Path config = directory.resolve("haproxy.cfg");
        Files.writeString(config, written.replace(DOCUMENTED_CERTIFICATE, selfSignedPem(directory).toString()));
        String output = Haproxy.check(config);
        assertTrue(output.contains("Configuration file is valid"), output);
    }

    /**
     * HAProxy passes Host on as the client sent it, so a virtual-host request (signed for {@code <bucket>.s3.test},
     * sent to HAProxy's address: no name needs to resolve) finds its bucket and its signature on either gateway.
     */
    @Test
    void aVirtualHostRequestThroughTheBalancerFindsItsBucketOnEitherGateway() throws Exception {
        String bucket = bucket();
        directA.createBucket(b -> b.bucket(bucket));
        directA.putObject(b -> b.bucket(bucket).key("dir/doc.txt"), RequestBody.fromString("found by host name"));
        URI virtualHost = URI.create("http://" + bucket + "." + DOMAIN + ":" + haproxy.port());
        Set<String> gateways = new HashSet<>();
        // Round robin: one through each gateway (a few more if a loaded machine made a health check time out)
        for (int request = 0; request < 6 && !gateways.containsAll(Set.of("a", "b")); request++) {
            SignedRequest signed = RawS3.sign(RawS3.get(virtualHost, "/dir/doc.txt"), null, Clock.systemUTC(),
                    options -> { });
            RawResponse read = RawS3.send(haproxy.port(), signed.request(), new byte[0], -1, false);
            assertEquals(200, read.status(), read.toString());
            assertEquals("found by host name", read.body());
            gateways.add(SERVED_BY.gatewayOf(read.header("x-amz-request-id")));
        }
        assertEquals(Set.of("a", "b"), gateways);
    }

    @Test
    void aBucketCreatedThroughOneGatewayIsUsableThroughTheOther() throws Exception {
        String bucket = bucket();
        directA.createBucket(b -> b.bucket(bucket));
        assertEquals("AUTH_test", gatewayA.registry().containers().head(bucket).header(RegistryLayout.OWNER_HEADER),
                "the bucket's record in the shared registry");

        directB.putObject(b -> b.bucket(bucket).key("from-b.txt"), RequestBody.fromString("written through b"));
        assertEquals("written through b", directA.getObjectAsBytes(b -> b.bucket(bucket).key("from-b.txt"))
                .asUtf8String());
        assertEquals(List.of("from-b.txt"), directB.listObjectsV2(b -> b.bucket(bucket)).contents().stream()
                .map(S3Object::key).toList());

        // One registry for both: the name is taken on b too, for its owner and for everyone else.
        S3Exception again = assertThrows(S3Exception.class, () -> directB.createBucket(b -> b.bucket(bucket)));
        assertEquals("BucketAlreadyOwnedByYou", again.awsErrorDetails().errorCode());
        S3Exception other = assertThrows(S3Exception.class, () -> gatewayB.s3(S3TestGateway.TESTER2,
                S3TestGateway.TESTER2_KEY).createBucket(b -> b.bucket(bucket)));
        assertEquals("BucketAlreadyExists", other.awsErrorDetails().errorCode());

        directB.deleteObject(b -> b.bucket(bucket).key("from-b.txt"));
        directB.deleteBucket(b -> b.bucket(bucket));
        assertThrows(NoSuchBucketException.class, () -> directA.headBucket(b -> b.bucket(bucket)));
        assertEquals(404, statusOf(() -> gatewayA.swift().containers().head(bucket)));
        assertEquals(404, statusOf(() -> gatewayA.registry().containers().head(bucket)), "the registry record");
    }

    /** A throw-away certificate and key in one PEM file, as HAProxy's {@code crt} takes them (openssl). */
    private static Path selfSignedPem(Path directory) throws Exception {
        Path key = directory.resolve("key.pem");
        Path certificate = directory.resolve("certificate.pem");
        Process openssl = new ProcessBuilder("openssl", "req", "-x509", "-newkey", "rsa:2048", "-nodes",
                "-subj", "/CN=s3.example.com", "-days", "1", "-keyout", key.toString(), "-out", certificate.toString())
                .redirectErrorStream(true)
                .start();
        String output = new String(openssl.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertTrue(openssl.waitFor(60, TimeUnit.SECONDS) && openssl.exitValue() == 0, output);
        Path pem = directory.resolve("s3.example.com.pem");
        Files.write(pem, (Files.readString(certificate) + Files.readString(key)).getBytes(StandardCharsets.UTF_8));
        return pem;
    }

    private String bucket() {
        String bucket = S3TestGateway.uniqueBucket();
        buckets.add(bucket);
        return bucket;
    }

    /**
     * The test configuration with the gateway's own request id suffix, virtual-host buckets under DOMAIN and
     * small parts.
     */
    private static Properties configuration(String suffix) {
        Properties configuration = S3TestGateway.configuration();
        configuration.setProperty("filter.catch_errors.trans_id_suffix", suffix);
        configuration.setProperty("storage_domain", DOMAIN);
        configuration.setProperty("filter.s3multi.min_part_size", Integer.toString(PART_SIZE));
        return configuration;
    }

    /** An SDK client (defaults) for test:tester at {@code endpoint}, reporting to {@link #SERVED_BY}. */
    private static S3Client client(S3TestGateway gateway, URI endpoint) {
        return gateway.s3(S3TestGateway.TESTER, S3TestGateway.TESTER_KEY, builder -> builder
                .endpointOverride(endpoint)
                .overrideConfiguration(c -> c.addExecutionInterceptor(SERVED_BY)));
    }

    /**
     * Waits until HAProxy listens and has sent a health check of a client to each gateway: its own checks start
     * with the servers up, so round robin alternates from the first request.
     */
    private static void awaitBothGatewaysThroughTheBalancer() throws Exception {
        HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();
        HttpRequest healthcheck = HttpRequest.newBuilder(haproxy.endpoint().resolve("/healthcheck"))
                .timeout(Duration.ofSeconds(5)).build();
        Set<String> answered = new HashSet<>();
        long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
        while (!answered.containsAll(Set.of("a", "b"))) {
            if (System.nanoTime() > deadline || !haproxy.isAlive()) {
                throw new AssertionError("HAProxy did not reach both gateways; its output:\n" + haproxy.log());
            }
            try {
                HttpResponse<String> answer = http.send(healthcheck, HttpResponse.BodyHandlers.ofString());
                if (answer.statusCode() == 200) {
                    answered.add(SERVED_BY.gatewayOf(answer.headers().firstValue("X-Trans-Id").orElse("")));
                }
            } catch (ConnectException notListeningYet) {
                Thread.sleep(100);  // HAProxy is still starting: a process outside this JVM, nothing to wait on
            }
        }
    }

    private static String multipartEtag(List<byte[]> parts) throws Exception {
        MessageDigest ofDigests = MessageDigest.getInstance("MD5");
        for (byte[] part : parts) {
            ofDigests.update(MessageDigest.getInstance("MD5").digest(part));
        }
        return "\"" + HexFormat.of().formatHex(ofDigests.digest()) + "-" + parts.size() + "\"";
    }

    private static byte[] concatenate(List<byte[]> parts) {
        int length = 0;
        for (byte[] part : parts) {
            length += part.length;
        }
        byte[] whole = new byte[length];
        int at = 0;
        for (byte[] part : parts) {
            System.arraycopy(part, 0, whole, at, part.length);
            at += part.length;
        }
        return whole;
    }

    private interface SwiftHead {
        SwiftReply run() throws Exception;
    }

    private static int statusOf(SwiftHead head) throws Exception {
        try {
            return head.run().status();
        } catch (SwiftHttpStatusException e) {
            return e.status();
        }
    }
}
