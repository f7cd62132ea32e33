package io.s3multi.webapp;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.s3multi.swift.SwiftAccount;
import io.s3multi.swift.SwiftBackend;
import io.s3multi.swift.SwiftClientConfig;
import io.s3multi.swift.SwiftHeaders;
import io.s3multi.swift.error.SwiftException;
import io.s3multi.swift.error.SwiftHttpStatusException;
import io.s3multi.webapp.fault.Fault;
import io.s3multi.webapp.fault.FaultProxy;
import io.s3multi.webapp.fault.Hold;
import io.s3multi.webapp.s3.PatternStream;
import io.s3multi.webapp.s3.S3TestGateway;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Properties;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.core.sync.RequestBody;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.model.CompletedPart;

/**
 * A gateway process killed (SIGKILL) in the middle of two CompleteMultipartUploads, held at a fault proxy
 * in front of the dev Swift: one before its manifest reached Swift, one after the manifest was written but
 * before the clean-up. A new gateway process then serves the clients' retries: both complete, the objects
 * are whole, and nothing of the uploads is left in {@code <bucket>_segments} but the segments the manifests name.
 */
class GatewayKilledMidCompleteIT {

    private static final int PART = 1024 * 1024;
    private static final int CLAIM_TIMEOUT_SECONDS = 6;
    private static final Duration WAIT = Duration.ofSeconds(60);

    private FaultProxy proxy;
    private SwiftBackend swiftBackend;
    private final List<AutoCloseable> closeables = new ArrayList<>();
    private final String bucket = S3TestGateway.uniqueBucket();

    @BeforeEach
    void start() throws IOException {
        proxy = FaultProxy.start(S3TestGateway.SWIFT_URL);
        swiftBackend = SwiftBackend.start(SwiftClientConfig.defaults(URI.create(S3TestGateway.SWIFT_URL)));
    }

    @AfterEach
    void stop() throws Exception {
        for (AutoCloseable closeable : closeables) {
            closeable.close();
        }
        SwiftAccount swift = swift();
        S3TestGateway.deleteBucketEverywhere(swiftBackend, swift, bucket);
        swiftBackend.close();
        proxy.close();
    }

    @Test
    void completesInterruptedByACrashCompleteOnTheRetryAtARestartedGateway() throws Exception {
        Path conf = configuration();
        GatewayProcess first = started(GatewayProcess.start(conf, "256m"));
        S3Client firstClient = client(first);
        firstClient.createBucket(b -> b.bucket(bucket));
        Upload beforeManifest = Upload.start(firstClient, bucket, "before-manifest");
        Upload afterManifest = Upload.start(firstClient, bucket, "after-manifest");

        Hold manifestHeld = proxy.when(request -> request.method().equals("PUT")
                && request.path().endsWith("/" + bucket + "/" + beforeManifest.key)
                && request.hasParameter("multipart-manifest")).then(Fault.hold());
        Hold cleanUpHeld = proxy.when(request -> request.method().equals("DELETE")
                && request.path().contains("/" + bucket + "_segments/uploads/" + afterManifest.key))
                .then(Fault.hold());
        CompletableFuture<Void> firstCompletes = CompletableFuture.allOf(
                CompletableFuture.runAsync(() -> beforeManifest.complete(firstClient)),
                CompletableFuture.runAsync(() -> afterManifest.complete(firstClient)));
        assertTrue(manifestHeld.awaitHeld(WAIT), "the first Complete reached its manifest PUT");
        assertTrue(cleanUpHeld.awaitHeld(WAIT), "the second Complete wrote its manifest");
        first.kill();
        ExecutionException lost = assertThrows(ExecutionException.class,
                () -> firstCompletes.get(WAIT.toSeconds(), TimeUnit.SECONDS));
        System.out.println("FAULT killed: the clients saw " + lost.getCause());
        proxy.clearRules();  // the held requests stay held: they died with the gateway

        System.out.println("FAULT killed: left in Swift " + segmentNames());
        assertFalse(swiftHolds(bucket, beforeManifest.key), "no manifest before it was sent");
        assertArrayEquals(afterManifest.bytes(), swiftBytes(afterManifest.key), "the written manifest is whole");

        GatewayProcess second = started(GatewayProcess.start(conf, "256m"));
        S3Client secondClient = client(second);
        long start = System.nanoTime();
        beforeManifest.complete(secondClient);
        long firstRetry = System.nanoTime();
        afterManifest.complete(secondClient);
        System.out.printf("FAULT killed: retries took %d ms and %d ms (claim_timeout %d s)%n",
                (firstRetry - start) / 1_000_000, (System.nanoTime() - firstRetry) / 1_000_000, CLAIM_TIMEOUT_SECONDS);

        for (Upload upload : List.of(beforeManifest, afterManifest)) {
            assertArrayEquals(upload.bytes(),
                    secondClient.getObjectAsBytes(b -> b.bucket(bucket).key(upload.key)).asByteArray());
        }
        List<String> left = segmentNames();
        System.out.println("FAULT killed: after the retries " + left);
        assertEquals(4, left.size(), left::toString);
        assertTrue(left.stream().allMatch(name -> name.startsWith("parts/")), left::toString);
    }

    /** A multipart upload of two 1 MiB parts, uploaded, not completed. */
    private record Upload(String bucket, String key, String id, List<CompletedPart> parts) {

        static Upload start(S3Client s3, String bucket, String key) {
            String id = s3.createMultipartUpload(b -> b.bucket(bucket).key(key)).uploadId();
            List<CompletedPart> parts = new ArrayList<>();
            for (int number = 1; number <= 2; number++) {
                int partNumber = number;
                String etag = s3.uploadPart(b -> b.bucket(bucket).key(key).uploadId(id).partNumber(partNumber),
                        RequestBody.fromContentProvider(() -> new PatternStream(PART, seed(key, partNumber)), PART,
                                "application/octet-stream")).eTag();
                parts.add(CompletedPart.builder().partNumber(number).eTag(etag).build());
            }
            return new Upload(bucket, key, id, parts);
        }

        void complete(S3Client s3) {
            s3.completeMultipartUpload(b -> b.bucket(bucket).key(key).uploadId(id)
                    .multipartUpload(u -> u.parts(parts)));
        }

        byte[] bytes() throws IOException {
            var all = new ByteArrayOutputStream();
            for (int number = 1; number <= 2; number++) {
                new PatternStream(PART, seed(key, number)).transferTo(all);
            }
            return all.toByteArray();
        }

        private static long seed(String key, int number) {
            return key.hashCode() * 31L + number;
        }
    }

    private Path configuration() throws IOException {
        Properties properties = proxy.gatewayConfiguration();
        properties.remove("server.port");
        properties.setProperty("filter.s3multi.min_part_size", Integer.toString(PART));
        properties.setProperty("filter.s3multi.claim_timeout", Integer.toString(CLAIM_TIMEOUT_SECONDS));
        Path conf = Files.createTempFile(Path.of("target"), "killed-mid-complete-", ".properties");
        try (OutputStream out = Files.newOutputStream(conf)) {
            properties.store(out, "GatewayKilledMidCompleteIT");
        }
        return conf;
    }

    private GatewayProcess started(GatewayProcess gateway) {
        closeables.add(gateway);
        return gateway;
    }

    private S3Client client(GatewayProcess gateway) {
        S3Client client = gateway.s3();
        closeables.add(0, client);
        return client;
    }

    private SwiftAccount swift() {
        return swiftBackend.tempAuthAccount(S3TestGateway.TESTER, S3TestGateway.TESTER_KEY);
    }

    private boolean swiftHolds(String container, String object) throws SwiftException {
        try {
            swift().objects().head(container, object, SwiftHeaders.empty());
            return true;
        } catch (SwiftHttpStatusException e) {
            if (e.status() == 404) {
                return false;
            }
            throw e;
        }
    }

    private byte[] swiftBytes(String key) throws Exception {
        try (var response = swift().objects().get(bucket, key, SwiftHeaders.empty())) {
            return response.body().readAllBytes();
        }
    }

    private List<String> segmentNames() throws SwiftException {
        return S3TestGateway.objectNames(swift(), bucket + "_segments");
    }
}
