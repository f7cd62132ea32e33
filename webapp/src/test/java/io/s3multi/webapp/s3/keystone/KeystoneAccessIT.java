package io.s3multi.webapp.s3.keystone;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import io.s3multi.filters.proxylogging.AccessRecord;
import io.s3multi.webapp.s3.AccessRecords;
import io.s3multi.webapp.s3.S3TestGateway;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.core.sync.RequestBody;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.model.S3Exception;

/**
 * Where Keystone users differ in authorization: the Swift identity a request allowed on another account acts with.
 * A Keystone user reaches a granted bucket of another project or of a tempauth account with the s3token stage's
 * own {@code ResellerAdmin} token; a tempauth user reaches a Keystone project's granted bucket with the service
 * identity ({@code service_user}). Refused without the grant, as for tempauth users.
 */
class KeystoneAccessIT {

    private static final byte[] CONTENT = "granted across auth systems".getBytes(StandardCharsets.UTF_8);

    private static S3TestGateway gateway;
    private static KeystoneGateway.DirectSwift swift;
    private static String demoAccount;

    private final List<String[]> toDelete = new ArrayList<>();

    @BeforeAll
    static void start() throws Exception {
        demoAccount = "AUTH_" + KeystoneAdmin.connect().projectId("demo");
        gateway = S3TestGateway.start(KeystoneGateway.configuration(KeystoneAdmin.KEYSTONE_URL, 60));
        swift = new KeystoneGateway.DirectSwift();
    }

    @AfterAll
    static void stop() throws Exception {
        if (gateway != null) {
            gateway.close();
        }
        if (swift != null) {
            swift.close();
        }
    }

    @AfterEach
    void cleanUp() {
        for (String[] accountAndBucket : toDelete) {
            swift.deleteContainer(accountAndBucket[0], accountAndBucket[1]);
            S3TestGateway.deleteContainer(gateway.registry(), accountAndBucket[1]);
        }
        toDelete.clear();
    }

    @Test
    void anotherProjectAndATempauthUserReadAKeystoneProjectsGrantedObject() throws Exception {
        S3Client demo = gateway.s3(S3TokenIT.DEMO, S3TokenIT.DEMO_SECRET);
        String bucket = bucketIn(demoAccount);
        demo.createBucket(b -> b.bucket(bucket));
        demo.putObject(b -> b.bucket(bucket).key("private"), RequestBody.fromBytes(CONTENT));
        demo.putObject(b -> b.bucket(bucket).key("granted").grantRead("id=\"AUTH_test\"")
                .grantFullControl("id=\"" + demoAccount + "\""), RequestBody.fromBytes(CONTENT));
        String demo2Account = "AUTH_" + KeystoneAdmin.connect().projectId("demo2");
        demo.putObjectAcl(b -> b.bucket(bucket).key("granted")
                .grantRead("id=\"AUTH_test\", id=\"" + demo2Account + "\"")
                .grantFullControl("id=\"" + demoAccount + "\""));

        S3Client demo2 = gateway.s3(S3TokenIT.DEMO2, S3TokenIT.DEMO2_SECRET);
        try (AccessRecords records = AccessRecords.listen(gateway)) {
            assertArrayEquals(CONTENT, demo2.getObjectAsBytes(b -> b.bucket(bucket).key("granted")).asByteArray());
            AccessRecord read = records.await("GetObject");
            assertEquals(200, read.status(), read.toLogLine());
            assertEquals("@service:" + demoAccount, read.access().substring(read.access().indexOf('@')),
                    read.toLogLine());
        }
        assertArrayEquals(CONTENT, gateway.s3().getObjectAsBytes(b -> b.bucket(bucket).key("granted"))
                .asByteArray());
        assertDenied(() -> demo2.getObjectAsBytes(b -> b.bucket(bucket).key("private")));
        assertDenied(() -> gateway.s3().getObjectAsBytes(b -> b.bucket(bucket).key("private")));
        assertDenied(() -> demo2.putObject(b -> b.bucket(bucket).key("x"), RequestBody.fromString("x")));
        assertEquals(List.of("granted", "private"), S3TestGateway.objectNames(swift.account(demoAccount), bucket));
    }

    @Test
    void aKeystoneUserReadsATempauthAccountsGrantedObjectWithTheResellerAdminToken() throws Exception {
        String bucket = bucketIn("AUTH_test");
        gateway.s3().createBucket(b -> b.bucket(bucket));
        gateway.s3().putObject(b -> b.bucket(bucket).key("granted").grantRead("id=\"" + demoAccount + "\"")
                .grantFullControl("id=\"AUTH_test\""), RequestBody.fromBytes(CONTENT));
        S3Client demo = gateway.s3(S3TokenIT.DEMO, S3TokenIT.DEMO_SECRET);
        assertArrayEquals(CONTENT, demo.getObjectAsBytes(b -> b.bucket(bucket).key("granted")).asByteArray());
        assertDenied(() -> demo.listObjectsV2(b -> b.bucket(bucket)));
    }

    private String bucketIn(String account) {
        String bucket = S3TestGateway.uniqueBucket();
        toDelete.add(new String[] {account, bucket});
        return bucket;
    }

    private static void assertDenied(org.junit.jupiter.api.function.Executable call) {
        S3Exception denied = assertThrows(S3Exception.class, call);
        assertEquals(403, denied.statusCode());
        assertEquals("AccessDenied", denied.awsErrorDetails().errorCode());
    }
}
