package io.s3multi.webapp;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.s3multi.swift.SwiftAccount;
import io.s3multi.swift.SwiftBackend;
import io.s3multi.swift.SwiftClientConfig;
import io.s3multi.swift.SwiftHeaders;
import io.s3multi.swift.http.SwiftResponse;
import io.s3multi.webapp.s3.PatternStream;
import io.s3multi.webapp.s3.PostForms;
import io.s3multi.webapp.s3.S3TestGateway;
import java.io.ByteArrayInputStream;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.SequenceInputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.DigestInputStream;
import java.security.MessageDigest;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import org.junit.jupiter.api.Test;

/**
 * A 200 MiB browser form upload (PostObject) through the launcher jar with a 64 MiB heap: the form is read as a
 * stream and its file streamed to Swift, so Swift stores the exact bytes and the gateway runs out of no memory;
 * then the same form with a file one byte over its {@code content-length-range} is refused with
 * {@code EntityTooLarge} after most of it streamed, and Swift stores nothing of it.
 */
class PostObjectStreamingIT {

    private static final long SIZE = 200L * 1024 * 1024;

    @Test
    void aTwoHundredMebibyteFormStreamsThroughASmallHeap() throws Exception {
        String bucket = S3TestGateway.uniqueBucket();
        Path conf = Files.createTempFile(Path.of("target"), "post-streaming-", ".properties");
        Properties properties = S3TestGateway.configuration();
        try (OutputStream out = Files.newOutputStream(conf)) {
            properties.store(out, "PostObject streaming test");
        }
        try (SwiftBackend backend = SwiftBackend.start(SwiftClientConfig.defaults(URI.create(S3TestGateway.SWIFT_URL)));
             GatewayProcess gateway = GatewayProcess.start(conf, "64m")) {
            SwiftAccount swift = backend.tempAuthAccount(S3TestGateway.TESTER, S3TestGateway.TESTER_KEY);
            swift.containers().create(bucket, SwiftHeaders.empty());
            try {
                HttpResponse<String> stored = post(gateway, bucket, "big", SIZE, SIZE);
                assertEquals(204, stored.statusCode(), stored.body());
                assertEquals(SIZE, swift.objects().head(bucket, "big", SwiftHeaders.empty()).contentLength());
                try (SwiftResponse got = swift.objects().get(bucket, "big", SwiftHeaders.empty())) {
                    assertEquals(sha256(new PatternStream(SIZE)), sha256(got.body()));
                }

                HttpResponse<String> tooLarge = post(gateway, bucket, "too-large", SIZE + 1, SIZE);
                assertEquals(400, tooLarge.statusCode(), tooLarge.body());
                assertTrue(tooLarge.body().contains("<Code>EntityTooLarge</Code>"), tooLarge.body());
                assertEquals(List.of("big"), S3TestGateway.objectNames(swift, bucket));
                assertEquals(List.of(), S3TestGateway.objectNames(swift, bucket + "_segments"));

                assertTrue(gateway.isAlive(), "the gateway died");
                assertFalse(gateway.output().contains("OutOfMemoryError"), gateway.output());
            } finally {
                S3TestGateway.deleteContainer(swift, bucket);
            }
        }
    }

    private static HttpResponse<String> post(GatewayProcess gateway, String bucket, String key, long size,
            long maxSize) throws Exception {
        Map<String, String> fields = new LinkedHashMap<>();
        fields.put("key", key);
        String policy = PostForms.policy(Instant.now().plus(1, ChronoUnit.HOURS), bucket,
                "{\"key\": \"" + key + "\"}", "[\"content-length-range\", 1, " + maxSize + "]");
        PostForms.signV4(fields, policy, S3TestGateway.TESTER, S3TestGateway.TESTER_KEY);
        byte[] head = PostForms.head(PostForms.BOUNDARY, fields, key + ".bin");
        byte[] tail = PostForms.tail(PostForms.BOUNDARY);
        InputStream body = new SequenceInputStream(new ByteArrayInputStream(head),
                new SequenceInputStream(new PatternStream(size), new ByteArrayInputStream(tail)));
        HttpRequest request = HttpRequest.newBuilder(gateway.uri("/" + bucket))
                .timeout(Duration.ofMinutes(3))
                .header("Content-Type", "multipart/form-data; boundary=" + PostForms.BOUNDARY)
                .POST(HttpRequest.BodyPublishers.fromPublisher(HttpRequest.BodyPublishers.ofInputStream(() -> body),
                        head.length + size + tail.length))
                .build();
        try {
            return HttpClient.newHttpClient().send(request, HttpResponse.BodyHandlers.ofString());
        } catch (java.io.IOException refusedMidBody) {
            // The gateway may answer the refusal and close before the client finished sending.
            throw new AssertionError("no answer to the POST of " + key, refusedMidBody);
        }
    }

    private static String sha256(InputStream in) throws Exception {
        MessageDigest digest = MessageDigest.getInstance("SHA-256");
        try (InputStream digesting = new DigestInputStream(in, digest)) {
            digesting.transferTo(OutputStream.nullOutputStream());
        }
        return HexFormat.of().formatHex(digest.digest());
    }
}
