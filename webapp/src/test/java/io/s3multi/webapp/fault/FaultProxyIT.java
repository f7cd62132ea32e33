package io.s3multi.webapp.fault;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.s3multi.webapp.s3.PatternStream;
import io.s3multi.webapp.s3.S3TestGateway;
import java.io.IOException;
import java.net.ConnectException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.core.sync.RequestBody;

/** The fault proxy itself, against the dev Swift: it forwards faithfully and each fault does what it says. */
class FaultProxyIT {

    private static final Duration WAIT = Duration.ofSeconds(20);

    private final HttpClient http = HttpClient.newBuilder()
            .version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(5))
            .build();
    private FaultProxy proxy;

    @BeforeEach
    void startProxy() throws IOException {
        proxy = FaultProxy.start(S3TestGateway.SWIFT_URL);
    }

    @AfterEach
    void closeProxy() throws IOException {
        proxy.close();
    }

    @Test
    void aGatewayBehindTheProxyStoresAndReadsStreamedObjects() throws Exception {
        String bucket = S3TestGateway.uniqueBucket();
        try (var gateway = S3TestGateway.start(proxy.gatewayConfiguration())) {
            try {
                gateway.s3().createBucket(b -> b.bucket(bucket));
                long size = 3L * 1024 * 1024;  // big enough for Expect: 100-continue towards Swift
                gateway.s3().putObject(b -> b.bucket(bucket).key("k"),
                        RequestBody.fromInputStream(new PatternStream(size), size));
                byte[] read = gateway.s3().getObjectAsBytes(b -> b.bucket(bucket).key("k")).asByteArray();
                assertArrayEquals(new PatternStream(size).readAllBytes(), read);
                assertTrue(proxy.log().stream().anyMatch(line -> line.startsWith("PUT /v1/AUTH_test/" + bucket + "/k ")),
                        proxy.log()::toString);
            } finally {
                gateway.deleteBucketDirectly(bucket);
            }
        }
    }

    @Test
    void holdsAPartsSegmentPutWithItsBodyUntilReleased() throws Exception {
        String bucket = S3TestGateway.uniqueBucket();
        try (var gateway = S3TestGateway.start(proxy.gatewayConfiguration())) {
            try {
                gateway.s3().createBucket(b -> b.bucket(bucket));
                String uploadId = gateway.s3().createMultipartUpload(b -> b.bucket(bucket).key("k")).uploadId();
                Hold hold = proxy.when(request -> request.method().equals("PUT") && request.isSegment())
                        .times(1).then(Fault.hold());
                long size = 2L * 1024 * 1024;
                CompletableFuture<String> part = CompletableFuture.supplyAsync(() -> gateway.s3().uploadPart(
                        b -> b.bucket(bucket).key("k").uploadId(uploadId).partNumber(1),
                        RequestBody.fromInputStream(new PatternStream(size), size)).eTag());
                assertTrue(hold.awaitHeld(WAIT));
                assertFalse(part.isDone());
                hold.release();
                assertFalse(part.get(WAIT.toSeconds(), TimeUnit.SECONDS).isEmpty());
                assertEquals(201, hold.awaitSwiftStatus(WAIT));
            } finally {
                gateway.deleteBucketDirectly(bucket);
            }
        }
    }

    @Test
    void answersTheStatusItWasToldThenForwardsAgain() throws Exception {
        proxy.when(request -> request.path().equals("/info")).times(1).then(Fault.answer(503));
        assertEquals(503, get("/info").statusCode());
        assertEquals(200, get("/info").statusCode());
    }

    @Test
    void holdsARequestUntilReleased() throws Exception {
        Hold hold = proxy.when(request -> request.path().equals("/info")).then(Fault.hold());
        CompletableFuture<HttpResponse<String>> response = http.sendAsync(request("/info"),
                HttpResponse.BodyHandlers.ofString());
        assertTrue(hold.awaitHeld(WAIT));
        assertFalse(response.isDone());
        hold.release();
        assertEquals(200, response.get(WAIT.toSeconds(), TimeUnit.SECONDS).statusCode());
        assertEquals(200, hold.awaitSwiftStatus(WAIT));
    }

    @Test
    void aTruncatedBodyEndsEarlyAndTheClientNoticesIt() {
        proxy.when(request -> request.path().equals("/info")).then(Fault.truncateResponseBody(100));
        assertThrows(IOException.class, () -> get("/info"));
    }

    @Test
    void aResetInTheResponseBodyFailsTheClient() {
        proxy.when(request -> request.path().equals("/info")).then(Fault.resetInResponseBody(100));
        assertThrows(IOException.class, () -> get("/info"));
    }

    @Test
    void downRefusesConnectionsUntilUp() throws Exception {
        proxy.down();
        assertThrows(ConnectException.class, () -> get("/info"));
        proxy.up();
        assertEquals(200, get("/info").statusCode());
    }

    private HttpResponse<String> get(String path) throws IOException, InterruptedException {
        return http.send(request(path), HttpResponse.BodyHandlers.ofString());
    }

    private HttpRequest request(String path) {
        return HttpRequest.newBuilder(URI.create(proxy.url() + path)).timeout(WAIT).build();
    }
}
