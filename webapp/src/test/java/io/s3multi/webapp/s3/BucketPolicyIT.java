package io.s3multi.webapp.s3;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.s3multi.s3.contract.RegistryLayout;
import java.util.List;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.s3.model.PublicAccessBlockConfiguration;
import software.amazon.awssdk.services.s3.model.S3Exception;

/**
 * Put/Get/DeleteBucketPolicy, GetBucketPolicyStatus and Put/Get/DeletePublicAccessBlock through the AWS SDK v2
 * with its defaults and Debian's awscli, against the dev Swift: what the bucket's registry record holds (objects
 * {@code policy} and {@code public-access-block}), AWS's refusals of malformed policies, BlockPublicPolicy, and
 * who may change them.
 */
class BucketPolicyIT extends S3IntegrationTest {

    /** AWS's "Granting read-only permission to a public anonymous user", for {@code bucket}. */
    private static String publicRead(String bucket) {
        return "{\n  \"Version\": \"2012-10-17\",\n  \"Statement\": [{\"Sid\": \"PublicRead\", \"Effect\": \"Allow\","
                + " \"Principal\": \"*\",\n    \"Action\": [\"s3:GetObject\", \"s3:GetObjectVersion\"],"
                + " \"Resource\": [\"arn:aws:s3:::" + bucket + "/*\"]}]\n}";
    }

    /** Another account may list the bucket: not public. */
    private static String otherAccountLists(String bucket) {
        return "{\"Version\": \"2012-10-17\", \"Statement\": {\"Effect\": \"Allow\", \"Principal\": {\"AWS\":"
                + " \"arn:aws:iam::AUTH_test2:root\"}, \"Action\": \"s3:ListBucket\", \"Resource\": \"arn:aws:s3:::"
                + bucket + "\"}}";
    }

    private String bucket() {
        String bucket = uniqueBucket();
        s3().createBucket(b -> b.bucket(bucket));
        return bucket;
    }

    private static String storedPolicy(String bucket) throws Exception {
        return RegistryRecords.document(gateway(), bucket, RegistryLayout.POLICY);
    }

    private static String storedBlock(String bucket) throws Exception {
        return RegistryRecords.document(gateway(), bucket, RegistryLayout.PUBLIC_ACCESS_BLOCK);
    }

    private static S3Exception refused(Runnable call) {
        return assertThrows(S3Exception.class, call::run);
    }

    @Test
    void aPolicyIsStoredAsSentReadBackAndDeleted() throws Exception {
        String bucket = bucket();
        String policy = publicRead(bucket);
        assertEquals(204, s3().putBucketPolicy(p -> p.bucket(bucket).policy(policy)).sdkHttpResponse().statusCode());

        assertEquals(policy, s3().getBucketPolicy(g -> g.bucket(bucket)).policy());
        assertEquals(policy, storedPolicy(bucket), "the registry record holds the JSON byte for byte");
        assertTrue(s3().getBucketPolicyStatus(g -> g.bucket(bucket)).policyStatus().isPublic());
        assertEquals(List.of(), S3TestGateway.objectNames(swift(), bucket), "nothing is written into the bucket");

        s3().putBucketPolicy(p -> p.bucket(bucket).policy(otherAccountLists(bucket)));
        assertEquals(otherAccountLists(bucket), storedPolicy(bucket), "a new policy replaces the old one");
        assertFalse(s3().getBucketPolicyStatus(g -> g.bucket(bucket)).policyStatus().isPublic());

        assertEquals(204, s3().deleteBucketPolicy(d -> d.bucket(bucket)).sdkHttpResponse().statusCode());
        assertNull(storedPolicy(bucket));
        S3Exception none = refused(() -> s3().getBucketPolicy(g -> g.bucket(bucket)));
        assertEquals(404, none.statusCode());
        assertEquals("NoSuchBucketPolicy", none.awsErrorDetails().errorCode());
        assertEquals("The bucket policy does not exist", none.awsErrorDetails().errorMessage());
        assertEquals("NoSuchBucketPolicy", refused(() -> s3().getBucketPolicyStatus(g -> g.bucket(bucket)))
                .awsErrorDetails().errorCode());
        assertEquals(204, s3().deleteBucketPolicy(d -> d.bucket(bucket)).sdkHttpResponse().statusCode(),
                "deleting no policy is no error, as in AWS");
    }

    @Test
    void malformedPoliciesAreRefusedNamingTheProblemAndNothingIsStored() throws Exception {
        String bucket = bucket();
        assertMalformed(bucket, "{\"Version\": \"2012-10-17\", \"Statement\": [", "This policy contains invalid Json");
        assertMalformed(bucket, publicRead("another-bucket"), "Policy has invalid resource");
        assertMalformed(bucket, publicRead(bucket).replace("s3:GetObjectVersion", "ec2:RunInstances"),
                "Policy has invalid action");
        assertMalformed(bucket, publicRead(bucket).replace("\"*\"", "{\"AWS\": \"arn:aws:iam::AUTH_test:role/r\"}"),
                "Invalid principal in policy");
        assertMalformed(bucket, publicRead(bucket).replace("\"Resource\"", "\"Condition\": {\"StringEqualz\":"
                + " {\"aws:username\": \"x\"}}, \"Resource\""), "Invalid Condition type : StringEqualz");
        assertMalformed(bucket, publicRead(bucket).replace("\"Principal\": \"*\",", ""),
                "Missing required field Principal");
        String tooLarge = publicRead(bucket).replace("\"PublicRead\"", "\"" + "x".repeat(20 * 1024) + "\"");
        assertMalformed(bucket, tooLarge, "Policies must not be larger than 20 KB (20480 bytes)");
        assertNull(storedPolicy(bucket));
    }

    private static void assertMalformed(String bucket, String policy, String message) {
        S3Exception refused = refused(() -> s3().putBucketPolicy(p -> p.bucket(bucket).policy(policy)));
        assertEquals(400, refused.statusCode(), policy);
        assertEquals("MalformedPolicy", refused.awsErrorDetails().errorCode(), policy);
        assertEquals(message, refused.awsErrorDetails().errorMessage(), policy);
    }

    @Test
    void aPublicAccessBlockIsStoredWithEverySwitchAndReadBack() throws Exception {
        String bucket = bucket();
        S3Exception none = refused(() -> s3().getPublicAccessBlock(g -> g.bucket(bucket)));
        assertEquals(404, none.statusCode());
        assertEquals("NoSuchPublicAccessBlockConfiguration", none.awsErrorDetails().errorCode());

        s3().putPublicAccessBlock(p -> p.bucket(bucket).publicAccessBlockConfiguration(c -> c.blockPublicAcls(true)
                .restrictPublicBuckets(true)));
        assertEquals(PublicAccessBlockConfiguration.builder().blockPublicAcls(true).ignorePublicAcls(false)
                        .blockPublicPolicy(false).restrictPublicBuckets(true).build(),
                s3().getPublicAccessBlock(g -> g.bucket(bucket)).publicAccessBlockConfiguration());
        String stored = storedBlock(bucket);
        assertTrue(stored.contains("<BlockPublicAcls>true</BlockPublicAcls><IgnorePublicAcls>false</IgnorePublicAcls>"
                + "<BlockPublicPolicy>false</BlockPublicPolicy><RestrictPublicBuckets>true</RestrictPublicBuckets>"),
                stored);

        assertEquals(204, s3().deletePublicAccessBlock(d -> d.bucket(bucket)).sdkHttpResponse().statusCode());
        assertNull(storedBlock(bucket));
        assertEquals("NoSuchPublicAccessBlockConfiguration", refused(() -> s3().getPublicAccessBlock(
                g -> g.bucket(bucket))).awsErrorDetails().errorCode());
    }

    @Test
    void blockPublicPolicyRefusesAPublicPolicyAndLetsOthersThrough() throws Exception {
        String bucket = bucket();
        s3().putPublicAccessBlock(p -> p.bucket(bucket).publicAccessBlockConfiguration(c -> c.blockPublicPolicy(true)));

        S3Exception denied = refused(() -> s3().putBucketPolicy(p -> p.bucket(bucket).policy(publicRead(bucket))));
        assertEquals(403, denied.statusCode());
        assertEquals("AccessDenied", denied.awsErrorDetails().errorCode());
        assertNull(storedPolicy(bucket));

        s3().putBucketPolicy(p -> p.bucket(bucket).policy(otherAccountLists(bucket)));
        assertEquals(otherAccountLists(bucket), storedPolicy(bucket));

        s3().deletePublicAccessBlock(d -> d.bucket(bucket));
        s3().putBucketPolicy(p -> p.bucket(bucket).policy(publicRead(bucket)));
        assertEquals(publicRead(bucket), storedPolicy(bucket), "without the block a public policy is accepted");
    }

    /** awscli: put-public-access-block, put-bucket-policy refused and accepted, get-bucket-policy-status. */
    @Test
    void awsCliPutsTheBlockAndThePolicyAndReadsTheStatus() throws Exception {
        String bucket = bucket();
        tools().aws("s3api", "put-public-access-block", "--bucket", bucket, "--public-access-block-configuration",
                "BlockPublicAcls=true,IgnorePublicAcls=true,BlockPublicPolicy=true,RestrictPublicBuckets=false")
                .requireSuccess();
        assertTrue(storedBlock(bucket).contains("<BlockPublicPolicy>true</BlockPublicPolicy>"), storedBlock(bucket));

        ToolResult blocked = tools().aws("s3api", "put-bucket-policy", "--bucket", bucket, "--policy",
                publicRead(bucket));
        assertFalse(blocked.succeeded(), blocked.describe());
        assertTrue(blocked.stderr().contains("AccessDenied"), blocked.describe());
        assertNull(storedPolicy(bucket));

        tools().aws("s3api", "delete-public-access-block", "--bucket", bucket).requireSuccess();
        tools().aws("s3api", "put-bucket-policy", "--bucket", bucket, "--policy", publicRead(bucket))
                .requireSuccess();
        assertEquals(publicRead(bucket), storedPolicy(bucket));
        ToolResult status = tools().aws("s3api", "get-bucket-policy-status", "--bucket", bucket).requireSuccess();
        assertTrue(status.stdout().replaceAll("\\s", "").contains("\"IsPublic\":true"), status.describe());

        ToolResult malformed = tools().aws("s3api", "put-bucket-policy", "--bucket", bucket, "--policy",
                publicRead("elsewhere"));
        assertTrue(malformed.stderr().contains("(MalformedPolicy)") && malformed.stderr()
                .contains("Policy has invalid resource"), malformed.describe());
        assertEquals(publicRead(bucket), storedPolicy(bucket), "the refused policy changed nothing");
    }

    @Test
    void anotherAccountCanNeitherReadNorChangeThePolicyOrTheBlock() throws Exception {
        String bucket = bucket();
        s3().putBucketPolicy(p -> p.bucket(bucket).policy(otherAccountLists(bucket)));
        var other = s3(S3TestGateway.TESTER2, S3TestGateway.TESTER2_KEY);
        assertEquals("AccessDenied", refused(() -> other.putBucketPolicy(p -> p.bucket(bucket)
                .policy(publicRead(bucket)))).awsErrorDetails().errorCode());
        assertEquals("AccessDenied", refused(() -> other.getBucketPolicy(g -> g.bucket(bucket)))
                .awsErrorDetails().errorCode());
        assertEquals("AccessDenied", refused(() -> other.deleteBucketPolicy(d -> d.bucket(bucket)))
                .awsErrorDetails().errorCode());
        assertEquals("AccessDenied", refused(() -> other.putPublicAccessBlock(p -> p.bucket(bucket)
                .publicAccessBlockConfiguration(c -> c.blockPublicPolicy(true)))).awsErrorDetails().errorCode());
        assertEquals(otherAccountLists(bucket), storedPolicy(bucket));
        assertNull(storedBlock(bucket));
    }

    @Test
    void deletingTheBucketDeletesItsPolicyAndBlock() throws Exception {
        String bucket = bucket();
        s3().putBucketPolicy(p -> p.bucket(bucket).policy(publicRead(bucket)));
        s3().putPublicAccessBlock(p -> p.bucket(bucket).publicAccessBlockConfiguration(c -> c.ignorePublicAcls(true)));
        s3().deleteBucket(d -> d.bucket(bucket));
        assertNull(storedPolicy(bucket));
        assertNull(storedBlock(bucket));
    }
}
