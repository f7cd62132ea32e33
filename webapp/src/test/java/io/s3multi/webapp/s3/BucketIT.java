package io.s3multi.webapp.s3;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.s3multi.swift.SwiftAccount;
import io.s3multi.swift.SwiftHeaders;
import io.s3multi.swift.error.SwiftException;
import io.s3multi.swift.error.SwiftHttpStatusException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.function.Executable;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.model.BucketAlreadyExistsException;
import software.amazon.awssdk.services.s3.model.BucketAlreadyOwnedByYouException;
import software.amazon.awssdk.services.s3.model.BucketCannedACL;
import software.amazon.awssdk.services.s3.model.GetBucketAclResponse;
import software.amazon.awssdk.services.s3.model.HeadBucketResponse;
import software.amazon.awssdk.services.s3.model.ListBucketsResponse;
import software.amazon.awssdk.services.s3.model.NoSuchBucketException;
import software.amazon.awssdk.services.s3.model.Permission;
import software.amazon.awssdk.services.s3.model.S3Exception;

/**
 * Bucket operations with the AWS SDK for Java v2 (default settings), awscli and boto3, checked against what
 * Swift and the bucket registry hold.
 */
class BucketIT extends S3IntegrationTest {

    private final List<String> recorded = new ArrayList<>();

    /** A fresh bucket name whose registry record is removed after the test too. */
    private String bucket() {
        String bucket = uniqueBucket();
        recorded.add(bucket);
        return bucket;
    }

    @AfterEach
    void forgetRegistryRecords() {
        recorded.forEach(bucket -> RegistryRecords.forget(gateway(), bucket));
    }

    private static S3Client tester2() {
        return s3(S3TestGateway.TESTER2, S3TestGateway.TESTER2_KEY);
    }

    private static SwiftAccount swift2() {
        return gateway().swift(S3TestGateway.TESTER2, S3TestGateway.TESTER2_KEY);
    }

    @Test
    void createBucketMakesAContainerThatListBucketsShows() throws SwiftException {
        String bucket = bucket();
        Instant before = Instant.now().minusSeconds(5);
        s3().createBucket(b -> b.bucket(bucket));
        assertEquals(204, swift().containers().head(bucket).status());
        assertEquals("AUTH_test", RegistryRecords.owner(gateway(), bucket));

        swift().containers().create(bucket + "_segments", SwiftHeaders.empty());
        String notABucketName = "Upper-" + bucket;
        swift().containers().create(notABucketName, SwiftHeaders.empty());
        ListBucketsResponse buckets;
        try {
            buckets = s3().listBuckets();
        } finally {
            S3TestGateway.deleteContainer(swift(), notABucketName);
        }
        assertEquals("AUTH_test", buckets.owner().id());
        assertEquals("test:tester", buckets.owner().displayName());
        var listed = buckets.buckets().stream().filter(b -> b.name().equals(bucket)).findFirst().orElseThrow();
        assertTrue(listed.creationDate().isAfter(before), listed.toString());
        assertTrue(listed.creationDate().isBefore(Instant.now().plus(Duration.ofMinutes(1))), listed.toString());
        assertTrue(buckets.buckets().stream().noneMatch(b -> b.name().contains("_")), buckets.toString());
        assertTrue(buckets.buckets().stream().noneMatch(b -> b.name().equals(notABucketName)), buckets.toString());
    }

    @Test
    void headBucketAnswers200AndTheRegion() {
        String bucket = bucket();
        s3().createBucket(b -> b.bucket(bucket));
        HeadBucketResponse head = s3().headBucket(b -> b.bucket(bucket));
        assertEquals(200, head.sdkHttpResponse().statusCode());
        assertEquals("us-east-1", head.bucketRegion());
    }

    @Test
    void headOfAMissingBucketIs404AndOfAnotherAccountsBucket403() {
        String bucket = bucket();
        assertThrows(NoSuchBucketException.class, () -> s3().headBucket(b -> b.bucket(bucket)));
        s3().createBucket(b -> b.bucket(bucket));
        S3Exception denied = assertThrows(S3Exception.class, () -> tester2().headBucket(b -> b.bucket(bucket)));
        assertEquals(403, denied.statusCode());
    }

    @Test
    void creatingYourOwnBucketAgainIsBucketAlreadyOwnedByYou() {
        String bucket = bucket();
        s3().createBucket(b -> b.bucket(bucket));
        BucketAlreadyOwnedByYouException again = assertThrows(BucketAlreadyOwnedByYouException.class,
                () -> s3().createBucket(b -> b.bucket(bucket)));
        assertEquals(409, again.statusCode());
    }

    @Test
    void aNameAnotherAccountOwnsIsBucketAlreadyExistsAndTest2GetsNoContainer() throws SwiftException {
        String bucket = bucket();
        s3().createBucket(b -> b.bucket(bucket));
        BucketAlreadyExistsException taken = assertThrows(BucketAlreadyExistsException.class,
                () -> tester2().createBucket(b -> b.bucket(bucket)));
        assertEquals(409, taken.statusCode());
        assertEquals("BucketAlreadyExists", taken.awsErrorDetails().errorCode());
        assertContainerMissing(swift2(), bucket);
        assertEquals("AUTH_test", RegistryRecords.owner(gateway(), bucket));
    }

    @Test
    void everyOperationOnAnotherAccountsBucketIsAccessDenied() throws SwiftException {
        String bucket = bucket();
        s3().createBucket(b -> b.bucket(bucket));
        swift().objects().put(bucket, "private", "x".getBytes(StandardCharsets.UTF_8), SwiftHeaders.empty());
        S3Client other = tester2();
        List<Executable> operations = List.of(
                () -> other.listObjectsV2(b -> b.bucket(bucket)),
                () -> other.listObjects(b -> b.bucket(bucket)),
                () -> other.listObjectVersions(b -> b.bucket(bucket)),
                () -> other.getBucketLocation(b -> b.bucket(bucket)),
                () -> other.getBucketAcl(b -> b.bucket(bucket)),
                () -> other.getBucketVersioning(b -> b.bucket(bucket)),
                () -> other.deleteBucket(b -> b.bucket(bucket)));
        for (Executable operation : operations) {
            S3Exception denied = assertThrows(S3Exception.class, operation);
            assertEquals("AccessDenied", denied.awsErrorDetails().errorCode(), denied.toString());
            assertEquals(403, denied.statusCode());
        }
        assertEquals(204, swift().containers().head(bucket).status());
        assertContainerMissing(swift2(), bucket);
    }

    @Test
    void deleteBucketRefusesANonEmptyBucketThenFreesTheNameForEveryone() throws SwiftException {
        String bucket = bucket();
        s3().createBucket(b -> b.bucket(bucket));
        swift().objects().put(bucket, "k", "v".getBytes(StandardCharsets.UTF_8), SwiftHeaders.empty());
        S3Exception notEmpty = assertThrows(S3Exception.class, () -> s3().deleteBucket(b -> b.bucket(bucket)));
        assertEquals("BucketNotEmpty", notEmpty.awsErrorDetails().errorCode());
        assertEquals(409, notEmpty.statusCode());
        assertEquals(204, swift().containers().head(bucket).status());

        swift().objects().delete(bucket, "k", SwiftHeaders.empty());
        assertEquals(204, s3().deleteBucket(b -> b.bucket(bucket)).sdkHttpResponse().statusCode());
        assertContainerMissing(swift(), bucket);
        assertNull(RegistryRecords.owner(gateway(), bucket));

        tester2().createBucket(b -> b.bucket(bucket));
        assertEquals(204, swift2().containers().head(bucket).status());
        assertEquals("AUTH_test2", RegistryRecords.owner(gateway(), bucket));
        tester2().deleteBucket(b -> b.bucket(bucket));
        assertContainerMissing(swift2(), bucket);
    }

    @Test
    void aCreateThatSwiftRefusesLeavesNoRegistryRecord() throws SwiftException {
        String bucket = bucket();
        // test:tester3 has no .admin: Swift refuses it a container, after the registry granted the name.
        S3Exception denied = assertThrows(S3Exception.class,
                () -> s3(S3TestGateway.TESTER3, S3TestGateway.TESTER3_KEY).createBucket(b -> b.bucket(bucket)));
        assertEquals("AccessDenied", denied.awsErrorDetails().errorCode(), denied.toString());
        assertContainerMissing(swift(), bucket);
        assertNull(RegistryRecords.owner(gateway(), bucket));
        s3().createBucket(b -> b.bucket(bucket));
        assertEquals("AUTH_test", RegistryRecords.owner(gateway(), bucket));
    }

    @Test
    void deletingAMissingBucketIsNoSuchBucket() {
        assertThrows(NoSuchBucketException.class, () -> s3().deleteBucket(b -> b.bucket(bucket())));
    }

    @Test
    void getBucketLocationIsTheEmptyElementOfUsEast1() {
        String bucket = bucket();
        s3().createBucket(b -> b.bucket(bucket));
        var location = s3().getBucketLocation(b -> b.bucket(bucket));
        assertTrue(location.locationConstraintAsString() == null || location.locationConstraintAsString().isEmpty(),
                location.toString());
    }

    @Test
    void aLocationConstraintOtherThanTheGatewaysCreatesNothing() throws SwiftException {
        String bucket = bucket();
        S3Exception refused = assertThrows(S3Exception.class, () -> s3().createBucket(b -> b.bucket(bucket)
                .createBucketConfiguration(c -> c.locationConstraint("eu-west-1"))));
        assertEquals("InvalidLocationConstraint", refused.awsErrorDetails().errorCode());
        assertEquals(400, refused.statusCode());
        assertContainerMissing(swift(), bucket);
        assertNull(RegistryRecords.owner(gateway(), bucket));
    }

    @Test
    void thePrivateAclIsTheOwnerWithFullControlAndPublicReadAddsEveryone() {
        String bucket = bucket();
        s3().createBucket(b -> b.bucket(bucket).acl(BucketCannedACL.PRIVATE));
        GetBucketAclResponse acl = s3().getBucketAcl(b -> b.bucket(bucket));
        assertEquals("AUTH_test", acl.owner().id());
        assertEquals(1, acl.grants().size());
        assertEquals(Permission.FULL_CONTROL, acl.grants().get(0).permission());
        assertEquals("AUTH_test", acl.grants().get(0).grantee().id());
        s3().putBucketAcl(b -> b.bucket(bucket).acl(BucketCannedACL.PUBLIC_READ));
        GetBucketAclResponse open = s3().getBucketAcl(b -> b.bucket(bucket));
        assertEquals(2, open.grants().size(), open.grants().toString());
        assertTrue(open.grants().stream().anyMatch(grant -> grant.permission() == Permission.READ
                && "http://acs.amazonaws.com/groups/global/AllUsers".equals(grant.grantee().uri())),
                open.grants().toString());
    }

    @Test
    void anUnknownCannedAclIsRefusedAndCreatesNothing() throws SwiftException {
        String bucket = bucket();
        S3Exception refused = assertThrows(S3Exception.class,
                () -> s3().createBucket(b -> b.bucket(bucket).acl("public-reed")));
        assertEquals("InvalidArgument", refused.awsErrorDetails().errorCode());
        assertContainerMissing(swift(), bucket);
    }

    @Test
    void anUntaggedBucketHasNoTagSet() {
        String bucket = bucket();
        s3().createBucket(b -> b.bucket(bucket));
        S3Exception none = assertThrows(S3Exception.class, () -> s3().getBucketTagging(b -> b.bucket(bucket)));
        assertEquals("NoSuchTagSet", none.awsErrorDetails().errorCode());
        assertEquals(404, none.statusCode());
    }

    @Test
    void invalidBucketNamesAreRefusedAndSwiftStoresNothing() throws SwiftException {
        String suffix = Long.toString(System.nanoTime());
        List<String> invalid = List.of("Upper" + suffix, "under_score" + suffix, "ab", "192.168.5.4",
                "dash-" + suffix + "-", "dots.." + suffix);
        for (String name : invalid) {
            ToolResult cli = tools().aws("s3api", "create-bucket", "--bucket", name);
            assertFalse(cli.succeeded(), cli.describe());
            assertTrue(cli.stderr().contains("InvalidBucketName"), name + ": " + cli.describe());
            assertContainerMissing(swift(), name);
        }
    }

    @Test
    void awscliMakesListsAndRemovesBuckets() throws SwiftException {
        String bucket = bucket();
        tools().aws("s3", "mb", "s3://" + bucket).requireSuccess();
        assertEquals(204, swift().containers().head(bucket).status());
        ToolResult ls = tools().aws("s3", "ls").requireSuccess();
        assertTrue(ls.stdout().lines().anyMatch(line -> line.endsWith(" " + bucket)), ls.describe());
        ToolResult again = tools().aws("s3", "mb", "s3://" + bucket);
        assertFalse(again.succeeded(), again.describe());
        assertTrue(again.stderr().contains("BucketAlreadyOwnedByYou"), again.describe());
        tools().aws("s3", "rb", "s3://" + bucket).requireSuccess();
        assertContainerMissing(swift(), bucket);
    }

    @Test
    void boto3SeesBucketsAndTheirRegion() {
        String bucket = bucket();
        s3().createBucket(b -> b.bucket(bucket));
        ToolResult result = tools().boto3(String.join("\n",
                "s3 = s3_client()",
                "names = [b['Name'] for b in s3.list_buckets()['Buckets']]",
                "expect('" + bucket + "' in names, names)",
                "print(s3.head_bucket(Bucket='" + bucket + "')['ResponseMetadata']['HTTPStatusCode'])",
                "print(repr(s3.get_bucket_location(Bucket='" + bucket + "')['LocationConstraint']))"));
        result.requireSuccess();
        assertEquals(List.of("200", "None"), result.stdout().lines().toList(), result.describe());
    }

    private static void assertContainerMissing(SwiftAccount account, String container) throws SwiftException {
        try {
            account.containers().head(container);
            throw new AssertionError("Swift has a container " + container);
        } catch (SwiftHttpStatusException e) {
            assertEquals(404, e.status(), e.toString());
        }
    }
}
