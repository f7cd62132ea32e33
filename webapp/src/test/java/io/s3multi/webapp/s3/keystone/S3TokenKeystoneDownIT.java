package io.s3multi.webapp.s3.keystone;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.s3multi.webapp.s3.S3TestGateway;
import java.net.URI;
import java.time.Duration;
import java.util.Properties;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.core.retry.RetryMode;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.model.S3Exception;

/**
 * Keystone going away under a running gateway: the gateway reaches the real dev Keystone through a
 * {@link TcpRelay}, which the test stops (connections refused: Keystone stopped) or silences (connections accepted,
 * never answered: Keystone stuck). A user cached before keeps working; a user not cached gets
 * {@code 503 ServiceUnavailable} as S3 XML, fast.
 */
class S3TokenKeystoneDownIT {

    private static final int REQUEST_TIMEOUT_SECONDS = 1;

    private static TcpRelay relay;
    private static S3TestGateway gateway;

    @BeforeAll
    static void start() throws Exception {
        KeystoneAdmin.connect();
        URI keystone = URI.create(KeystoneAdmin.KEYSTONE_URL);
        relay = new TcpRelay(keystone.getHost(), keystone.getPort());
        Properties configuration = KeystoneGateway.configuration(
                "http://127.0.0.1:" + relay.port() + keystone.getPath(), 60);
        configuration.setProperty("filter.s3token.request_timeout", Integer.toString(REQUEST_TIMEOUT_SECONDS));
        gateway = S3TestGateway.start(configuration);
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

    @Test
    void cachedUsersContinueAndOthersGetServiceUnavailableFast() throws Exception {
        S3Client demo = noRetries(S3TokenIT.DEMO, S3TokenIT.DEMO_SECRET);
        S3Client demo2 = noRetries(S3TokenIT.DEMO2, S3TokenIT.DEMO2_SECRET);
        demo.listBuckets();   // demo is cached; demo2 never asked

        relay.mode(TcpRelay.Mode.SILENT);   // Keystone stuck: accepts, never answers
        assertCachedUserWorks(demo);
        assertServiceUnavailableWithin(demo2, Duration.ofSeconds(REQUEST_TIMEOUT_SECONDS).plusMillis(1500),
                "stuck");

        relay.close();                      // Keystone stopped: connections refused
        assertCachedUserWorks(demo);
        assertServiceUnavailableWithin(demo2, Duration.ofMillis(1500), "stopped");
    }

    private static void assertCachedUserWorks(S3Client demo) {
        long start = System.nanoTime();
        for (int i = 0; i < 20; i++) {
            demo.listBuckets();
        }
        System.out.printf("s3token: Keystone down, 20 requests of a cached user took %d ms%n",
                (System.nanoTime() - start) / 1_000_000);
    }

    private static void assertServiceUnavailableWithin(S3Client client, Duration bound, String how) {
        long start = System.nanoTime();
        S3Exception error;
        try {
            client.listBuckets();
            throw new AssertionError("an uncached user was let in while Keystone is " + how);
        } catch (S3Exception e) {
            error = e;
        }
        Duration took = Duration.ofNanos(System.nanoTime() - start);
        System.out.printf("s3token: Keystone %s, uncached user answered %s %d in %d ms%n", how,
                error.awsErrorDetails().errorCode(), error.statusCode(), took.toMillis());
        assertEquals(503, error.statusCode(), error.toString());
        assertEquals("ServiceUnavailable", error.awsErrorDetails().errorCode());
        assertTrue(took.compareTo(bound) <= 0, "took " + took + " (bound " + bound + ")");
    }

    private static S3Client noRetries(String accessKey, String secret) {
        return gateway.s3(accessKey, secret, builder -> builder.overrideConfiguration(
                o -> o.retryStrategy(RetryMode.STANDARD).retryStrategy(b -> b.maxAttempts(1))));
    }
}
