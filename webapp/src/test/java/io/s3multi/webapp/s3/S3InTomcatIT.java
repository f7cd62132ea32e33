package io.s3multi.webapp.s3;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.s3multi.swift.SwiftAccount;
import io.s3multi.swift.SwiftBackend;
import io.s3multi.swift.SwiftClientConfig;
import io.s3multi.swift.SwiftHeaders;
import io.s3multi.swift.error.SwiftHttpStatusException;
import io.s3multi.swift.http.SwiftResponse;
import java.io.InputStream;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Random;
import org.apache.catalina.connector.Connector;
import org.apache.catalina.startup.Tomcat;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.core.sync.RequestBody;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.model.S3Exception;
import software.amazon.awssdk.services.s3.model.S3Object;

/**
 * The S3 pipeline inside the WAR, exactly as built, deployed into a real Tomcat 10.1 with its built-in
 * configuration (only the Swift URLs overridden): the AWS SDK with default settings works as it does against the
 * embedded launcher, and Swift holds the bytes.
 */
class S3InTomcatIT {

    private static final Path WAR = Path.of("target", "s3multi.war");
    private static final List<String> SWIFT_URL_KEYS = List.of("s3multi.filter.proxy_server.swift_url",
            "s3multi.filter.tempauth.swift_url", "s3multi.filter.s3api.swift_url");

    @TempDir
    static Path tomcatBase;

    private static Tomcat tomcat;
    private static Connector connector;
    private static SwiftBackend swiftBackend;
    private static S3Client s3;

    @BeforeAll
    static void deployWar() throws Exception {
        assertTrue(Files.isRegularFile(WAR), "build the WAR first: " + WAR.toAbsolutePath());
        SWIFT_URL_KEYS.forEach(key -> System.setProperty(key, S3TestGateway.SWIFT_URL));
        tomcat = new Tomcat();
        tomcat.setBaseDir(tomcatBase.toString());
        connector = new Connector("HTTP/1.1");
        connector.setPort(0);
        connector.setProperty("address", "127.0.0.1");
        connector.setEncodedSolidusHandling("passthrough");
        tomcat.setConnector(connector);
        tomcat.getHost().setAutoDeploy(false);
        tomcat.addWebapp("", WAR.toAbsolutePath().toString());
        tomcat.start();
        swiftBackend = SwiftBackend.start(SwiftClientConfig.defaults(URI.create(S3TestGateway.SWIFT_URL)));
        s3 = client(S3TestGateway.TESTER, S3TestGateway.TESTER_KEY);
    }

    @AfterAll
    static void undeploy() throws Exception {
        SWIFT_URL_KEYS.forEach(System::clearProperty);
        if (s3 != null) {
            s3.close();
        }
        if (tomcat != null) {
            tomcat.stop();
            tomcat.destroy();
        }
        if (swiftBackend != null) {
            swiftBackend.close();
        }
    }

    @Test
    void theSdkWithDefaultSettingsWorksThroughTheWar() throws Exception {
        String bucket = S3TestGateway.uniqueBucket();
        SwiftAccount swift = swiftBackend.tempAuthAccount(S3TestGateway.TESTER, S3TestGateway.TESTER_KEY);
        byte[] content = new byte[300 * 1024];
        new Random(7).nextBytes(content);
        try {
            s3.createBucket(b -> b.bucket(bucket));
            s3.putObject(b -> b.bucket(bucket).key("dir/a b+c.bin"), RequestBody.fromBytes(content));
            assertArrayEquals(content, s3.getObjectAsBytes(b -> b.bucket(bucket).key("dir/a b+c.bin")).asByteArray());
            assertEquals(List.of("dir/a b+c.bin"), s3.listObjectsV2(b -> b.bucket(bucket)).contents().stream()
                    .map(S3Object::key).toList());
            try (SwiftResponse stored = swift.objects().get(bucket, "dir/a b+c.bin", SwiftHeaders.empty());
                    InputStream body = stored.body()) {
                assertArrayEquals(content, body.readAllBytes(), "what Swift stored");
            }
            try (S3Client wrongSecret = client(S3TestGateway.TESTER, "wrong")) {
                S3Exception refused = assertThrows(S3Exception.class,
                        () -> wrongSecret.listObjectsV2(b -> b.bucket(bucket)));
                assertEquals("SignatureDoesNotMatch", refused.awsErrorDetails().errorCode());
            }

            s3.deleteObject(b -> b.bucket(bucket).key("dir/a b+c.bin"));
            s3.deleteBucket(b -> b.bucket(bucket));
            assertThrows(SwiftHttpStatusException.class, () -> swift.containers().head(bucket));
        } finally {
            S3TestGateway.deleteContainer(swift, bucket);
            // the name's record in the bucket registry, if DeleteBucket did not release it
            S3TestGateway.deleteContainer(
                    swiftBackend.tempAuthAccount(S3TestGateway.REGISTRY_USER, S3TestGateway.REGISTRY_KEY), bucket);
        }
    }

    private static S3Client client(String accessKey, String secretKey) {
        return S3Client.builder()
                .endpointOverride(URI.create("http://127.0.0.1:" + connector.getLocalPort()))
                .region(Region.US_EAST_1)
                .forcePathStyle(true)
                .credentialsProvider(StaticCredentialsProvider.create(AwsBasicCredentials.create(accessKey, secretKey)))
                .build();
    }
}
