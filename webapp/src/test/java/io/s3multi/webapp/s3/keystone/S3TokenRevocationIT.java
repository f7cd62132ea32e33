package io.s3multi.webapp.s3.keystone;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.s3multi.webapp.s3.S3TestGateway;
import java.time.Duration;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.model.S3Exception;

/**
 * What Keystone takes away, the gateway takes away within its cache TTL (2 s here): a disabled user and a deleted
 * EC2 credential, each of a throw-away project made for the test.
 */
class S3TokenRevocationIT {

    private static final int TTL_SECONDS = 2;
    /** The TTL plus one Keystone round trip and the polling step. */
    private static final Duration REFUSED_WITHIN = Duration.ofSeconds(TTL_SECONDS).plusMillis(1500);

    private static S3TestGateway gateway;
    private static KeystoneAdmin admin;
    private KeystoneAdmin.Tenant tenant;

    @BeforeAll
    static void start() throws Exception {
        admin = KeystoneAdmin.connect();
        gateway = S3TestGateway.start(KeystoneGateway.configuration(KeystoneAdmin.KEYSTONE_URL, TTL_SECONDS));
    }

    @AfterAll
    static void stop() throws Exception {
        if (gateway != null) {
            gateway.close();
        }
    }

    @AfterEach
    void deleteTenant() throws Exception {
        if (tenant != null) {
            admin.deleteTenant(tenant);
        }
    }

    @Test
    void aDisabledUserIsRefusedWithinTheTtl() throws Exception {
        tenant = admin.createTenant();
        S3Client client = gateway.s3(tenant.accessKey(), tenant.secretKey());
        client.listBuckets();
        client.listBuckets();   // cached now

        admin.setUserEnabled(tenant.userId(), false);
        long disabledAt = System.nanoTime();
        S3Exception refused = pollUntilRefused(client);
        Duration took = Duration.ofNanos(System.nanoTime() - disabledAt);
        System.out.printf("s3token: disabled user refused after %d ms (cache_ttl %d s): %s%n", took.toMillis(),
                TTL_SECONDS, refused.awsErrorDetails().errorCode());
        assertTrue(took.compareTo(REFUSED_WITHIN) <= 0, "refused only after " + took);
        assertEquals("AccessDenied", refused.awsErrorDetails().errorCode(), refused.toString());
        assertEquals(403, refused.statusCode());
    }

    @Test
    void aDeletedCredentialIsRefusedWithinTheTtl() throws Exception {
        tenant = admin.createTenant();
        S3Client client = gateway.s3(tenant.accessKey(), tenant.secretKey());
        client.listBuckets();

        admin.deleteCredential(tenant.accessKey());
        long deletedAt = System.nanoTime();
        S3Exception refused = pollUntilRefused(client);
        Duration took = Duration.ofNanos(System.nanoTime() - deletedAt);
        System.out.printf("s3token: deleted credential refused after %d ms (cache_ttl %d s): %s%n",
                took.toMillis(), TTL_SECONDS, refused.awsErrorDetails().errorCode());
        assertTrue(took.compareTo(REFUSED_WITHIN) <= 0, "refused only after " + took);
        assertEquals("InvalidAccessKeyId", refused.awsErrorDetails().errorCode(), refused.toString());
    }

    private static S3Exception pollUntilRefused(S3Client client) throws InterruptedException {
        long deadline = System.nanoTime() + Duration.ofSeconds(TTL_SECONDS * 5L).toNanos();
        while (System.nanoTime() < deadline) {
            try {
                client.listBuckets();
            } catch (S3Exception refused) {
                return refused;
            }
            Thread.sleep(100);
        }
        throw new AssertionError("still accepted " + (TTL_SECONDS * 5) + " s after Keystone took it away");
    }
}
