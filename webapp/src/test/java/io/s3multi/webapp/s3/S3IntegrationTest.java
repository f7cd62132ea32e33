package io.s3multi.webapp.s3;

import io.s3multi.swift.SwiftAccount;
import java.net.URI;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.presigner.S3Presigner;

/**
 * Base class of the S3 integration tests: one {@link S3TestGateway} per test class, buckets cleaned up after
 * every test. See the package documentation.
 */
public abstract class S3IntegrationTest {

    private static S3TestGateway gateway;

    private final List<String> bucketsToDelete = new ArrayList<>();

    @BeforeAll
    static void startGateway() throws Exception {
        gateway = S3TestGateway.start();
    }

    @AfterAll
    static void stopGateway() throws Exception {
        if (gateway != null) {
            gateway.close();
            gateway = null;
        }
    }

    @AfterEach
    void deleteBucketsOfThisTest() {
        for (String bucket : bucketsToDelete) {
            gateway.deleteBucketDirectly(bucket);
        }
        bucketsToDelete.clear();
    }

    /** The gateway of this test class. */
    protected static S3TestGateway gateway() {
        return gateway;
    }

    /** An SDK client for test:tester, SDK defaults. */
    protected static S3Client s3() {
        return gateway.s3();
    }

    /** An SDK client for another access key and secret, SDK defaults. */
    protected static S3Client s3(String accessKey, String secretKey) {
        return gateway.s3(accessKey, secretKey);
    }

    /** A presigner for test:tester. */
    protected static S3Presigner presigner() {
        return gateway.presigner();
    }

    /** test:tester's Swift account, directly: to check what Swift stored. */
    protected static SwiftAccount swift() {
        return gateway.swift();
    }

    /** The gateway URL of a raw path and query. */
    protected static URI uri(String pathAndQuery) {
        return gateway.uri(pathAndQuery);
    }

    /** awscli, boto3 and curl as test:tester. */
    protected static S3Tools tools() {
        return new S3Tools(gateway.endpoint(), S3TestGateway.TESTER, S3TestGateway.TESTER_KEY);
    }

    /** awscli, boto3 and curl as another user. */
    protected static S3Tools tools(String accessKey, String secretKey) {
        return new S3Tools(gateway.endpoint(), accessKey, secretKey);
    }

    /**
     * A fresh bucket name (not created), deleted with its {@code _segments} container, directly in Swift, after
     * the test, whoever created it.
     */
    protected String uniqueBucket() {
        String bucket = S3TestGateway.uniqueBucket();
        bucketsToDelete.add(bucket);
        return bucket;
    }
}
