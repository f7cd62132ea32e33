package io.s3multi.webapp.s3.access;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.s3multi.webapp.s3.S3IntegrationTest;
import io.s3multi.webapp.s3.S3TestGateway;
import io.s3multi.webapp.s3.S3Tools;
import io.s3multi.webapp.s3.ToolResult;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Properties;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.core.sync.RequestBody;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.model.BucketCannedACL;
import software.amazon.awssdk.services.s3.model.GetBucketAclResponse;
import software.amazon.awssdk.services.s3.model.ObjectCannedACL;
import software.amazon.awssdk.services.s3.model.S3Exception;

/**
 * Sharing as users meet it: an anonymous {@code curl} of a public-read object and of a policy-public bucket's
 * listing; a second account reading a granted object with the AWS SDK and with boto3; ACLs and policies kept in
 * Swift, so the same on every gateway and after a restart; and two gateways that agree once the cache TTL passed.
 */
class AccessSharingIT extends S3IntegrationTest {

    private static final byte[] CONTENT = "shared with the world\n".getBytes(StandardCharsets.UTF_8);

    @Test
    void anonymousCurlReadsAPublicReadObjectAndAPolicyPublicBucketListing() {
        String bucket = uniqueBucket();
        s3().createBucket(b -> b.bucket(bucket));
        s3().putObject(b -> b.bucket(bucket).key("public.txt").acl(ObjectCannedACL.PUBLIC_READ),
                RequestBody.fromBytes(CONTENT));
        s3().putObject(b -> b.bucket(bucket).key("private.txt"), RequestBody.fromBytes(CONTENT));
        ToolResult object = tools().curl("-s", "-f", uri("/" + bucket + "/public.txt").toString()).requireSuccess();
        assertTrue(object.stdout().endsWith("\r\n\r\n" + new String(CONTENT, StandardCharsets.UTF_8)),
                "the object's bytes after curl's header lines: " + object.describe());
        ToolResult refused = tools().curl("-s", "-w", "%{http_code}", uri("/" + bucket + "/private.txt").toString());
        assertTrue(refused.stdout().endsWith("403"), refused.describe());

        String listed = uniqueBucket();
        s3().createBucket(b -> b.bucket(listed));
        s3().putObject(b -> b.bucket(listed).key("dir/one"), RequestBody.fromBytes(CONTENT));
        AccessMatrixIT.policy(listed, "Allow", "\"*\"", "\"s3:ListBucket\"");
        ToolResult listing = tools().curl("-s", "-f", uri("/" + listed + "?list-type=2").toString()).requireSuccess();
        assertTrue(listing.stdout().contains("<Key>dir/one</Key>"), listing.describe());
        ToolResult objectOfIt = tools().curl("-s", "-w", "%{http_code}", uri("/" + listed + "/dir/one").toString());
        assertTrue(objectOfIt.stdout().endsWith("403"), "listing is not reading: " + objectOfIt.describe());
    }

    @Test
    void aSecondAccountReadsAGrantedObjectWithTheSdkAndWithBoto3() {
        String bucket = uniqueBucket();
        s3().createBucket(b -> b.bucket(bucket));
        s3().putObject(b -> b.bucket(bucket).key("granted").grantRead("id=\"AUTH_test2\"")
                .grantFullControl("id=\"AUTH_test\""), RequestBody.fromBytes(CONTENT));
        S3Client other = s3(S3TestGateway.TESTER2, S3TestGateway.TESTER2_KEY);
        assertArrayEquals(CONTENT, other.getObjectAsBytes(b -> b.bucket(bucket).key("granted")).asByteArray());

        ToolResult boto3 = new S3Tools(gateway().endpoint(), S3TestGateway.TESTER2, S3TestGateway.TESTER2_KEY)
                .boto3(String.join("\n",
                        "s3 = s3_client()",
                        "body = s3.get_object(Bucket='" + bucket + "', Key='granted')['Body'].read()",
                        "expect(body == " + pythonBytes() + ", body)",
                        "try:",
                        "    s3.put_object(Bucket='" + bucket + "', Key='not-granted', Body=b'x')",
                        "    expect(False, 'a read grant let the second account write')",
                        "except s3.exceptions.ClientError as refused:",
                        "    expect(refused.response['Error']['Code'] == 'AccessDenied', refused.response)",
                        "print('ok')"));
        boto3.requireSuccess();
        assertEquals("ok\n", boto3.stdout());
    }

    @Test
    void aclAndPolicyAreKeptInSwiftTheSameOnTwoGatewaysAndAfterARestart() throws Exception {
        String bucket = uniqueBucket();
        s3().createBucket(b -> b.bucket(bucket).acl(BucketCannedACL.PUBLIC_READ));
        s3().putObject(b -> b.bucket(bucket).key("k"), RequestBody.fromBytes(CONTENT));
        AccessMatrixIT.policy(bucket, "Allow", "{\"AWS\": \"AUTH_test2\"}", "\"s3:GetObject\"");
        GetBucketAclResponse acl = s3().getBucketAcl(b -> b.bucket(bucket));
        String policy = s3().getBucketPolicy(b -> b.bucket(bucket)).policy();

        for (int gatewayNumber = 2; gatewayNumber <= 3; gatewayNumber++) {   // a second one, then it restarted
            try (S3TestGateway another = S3TestGateway.start()) {
                assertEquals(acl.grants(), another.s3().getBucketAcl(b -> b.bucket(bucket)).grants());
                assertEquals(policy, another.s3().getBucketPolicy(b -> b.bucket(bucket)).policy());
                S3Client other = another.s3(S3TestGateway.TESTER2, S3TestGateway.TESTER2_KEY);
                assertArrayEquals(CONTENT, other.getObjectAsBytes(b -> b.bucket(bucket).key("k")).asByteArray());
                ToolResult listing = tools().curl("-s", "-f", another.uri("/" + bucket).toString()).requireSuccess();
                assertTrue(listing.stdout().contains("<Key>k</Key>"), "gateway " + gatewayNumber);
            }
        }
    }

    @Test
    void twoGatewaysAgreeOnAGrantAndItsRevocationOnceTheCacheTtlPassed() throws Exception {
        Duration ttl = Duration.ofSeconds(1);
        Properties settings = S3TestGateway.configuration();
        settings.setProperty("filter.s3api.access_cache_ttl", Long.toString(ttl.toSeconds()));
        try (S3TestGateway first = S3TestGateway.start(settings);
                S3TestGateway second = S3TestGateway.start(settings)) {
            String bucket = uniqueBucket();
            first.s3().createBucket(b -> b.bucket(bucket));
            S3Client otherOnFirst = first.s3(S3TestGateway.TESTER2, S3TestGateway.TESTER2_KEY);
            S3Client otherOnSecond = second.s3(S3TestGateway.TESTER2, S3TestGateway.TESTER2_KEY);
            assertDenied(() -> otherOnSecond.listObjectsV2(b -> b.bucket(bucket)));

            first.s3().putBucketAcl(b -> b.bucket(bucket).grantRead("id=\"AUTH_test2\"")
                    .grantFullControl("id=\"AUTH_test\""));
            otherOnFirst.listObjectsV2(b -> b.bucket(bucket));   // the changing gateway sees it at once
            afterTheTtl(ttl);
            otherOnSecond.listObjectsV2(b -> b.bucket(bucket));

            first.s3().putBucketAcl(b -> b.bucket(bucket).acl(BucketCannedACL.PRIVATE));
            assertDenied(() -> otherOnFirst.listObjectsV2(b -> b.bucket(bucket)));
            afterTheTtl(ttl);
            assertDenied(() -> otherOnSecond.listObjectsV2(b -> b.bucket(bucket)));
        }
    }

    /** Waits out the cache TTL: the documented time a change on another gateway may take to show. */
    private static void afterTheTtl(Duration ttl) throws InterruptedException {
        Thread.sleep(ttl.toMillis() + 200);
    }

    private static String pythonBytes() {
        return "b'" + new String(CONTENT, StandardCharsets.UTF_8).replace("\n", "\\n") + "'";
    }

    private static void assertDenied(org.junit.jupiter.api.function.Executable call) {
        S3Exception denied = assertThrows(S3Exception.class, call);
        assertEquals("AccessDenied", denied.awsErrorDetails().errorCode());
    }
}
