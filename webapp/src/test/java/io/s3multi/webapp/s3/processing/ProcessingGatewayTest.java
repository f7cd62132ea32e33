package io.s3multi.webapp.s3.processing;

import io.s3multi.webapp.s3.S3TestGateway;
import java.util.Properties;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.TestInstance;

/**
 * One gateway with processing steps for all tests of a class, with a private clamd and the test's webhook (released
 * after each test, should a test hold it); each test gets a bucket of its own.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
public abstract class ProcessingGatewayTest {

    protected PrivateClamd clamd;
    protected TestWebhook webhook;
    protected S3TestGateway gateway;
    protected String bucket;

    /** The gateway's configuration, given the clamd and webhook it is to use. */
    protected abstract Properties configuration(PrivateClamd privateClamd, TestWebhook testWebhook);

    @BeforeAll
    void startGateway() throws Exception {
        clamd = PrivateClamd.start();
        webhook = TestWebhook.start();
        gateway = S3TestGateway.start(configuration(clamd, webhook));
    }

    @AfterAll
    void stopGateway() throws Exception {
        try (PrivateClamd c = clamd; TestWebhook w = webhook; S3TestGateway g = gateway) {
            // closed in reverse order
        }
    }

    @BeforeEach
    void createBucket() {
        bucket = S3TestGateway.uniqueBucket();
        gateway.s3().createBucket(b -> b.bucket(bucket));
    }

    @AfterEach
    void deleteBucket() {
        webhook.release();
        gateway.deleteBucketDirectly(bucket);
    }
}
