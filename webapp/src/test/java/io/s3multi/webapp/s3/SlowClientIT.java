package io.s3multi.webapp.s3;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.s3multi.swift.SwiftHeaders;
import io.s3multi.swift.error.SwiftHttpStatusException;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Clock;
import java.time.Duration;
import java.util.Properties;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.http.SdkHttpMethod;
import software.amazon.awssdk.http.SdkHttpRequest;
import software.amazon.awssdk.http.auth.spi.signer.SignedRequest;

/**
 * Clients that trickle their upload, never silent long enough for an idle timeout, are cut off by the embedded
 * server's minimum upload rate, on the S3 path ({@code 400 RequestTimeout} as S3 XML) and on the native Swift API
 * ({@code 408}), and Swift stores nothing. Without the rate, each would hold a request thread for the whole trickle.
 */
class SlowClientIT {

    private static final int BODY_BYTES = 1000;
    /** One byte per 300 ms: 3 bytes/s, far below the 1000 bytes/s asked for, but never silent for the idle 5 s. */
    private static final Duration TRICKLE = Duration.ofMillis(300);
    /** A period of 1 s of waiting plus a margin for a loaded machine; the whole trickle would take 300 s. */
    private static final Duration BOUND = Duration.ofSeconds(10);

    private static S3TestGateway gateway;
    private String bucket;

    @BeforeAll
    static void start() throws Exception {
        Properties configuration = S3TestGateway.configuration();
        configuration.setProperty("server.idle_timeout", "5");
        configuration.setProperty("server.min_upload_rate", "1000");
        configuration.setProperty("server.upload_rate_period", "1");
        gateway = S3TestGateway.start(configuration);
    }

    @AfterAll
    static void stop() throws Exception {
        if (gateway != null) {
            gateway.close();
        }
    }

    @AfterEach
    void cleanUp() {
        if (bucket != null) {
            gateway.deleteBucketDirectly(bucket);
        }
    }

    @Test
    void aTricklingS3UploadIsRequestTimeoutAndStoresNothing() throws Exception {
        bucket = S3TestGateway.uniqueBucket();
        gateway.s3().createBucket(b -> b.bucket(bucket));
        SdkHttpRequest put = RawS3.put(gateway.endpoint(), "/" + bucket + "/slow", BODY_BYTES);

        assertRequestTimeout(trickle(signedHead(put)));
        assertStoredNothing("slow");
    }

    @Test
    void aTricklingUploadPartIsRequestTimeoutAndStoresNoSegment() throws Exception {
        bucket = S3TestGateway.uniqueBucket();
        gateway.s3().createBucket(b -> b.bucket(bucket));
        String uploadId = gateway.s3().createMultipartUpload(b -> b.bucket(bucket).key("parts")).uploadId();
        SdkHttpRequest part = RawS3.put(gateway.endpoint(), "/" + bucket + "/parts", BODY_BYTES).toBuilder()
                .putRawQueryParameter("partNumber", "1").putRawQueryParameter("uploadId", uploadId).build();

        assertRequestTimeout(trickle(signedHead(part)));
        assertTrue(gateway.s3().listParts(b -> b.bucket(bucket).key("parts").uploadId(uploadId)).parts().isEmpty());
        gateway.s3().abortMultipartUpload(b -> b.bucket(bucket).key("parts").uploadId(uploadId));
    }

    private static byte[] signedHead(SdkHttpRequest put) {
        SignedRequest signed = RawS3.sign(put, new byte[BODY_BYTES], Clock.systemUTC(), o -> { });
        return RawS3.head(signed.request(), BODY_BYTES);
    }

    private static void assertRequestTimeout(RawResponse answer) {
        assertEquals(400, answer.status(), answer.toString());
        assertEquals("RequestTimeout", answer.errorCode(), answer.toString());
    }

    @Test
    void aTricklingNativeUploadIs408AndStoresNothing() throws Exception {
        bucket = S3TestGateway.uniqueBucket();
        gateway.s3().createBucket(b -> b.bucket(bucket));
        HttpResponse<Void> auth = HttpClient.newHttpClient().send(HttpRequest.newBuilder(gateway.uri("/auth/v1.0"))
                .header("X-Auth-User", S3TestGateway.TESTER).header("X-Auth-Key", S3TestGateway.TESTER_KEY).build(),
                HttpResponse.BodyHandlers.discarding());
        String token = auth.headers().firstValue("X-Auth-Token").orElseThrow();
        SdkHttpRequest put = SdkHttpRequest.builder().method(SdkHttpMethod.PUT).uri(gateway.endpoint())
                .encodedPath("/v1/AUTH_test/" + bucket + "/slow").putHeader("X-Auth-Token", token).build();

        RawResponse answer = trickle(RawS3.head(put, BODY_BYTES));

        assertEquals(408, answer.status(), answer.toString());
        assertStoredNothing("slow");
    }

    /** Sends {@code head}, then the body a byte at a time until the gateway answers; the answer, timed. */
    private static RawResponse trickle(byte[] head) throws IOException, InterruptedException {
        long start = System.nanoTime();
        try (Socket socket = new Socket("127.0.0.1", gateway.port())) {
            socket.setSoTimeout((int) BOUND.toMillis() * 3);
            OutputStream out = socket.getOutputStream();
            InputStream in = socket.getInputStream();
            out.write(head);
            out.flush();
            try {
                for (int sent = 0; sent < BODY_BYTES && in.available() == 0; sent++) {
                    out.write('x');
                    out.flush();
                    Thread.sleep(TRICKLE.toMillis());   // the slow client itself, not synchronisation
                }
            } catch (IOException closedByTheGateway) {
                // it answered and closed: read what it said
            }
            RawResponse answer = RawS3.read(in);
            Duration took = Duration.ofNanos(System.nanoTime() - start);
            System.out.printf("slow client: answered %d after %d ms%n", answer.status(), took.toMillis());
            assertTrue(took.compareTo(BOUND) <= 0, "took " + took + " (bound " + BOUND + ")");
            return answer;
        }
    }

    private void assertStoredNothing(String key) {
        SwiftHttpStatusException absent = assertThrows(SwiftHttpStatusException.class,
                () -> gateway.swift().objects().head(bucket, key, SwiftHeaders.empty()));
        assertEquals(404, absent.status());
    }
}
