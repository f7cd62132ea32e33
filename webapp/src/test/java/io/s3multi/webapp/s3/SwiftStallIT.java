package io.s3multi.webapp.s3;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.s3multi.swift.SwiftHeaders;
import io.s3multi.swift.error.SwiftHttpStatusException;
import io.s3multi.webapp.s3.keystone.TcpRelay;
import java.net.URI;
import java.time.Duration;
import java.util.Properties;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.core.retry.RetryMode;
import software.amazon.awssdk.core.sync.RequestBody;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.model.S3Exception;

/**
 * A Swift that stops answering under a running gateway: the S3 stages reach the real dev Swift through a
 * {@link TcpRelay} that the test stalls (connections already pooled stop passing bytes, new ones are accepted and
 * never answered). Each S3 request then fails within {@code swift.idle_timeout}, not Swift client's default 60 s,
 * with {@code 503 ServiceUnavailable} as S3 XML, and an upload that stalled stored nothing.
 */
class SwiftStallIT {

    private static final Duration IDLE_TIMEOUT = Duration.ofSeconds(2);
    /** The timeout plus the SDK's and the relay's own time on a busy shared machine; far below the old 60 s. */
    private static final Duration BOUND = IDLE_TIMEOUT.plusSeconds(4);

    private static TcpRelay relay;
    private static S3TestGateway gateway;
    private static S3Client client;
    private String bucket;

    @BeforeAll
    static void start() throws Exception {
        URI swift = URI.create(S3TestGateway.SWIFT_URL);
        relay = new TcpRelay(swift.getHost(), swift.getPort());
        String relayed = "http://127.0.0.1:" + relay.port();
        Properties configuration = S3TestGateway.configuration();
        for (String stage : new String[] {"tempauth", "s3multi", "s3api"}) {
            configuration.setProperty("filter." + stage + ".swift_url", relayed);
        }
        configuration.setProperty("swift.connect_timeout", "1");
        configuration.setProperty("swift.idle_timeout", Long.toString(IDLE_TIMEOUT.toSeconds()));
        gateway = S3TestGateway.start(configuration);
        client = gateway.s3(S3TestGateway.TESTER, S3TestGateway.TESTER_KEY, builder -> builder.overrideConfiguration(
                o -> o.retryStrategy(RetryMode.STANDARD).retryStrategy(b -> b.maxAttempts(1))));
    }

    @AfterAll
    static void stop() throws Exception {
        if (gateway != null) {
            gateway.close();
        }
        if (relay != null) {
            relay.close();
        }
    }

    @AfterEach
    void cleanUp() {
        relay.mode(TcpRelay.Mode.FORWARD);
        if (bucket != null) {
            gateway.deleteBucketDirectly(bucket);
        }
    }

    @Test
    void aStalledSwiftFailsReadsAndWritesWithinTheConfiguredIdleTimeout() {
        bucket = S3TestGateway.uniqueBucket();
        client.createBucket(b -> b.bucket(bucket));
        client.putObject(b -> b.bucket(bucket).key("there"), RequestBody.fromString("stored before the stall"));

        relay.mode(TcpRelay.Mode.STALLED);
        assertServiceUnavailableWithinBound("GetObject",
                () -> client.getObjectAsBytes(b -> b.bucket(bucket).key("there")));
        assertServiceUnavailableWithinBound("PutObject",
                () -> client.putObject(b -> b.bucket(bucket).key("stalled"), RequestBody.fromBytes(new byte[100_000])));
        assertServiceUnavailableWithinBound("ListObjectsV2", () -> client.listObjectsV2(b -> b.bucket(bucket)));

        relay.mode(TcpRelay.Mode.FORWARD);
        SwiftHttpStatusException absent = assertThrows(SwiftHttpStatusException.class,
                () -> gateway.swift().objects().head(bucket, "stalled", SwiftHeaders.empty()));
        assertEquals(404, absent.status(), "the stalled upload stored nothing");
    }

    private static void assertServiceUnavailableWithinBound(String operation, Runnable request) {
        long start = System.nanoTime();
        S3Exception error = assertThrows(S3Exception.class, request::run, operation + " succeeded through a stall");
        Duration took = Duration.ofNanos(System.nanoTime() - start);
        System.out.printf("swift stall: %s answered %d %s after %d ms (swift.idle_timeout %d ms)%n", operation,
                error.statusCode(), error.awsErrorDetails().errorCode(), took.toMillis(), IDLE_TIMEOUT.toMillis());
        assertEquals(503, error.statusCode(), error.toString());
        assertEquals("ServiceUnavailable", error.awsErrorDetails().errorCode(), error.toString());
        assertTrue(took.compareTo(BOUND) <= 0, operation + " took " + took + " (bound " + BOUND + ")");
    }
}
