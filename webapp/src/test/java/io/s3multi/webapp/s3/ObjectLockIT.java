package io.s3multi.webapp.s3;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.s3multi.s3.contract.ReservedMetadata;
import io.s3multi.swift.SwiftHeaders;
import io.s3multi.swift.container.VersionEntry;
import io.s3multi.swift.error.SwiftException;
import io.s3multi.swift.error.SwiftHttpStatusException;
import io.s3multi.webapp.s3.multipart.NativeSwiftThroughGateway;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Arrays;
import java.util.List;
import java.util.function.Consumer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.function.Executable;
import software.amazon.awssdk.core.sync.RequestBody;
import software.amazon.awssdk.http.SdkHttpMethod;
import software.amazon.awssdk.services.s3.model.CompletedPart;
import software.amazon.awssdk.services.s3.model.DeleteObjectsResponse;
import software.amazon.awssdk.services.s3.model.HeadObjectResponse;
import software.amazon.awssdk.services.s3.model.ObjectIdentifier;
import software.amazon.awssdk.services.s3.model.ObjectLockEnabled;
import software.amazon.awssdk.services.s3.model.ObjectLockLegalHoldStatus;
import software.amazon.awssdk.services.s3.model.ObjectLockMode;
import software.amazon.awssdk.services.s3.model.ObjectLockRetentionMode;
import software.amazon.awssdk.services.s3.model.PutObjectRequest;
import software.amazon.awssdk.services.s3.model.S3Exception;

/**
 * S3 Object Lock with the AWS SDK (defaults) and raw HTTP: retention (governance, compliance) and legal hold set by
 * headers, by the lock operations and by a bucket's default retention, and what they refuse; each checked against
 * what Swift stored (the versions Swift still holds, the segments in {@code <bucket>_segments}).
 */
class ObjectLockIT extends S3IntegrationTest {

    private static final int MIB = 1024 * 1024;
    private static final Instant IN_A_DAY = Instant.now().plus(1, ChronoUnit.DAYS).truncatedTo(ChronoUnit.SECONDS);

    private String lockedBucket() {
        String bucket = uniqueBucket();
        s3().createBucket(b -> b.bucket(bucket).objectLockEnabledForBucket(true));
        return bucket;
    }

    private static String put(String bucket, String key, String content, Consumer<PutObjectRequest.Builder> lock) {
        return s3().putObject(b -> {
            b.bucket(bucket).key(key);
            lock.accept(b);
        }, RequestBody.fromString(content)).versionId();
    }

    private static boolean stored(String bucket, String key, String versionId) throws SwiftException {
        return VersionedBuckets.versions(swift(), bucket, key).stream()
                .anyMatch(version -> version.versionId().equals(versionId) && !version.isDeleteMarker());
    }

    private static void assertRefused(int status, String code, Executable request) {
        S3Exception refused = assertThrows(S3Exception.class, request);
        assertEquals(status, refused.statusCode(), refused.getMessage());
        assertEquals(code, refused.awsErrorDetails().errorCode(), refused.getMessage());
    }

    @Test
    void createBucketWithObjectLockTurnsVersioningOnAndShowsTheConfiguration() throws Exception {
        String bucket = lockedBucket();
        assertEquals("True", swift().containers().head(bucket).header("X-Versions-Enabled"));
        assertEquals("Enabled", s3().getBucketVersioning(b -> b.bucket(bucket)).statusAsString());
        assertEquals(ObjectLockEnabled.ENABLED, s3().getObjectLockConfiguration(b -> b.bucket(bucket))
                .objectLockConfiguration().objectLockEnabled());
        assertNull(s3().getObjectLockConfiguration(b -> b.bucket(bucket)).objectLockConfiguration().rule());

        s3().putObjectLockConfiguration(b -> b.bucket(bucket).objectLockConfiguration(c -> c
                .objectLockEnabled(ObjectLockEnabled.ENABLED)
                .rule(r -> r.defaultRetention(d -> d.mode(ObjectLockRetentionMode.COMPLIANCE).years(2)))));
        var rule = s3().getObjectLockConfiguration(b -> b.bucket(bucket)).objectLockConfiguration().rule();
        assertEquals(ObjectLockRetentionMode.COMPLIANCE, rule.defaultRetention().mode());
        assertEquals(2, rule.defaultRetention().years());
        assertNull(rule.defaultRetention().days());

        // The default applies to a new version that asks for nothing.
        String version = put(bucket, "k", "default", b -> { });
        HeadObjectResponse head = s3().headObject(b -> b.bucket(bucket).key("k").versionId(version));
        assertEquals(ObjectLockMode.COMPLIANCE, head.objectLockMode());
        assertTrue(head.objectLockRetainUntilDate().isAfter(Instant.now().plus(700, ChronoUnit.DAYS)));
        assertRefused(409, "InvalidBucketState", () -> s3().putBucketVersioning(b -> b.bucket(bucket)
                .versioningConfiguration(v -> v.status("Suspended"))));
        assertEquals("True", swift().containers().head(bucket).header("X-Versions-Enabled"));
        // Swift itself (not the gateway) still deletes a locked version: the test cleans up that way.
        swift().objects().deleteVersion(bucket, "k", version, SwiftHeaders.empty());
    }

    @Test
    void governanceRefusesDeletesButForAnAdministratorWhoBypassesIt() throws Exception {
        String bucket = lockedBucket();
        String version = put(bucket, "gov", "governed", b -> b.objectLockMode(ObjectLockMode.GOVERNANCE)
                .objectLockRetainUntilDate(IN_A_DAY));
        HeadObjectResponse head = s3().headObject(b -> b.bucket(bucket).key("gov"));
        assertEquals(ObjectLockMode.GOVERNANCE, head.objectLockMode());
        assertEquals(IN_A_DAY, head.objectLockRetainUntilDate());

        assertRefused(403, "AccessDenied", () -> s3().deleteObject(b -> b.bucket(bucket).key("gov")
                .versionId(version)));
        assertTrue(stored(bucket, "gov", version));

        // test:tester3 may write the container (an ACL), but administers nothing: no bypass for it.
        swift().containers().post(bucket, SwiftHeaders.of("X-Container-Read", S3TestGateway.TESTER3,
                "X-Container-Write", S3TestGateway.TESTER3));
        assertRefused(403, "AccessDenied", () -> s3(S3TestGateway.TESTER3, S3TestGateway.TESTER3_KEY)
                .deleteObject(b -> b.bucket(bucket).key("gov").versionId(version).bypassGovernanceRetention(true)));
        assertTrue(stored(bucket, "gov", version));
        assertRefused(403, "AccessDenied", () -> s3(S3TestGateway.TESTER3, S3TestGateway.TESTER3_KEY)
                .putObjectRetention(b -> b.bucket(bucket).key("gov").bypassGovernanceRetention(true)
                        .retention(r -> r.mode(ObjectLockRetentionMode.GOVERNANCE)
                                .retainUntilDate(IN_A_DAY.minusSeconds(3600)))));
        assertEquals(IN_A_DAY, s3().getObjectRetention(b -> b.bucket(bucket).key("gov")).retention()
                .retainUntilDate());

        // A delete without version id writes a delete marker, as on AWS: the locked version stays.
        var marker = s3().deleteObject(b -> b.bucket(bucket).key("gov"));
        assertTrue(marker.deleteMarker());
        assertTrue(stored(bucket, "gov", version));

        s3().deleteObject(b -> b.bucket(bucket).key("gov").versionId(version).bypassGovernanceRetention(true));
        assertFalse(stored(bucket, "gov", version));
    }

    @Test
    void complianceRefusesEveryoneUntilItsDateAndCannotBeShortened() throws Exception {
        String bucket = lockedBucket();
        String version = put(bucket, "comp", "complied", b -> { });
        s3().putObjectRetention(b -> b.bucket(bucket).key("comp").versionId(version)
                .retention(r -> r.mode(ObjectLockRetentionMode.COMPLIANCE).retainUntilDate(IN_A_DAY)));
        assertEquals(ObjectLockRetentionMode.COMPLIANCE, s3().getObjectRetention(b -> b.bucket(bucket).key("comp")
                .versionId(version)).retention().mode());
        assertRefused(403, "AccessDenied", () -> s3().putObjectRetention(b -> b.bucket(bucket).key("comp")
                .bypassGovernanceRetention(true).retention(r -> r.mode(ObjectLockRetentionMode.COMPLIANCE)
                        .retainUntilDate(IN_A_DAY.minusSeconds(3600)))));
        assertRefused(403, "AccessDenied", () -> s3().putObjectRetention(b -> b.bucket(bucket).key("comp")
                .bypassGovernanceRetention(true).retention(r -> r.mode(ObjectLockRetentionMode.GOVERNANCE)
                        .retainUntilDate(IN_A_DAY.plusSeconds(60)))));
        assertRefused(403, "AccessDenied", () -> s3().deleteObject(b -> b.bucket(bucket).key("comp")
                .versionId(version).bypassGovernanceRetention(true)));
        DeleteObjectsResponse multi = s3().deleteObjects(b -> b.bucket(bucket).bypassGovernanceRetention(true)
                .delete(d -> d.objects(ObjectIdentifier.builder().key("comp").versionId(version).build())));
        assertEquals("AccessDenied", multi.errors().get(0).code());
        assertTrue(stored(bucket, "comp", version));
        assertEquals(IN_A_DAY, s3().getObjectRetention(b -> b.bucket(bucket).key("comp")).retention()
                .retainUntilDate());
        // Extending is allowed.
        s3().putObjectRetention(b -> b.bucket(bucket).key("comp").retention(r -> r
                .mode(ObjectLockRetentionMode.COMPLIANCE).retainUntilDate(IN_A_DAY.plusSeconds(60))));

        // Until the date passes every delete is refused; after it, the version goes like any other.
        Instant until = Instant.now().plusSeconds(8).truncatedTo(ChronoUnit.SECONDS);
        String brief = put(bucket, "brief", "briefly complied", b -> b.objectLockMode(ObjectLockMode.COMPLIANCE)
                .objectLockRetainUntilDate(until));
        Instant deadline = Instant.now().plusSeconds(60);
        int refusals = 0;
        while (true) {
            Instant asked = Instant.now();
            try {
                s3().deleteObject(b -> b.bucket(bucket).key("brief").versionId(brief).bypassGovernanceRetention(true));
                assertFalse(Instant.now().isBefore(until), "deleted before its retention ended");
                break;
            } catch (S3Exception refused) {
                assertEquals("AccessDenied", refused.awsErrorDetails().errorCode());
                assertTrue(asked.isBefore(until), "refused after the retention ended");
                assertTrue(Instant.now().isBefore(deadline), "still refused long after the retention ended");
                refusals++;
                Thread.sleep(250);   // polling a clock, not synchronising with another thread
            }
        }
        assertTrue(refusals > 0, "never refused while retained");
        assertFalse(stored(bucket, "brief", brief));
    }

    @Test
    void legalHoldGoesOnAndOff() throws Exception {
        String bucket = lockedBucket();
        String version = put(bucket, "held", "held", b -> b.objectLockLegalHoldStatus(ObjectLockLegalHoldStatus.ON));
        assertEquals(ObjectLockLegalHoldStatus.ON, s3().getObjectLegalHold(b -> b.bucket(bucket).key("held"))
                .legalHold().status());
        assertRefused(403, "AccessDenied", () -> s3().deleteObject(b -> b.bucket(bucket).key("held")
                .versionId(version).bypassGovernanceRetention(true)));

        s3().putObjectLegalHold(b -> b.bucket(bucket).key("held").versionId(version)
                .legalHold(h -> h.status(ObjectLockLegalHoldStatus.OFF)));
        assertEquals(ObjectLockLegalHoldStatus.OFF, s3().getObjectLegalHold(b -> b.bucket(bucket).key("held"))
                .legalHold().status());
        s3().putObjectLegalHold(b -> b.bucket(bucket).key("held")
                .legalHold(h -> h.status(ObjectLockLegalHoldStatus.ON)));
        assertRefused(403, "AccessDenied", () -> s3().deleteObject(b -> b.bucket(bucket).key("held")
                .versionId(version)));
        assertTrue(stored(bucket, "held", version));
        assertArrayEquals("held".getBytes(UTF_8), s3().getObjectAsBytes(b -> b.bucket(bucket).key("held"))
                .asByteArray());

        s3().putObjectLegalHold(b -> b.bucket(bucket).key("held")
                .legalHold(h -> h.status(ObjectLockLegalHoldStatus.OFF)));
        s3().deleteObject(b -> b.bucket(bucket).key("held").versionId(version));
        assertFalse(stored(bucket, "held", version));
    }

    @Test
    void lockedMultipartObjectKeepsItsSegmentsThroughDeleteObjects() throws Exception {
        String bucket = lockedBucket();
        s3().putObjectLockConfiguration(b -> b.bucket(bucket).objectLockConfiguration(c -> c
                .objectLockEnabled(ObjectLockEnabled.ENABLED)
                .rule(r -> r.defaultRetention(d -> d.mode(ObjectLockRetentionMode.GOVERNANCE).days(1)))));
        String uploadId = s3().createMultipartUpload(b -> b.bucket(bucket).key("big")
                .objectLockLegalHoldStatus(ObjectLockLegalHoldStatus.ON)).uploadId();
        byte[] part = new byte[5 * MIB];
        Arrays.fill(part, (byte) 'p');
        String etag1 = s3().uploadPart(b -> b.bucket(bucket).key("big").uploadId(uploadId).partNumber(1),
                RequestBody.fromBytes(part)).eTag();
        String etag2 = s3().uploadPart(b -> b.bucket(bucket).key("big").uploadId(uploadId).partNumber(2),
                RequestBody.fromBytes("tail".getBytes(UTF_8))).eTag();
        String version = s3().completeMultipartUpload(b -> b.bucket(bucket).key("big").uploadId(uploadId)
                .multipartUpload(m -> m.parts(CompletedPart.builder().partNumber(1).eTag(etag1).build(),
                        CompletedPart.builder().partNumber(2).eTag(etag2).build()))).versionId();
        HeadObjectResponse head = s3().headObject(b -> b.bucket(bucket).key("big").versionId(version));
        assertEquals(ObjectLockMode.GOVERNANCE, head.objectLockMode());
        assertEquals(ObjectLockLegalHoldStatus.ON, head.objectLockLegalHoldStatus());
        List<String> segments = S3TestGateway.objectNames(swift(), bucket + "_segments");
        assertEquals(2, segments.stream().filter(name -> name.startsWith("parts/")).count(), segments.toString());

        DeleteObjectsResponse multi = s3().deleteObjects(b -> b.bucket(bucket).bypassGovernanceRetention(true)
                .delete(d -> d.objects(ObjectIdentifier.builder().key("big").versionId(version).build())));
        assertEquals(1, multi.errors().size());
        assertEquals("AccessDenied", multi.errors().get(0).code());
        s3().putObjectLegalHold(b -> b.bucket(bucket).key("big").legalHold(h -> h.status(
                ObjectLockLegalHoldStatus.OFF)));
        multi = s3().deleteObjects(b -> b.delete(d -> d.objects(ObjectIdentifier.builder().key("big")
                .versionId(version).build())).bucket(bucket));
        assertEquals("AccessDenied", multi.errors().get(0).code(), "governance without bypass");
        // A delete marker hides the key; the version and its segments stay.
        s3().deleteObjects(b -> b.bucket(bucket).delete(d -> d.objects(ObjectIdentifier.builder().key("big")
                .build())));

        assertEquals(segments, S3TestGateway.objectNames(swift(), bucket + "_segments"));
        byte[] read = s3().getObjectAsBytes(b -> b.bucket(bucket).key("big").versionId(version)).asByteArray();
        assertEquals(5 * MIB + 4, read.length);
        assertEquals("tail", new String(read, 5 * MIB, 4, UTF_8));

        // An administrator bypassing governance deletes the version, and with it its upload's segments.
        multi = s3().deleteObjects(b -> b.bucket(bucket).bypassGovernanceRetention(true)
                .delete(d -> d.objects(ObjectIdentifier.builder().key("big").versionId(version).build())));
        assertTrue(multi.errors().isEmpty(), multi.errors().toString());
        assertFalse(stored(bucket, "big", version));
        assertTrue(S3TestGateway.objectNames(swift(), bucket + "_segments").stream()
                .noneMatch(name -> name.startsWith("parts/")));
    }

    @Test
    void badInputIsRefusedAsAwsRefusesItAndChangesNothing() throws Exception {
        String plain = uniqueBucket();
        s3().createBucket(b -> b.bucket(plain));
        put(plain, "p", "plain", b -> { });
        assertRefused(404, "ObjectLockConfigurationNotFoundError",
                () -> s3().getObjectLockConfiguration(b -> b.bucket(plain)));
        assertRefused(400, "InvalidRequest", () -> s3().putObjectRetention(b -> b.bucket(plain).key("p")
                .retention(r -> r.mode(ObjectLockRetentionMode.GOVERNANCE).retainUntilDate(IN_A_DAY))));
        assertRefused(400, "InvalidRequest", () -> s3().putObjectLegalHold(b -> b.bucket(plain).key("p")
                .legalHold(h -> h.status(ObjectLockLegalHoldStatus.ON))));
        assertRefused(400, "InvalidRequest", () -> put(plain, "q", "lock", b -> b
                .objectLockMode(ObjectLockMode.GOVERNANCE).objectLockRetainUntilDate(IN_A_DAY)));
        // Object Lock needs versioning Enabled on an existing bucket.
        assertRefused(409, "InvalidBucketState", () -> s3().putObjectLockConfiguration(b -> b.bucket(plain)
                .objectLockConfiguration(c -> c.objectLockEnabled(ObjectLockEnabled.ENABLED))));
        assertEquals(List.of("p"), S3TestGateway.objectNames(swift(), plain));
        SwiftHeaders stored = swift().objects().head(plain, "p", SwiftHeaders.empty()).headers();
        assertTrue(stored.names().stream().noneMatch(name -> name.toLowerCase().contains("lock")), stored.toString());
        assertNull(swift().containers().head(plain).header("X-Versions-Enabled"));

        String bucket = lockedBucket();
        String version = put(bucket, "k", "content", b -> { });
        Instant past = Instant.now().minusSeconds(60);
        assertRefused(400, "InvalidArgument", () -> s3().putObjectRetention(b -> b.bucket(bucket).key("k")
                .retention(r -> r.mode(ObjectLockRetentionMode.GOVERNANCE).retainUntilDate(past))));
        assertRefused(400, "InvalidArgument", () -> put(bucket, "new", "x", b -> b
                .objectLockMode(ObjectLockMode.COMPLIANCE).objectLockRetainUntilDate(past)));
        assertRefused(400, "InvalidArgument", () -> put(bucket, "new", "x", b -> b
                .objectLockMode(ObjectLockMode.COMPLIANCE)));
        assertRefused(400, "InvalidArgument", () -> s3().putObjectLockConfiguration(b -> b.bucket(bucket)
                .objectLockConfiguration(c -> c.objectLockEnabled(ObjectLockEnabled.ENABLED)
                        .rule(r -> r.defaultRetention(d -> d.mode(ObjectLockRetentionMode.GOVERNANCE).days(0))))));
        String path = "/" + bucket + "/k";
        for (String xml : List.of("<Retention><Mode>GOVERNANCE", "<Retention><Mode>FOREVER</Mode>"
                + "<RetainUntilDate>2099-01-01T00:00:00Z</RetainUntilDate></Retention>",
                "<Retention><Mode>GOVERNANCE</Mode></Retention>")) {
            RawResponse answer = RawS3.sendXml(gateway(), SdkHttpMethod.PUT, path, "retention", xml, true);
            assertEquals(400, answer.status(), answer.toString());
            assertEquals("MalformedXML", answer.errorCode(), answer.toString());
        }
        RawResponse hold = RawS3.sendXml(gateway(), SdkHttpMethod.PUT, path, "legal-hold",
                "<LegalHold><Status>MAYBE</Status></LegalHold>", true);
        assertEquals("MalformedXML", hold.errorCode(), hold.toString());
        RawResponse both = RawS3.sendXml(gateway(), SdkHttpMethod.PUT, "/" + bucket, "object-lock",
                "<ObjectLockConfiguration><ObjectLockEnabled>Enabled</ObjectLockEnabled><Rule><DefaultRetention>"
                        + "<Mode>GOVERNANCE</Mode><Days>1</Days><Years>1</Years></DefaultRetention></Rule>"
                        + "</ObjectLockConfiguration>", true);
        assertEquals("MalformedXML", both.errorCode(), both.toString());

        List<VersionEntry> versions = VersionedBuckets.versions(swift(), bucket);
        assertEquals(1, versions.size(), versions.toString());
        assertEquals(version, versions.get(0).versionId());
        SwiftHeaders object = swift().objects().head(bucket, "k", SwiftHeaders.empty()).headers();
        assertTrue(object.names().stream().noneMatch(name -> name.toLowerCase().contains("lock")), object.toString());
        assertEquals("Enabled", swift().containers().head(bucket).header(ReservedMetadata.CONTAINER_OBJECT_LOCK));
    }

    @Test
    void nativeSwiftThroughTheGatewayCannotDeleteOrOverwriteALockedObject() throws Exception {
        String bucket = lockedBucket();
        String version = put(bucket, "locked", "keep me", b -> b.objectLockMode(ObjectLockMode.GOVERNANCE)
                .objectLockRetainUntilDate(IN_A_DAY));
        put(bucket, "free", "may go", b -> { });
        var swiftApi = new NativeSwiftThroughGateway(gateway());

        assertEquals(403, swiftApi.send("DELETE", bucket + "/locked", null).statusCode());
        assertEquals(403, swiftApi.send("DELETE", bucket + "/locked?version-id=" + version, null).statusCode());
        assertEquals(403, swiftApi.send("PUT", bucket + "/locked", "overwritten".getBytes(UTF_8)).statusCode());
        assertEquals(403, swiftApi.send("POST", bucket + "/locked", null, "X-Object-Meta-Color", "red")
                .statusCode());
        assertEquals(403, swiftApi.send("POST", bucket, null, "X-Versions-Enabled", "false").statusCode());
        assertEquals(List.of(version), VersionedBuckets.versions(swift(), bucket, "locked").stream()
                .map(VersionEntry::versionId).toList());
        assertEquals("keep me", new String(VersionedBuckets.read(swift(), bucket, "locked", version), UTF_8));
        assertEquals("True", swift().containers().head(bucket).header("X-Versions-Enabled"));

        swiftApi.ok("DELETE", bucket + "/free", null);
        SwiftHttpStatusException gone = assertThrows(SwiftHttpStatusException.class,
                () -> swift().objects().head(bucket, "free", SwiftHeaders.empty()));
        assertEquals(404, gone.status());
    }
}
