package io.s3multi.webapp.s3.keystone;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.s3multi.webapp.s3.S3TestGateway;
import java.net.URI;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Properties;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.core.retry.RetryMode;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.model.S3Exception;

/**
 * What unauthenticated traffic costs the real dev Keystone, counted by the gateway's s3token stage (every request
 * it sends, logins included), each test with a gateway of its own so the count starts cold: wrong signatures and
 * unknown keys are remembered for {@code negative_cache_ttl}, a right signature works at once after wrong ones,
 * concurrent requests of one key share one exchange, and beyond {@code max_keystone_requests} the answer is a fast
 * {@code 503 SlowDown}.
 */
class S3TokenKeystoneLoadIT {

    @BeforeAll
    static void keystoneIsThere() {
        KeystoneAdmin.connect();
    }

    private static S3Client noRetries(S3TestGateway gateway, String accessKey, String secret) {
        return gateway.s3(accessKey, secret, builder -> builder.overrideConfiguration(
                o -> o.retryStrategy(RetryMode.STANDARD).retryStrategy(b -> b.maxAttempts(1))));
    }

    private static String errorCodeOf(Runnable request) {
        return assertThrows(S3Exception.class, request::run).awsErrorDetails().errorCode();
    }

    @Test
    void wrongSignaturesOnARealKeyAreRememberedAndTheRightOneStillWorksAtOnce() throws Exception {
        try (S3TestGateway gateway = S3TestGateway.start(
                KeystoneGateway.configuration(KeystoneAdmin.KEYSTONE_URL, 60))) {
            for (int i = 0; i < 20; i++) {
                S3Client guessing = noRetries(gateway, S3TokenIT.DEMO2, "guess-" + i);
                assertEquals("SignatureDoesNotMatch", errorCodeOf(guessing::listBuckets));
            }
            long afterGuesses = KeystoneGateway.keystoneRequests(gateway);
            System.out.printf("s3token: 20 wrong signatures on a real key cost Keystone %d requests%n", afterGuesses);
            assertEquals(3, afterGuesses, "the login, one s3tokens and one secret read: not 2 per request");

            gateway.s3(S3TokenIT.DEMO2, S3TokenIT.DEMO2_SECRET).listBuckets();   // not locked out
            assertEquals(afterGuesses + 2, KeystoneGateway.keystoneRequests(gateway), "s3tokens and the secret");
        }
    }

    @Test
    void anUnknownKeyCostsKeystoneOneRequestPerNegativeTtl() throws Exception {
        try (S3TestGateway gateway = S3TestGateway.start(
                KeystoneGateway.configuration(KeystoneAdmin.KEYSTONE_URL, 60))) {
            for (int i = 0; i < 20; i++) {
                S3Client unknown = noRetries(gateway, "nobody-has-this-key", "whatever-" + i);
                assertEquals("InvalidAccessKeyId", errorCodeOf(unknown::listBuckets));
            }
            assertEquals(2, KeystoneGateway.keystoneRequests(gateway), "the login and one s3tokens");
        }
    }

    @Test
    void concurrentFirstRequestsOfOneKeyShareOneKeystoneExchange() throws Exception {
        int clients = 16;
        ExecutorService pool = Executors.newFixedThreadPool(clients);
        try (S3TestGateway gateway = S3TestGateway.start(
                KeystoneGateway.configuration(KeystoneAdmin.KEYSTONE_URL, 60))) {
            S3Client demo = gateway.s3(S3TokenIT.DEMO, S3TokenIT.DEMO_SECRET);
            CountDownLatch go = new CountDownLatch(1);
            List<Future<?>> answers = new ArrayList<>();
            for (int i = 0; i < clients; i++) {
                answers.add(pool.submit(() -> {
                    assertTrue(go.await(30, TimeUnit.SECONDS));
                    return demo.listBuckets();
                }));
            }
            go.countDown();
            for (Future<?> answer : answers) {
                answer.get(60, TimeUnit.SECONDS);
            }
            long sent = KeystoneGateway.keystoneRequests(gateway);
            System.out.printf("s3token: %d concurrent first requests of one key cost Keystone %d requests%n",
                    clients, sent);
            assertEquals(3, sent, "the login, one s3tokens and one secret read");
        } finally {
            pool.shutdownNow();
        }
    }

    @Test
    void beyondTheCapOfKeystoneExchangesTheAnswerIsAFastSlowDown() throws Exception {
        URI keystone = URI.create(KeystoneAdmin.KEYSTONE_URL);
        ExecutorService pool = Executors.newSingleThreadExecutor();
        try (TcpRelay relay = new TcpRelay(keystone.getHost(), keystone.getPort())) {
            Properties configuration = KeystoneGateway.configuration(
                    "http://127.0.0.1:" + relay.port() + keystone.getPath(), 60);
            configuration.setProperty("filter.s3token.max_keystone_requests", "1");
            configuration.setProperty("filter.s3token.request_timeout", "3");
            try (S3TestGateway gateway = S3TestGateway.start(configuration)) {
                S3Client demo2 = noRetries(gateway, S3TokenIT.DEMO2, S3TokenIT.DEMO2_SECRET);
                gateway.s3().listBuckets();   // a tempauth user: the SDK's first-call costs are paid before timing
                relay.mode(TcpRelay.Mode.SILENT);   // the first exchange hangs at its login, holding the one permit
                Future<String> stuck = pool.submit(() -> errorCodeOf(
                        noRetries(gateway, S3TokenIT.DEMO, S3TokenIT.DEMO_SECRET)::listBuckets));
                long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
                while (KeystoneGateway.keystoneRequests(gateway) == 0 && System.nanoTime() < deadline) {
                    Thread.onSpinWait();
                }
                assertEquals(1, KeystoneGateway.keystoneRequests(gateway), "the first exchange is under way");

                long start = System.nanoTime();
                S3Exception busy = assertThrows(S3Exception.class, demo2::listBuckets);
                Duration took = Duration.ofNanos(System.nanoTime() - start);
                System.out.printf("s3token: beyond the cap answered %d %s in %d ms%n", busy.statusCode(),
                        busy.awsErrorDetails().errorCode(), took.toMillis());
                assertEquals(503, busy.statusCode());
                assertEquals("SlowDown", busy.awsErrorDetails().errorCode());
                assertTrue(took.compareTo(Duration.ofSeconds(2)) < 0, "took " + took);
                assertEquals(1, KeystoneGateway.keystoneRequests(gateway), "nothing more was sent to Keystone");
                assertEquals("ServiceUnavailable", stuck.get(30, TimeUnit.SECONDS));
            }
        } finally {
            pool.shutdownNow();
        }
    }
}
