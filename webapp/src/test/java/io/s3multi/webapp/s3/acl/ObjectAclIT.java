package io.s3multi.webapp.s3.acl;

import static io.s3multi.webapp.s3.acl.BucketAclIT.ALL_USERS;
import static io.s3multi.webapp.s3.acl.BucketAclIT.AUTHENTICATED_USERS;
import static io.s3multi.webapp.s3.acl.BucketAclIT.code;
import static io.s3multi.webapp.s3.acl.BucketAclIT.described;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.s3multi.s3.access.acl.AccessControlList;
import io.s3multi.s3.access.acl.Grant;
import io.s3multi.s3.access.acl.Grantee;
import io.s3multi.s3.access.acl.ObjectAclMetadata;
import io.s3multi.s3.access.acl.Permission;
import io.s3multi.s3.contract.ReservedMetadata;
import io.s3multi.s3.contract.SegmentsLayout;
import io.s3multi.swift.SwiftHeaders;
import io.s3multi.swift.error.SwiftException;
import io.s3multi.swift.error.SwiftHttpStatusException;
import io.s3multi.webapp.s3.S3IntegrationTest;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.core.sync.RequestBody;
import software.amazon.awssdk.services.s3.model.BucketVersioningStatus;
import software.amazon.awssdk.services.s3.model.CompletedPart;
import software.amazon.awssdk.services.s3.model.ObjectCannedACL;
import software.amazon.awssdk.services.s3.model.ObjectOwnership;

/**
 * Object ACLs through the AWS SDK v2 (defaults), awscli and s3cmd against the dev Swift: the ACL of PutObject,
 * CopyObject and CreateMultipartUpload (kept on the marker, written at Complete), PutObjectAcl, GetObjectAcl (by
 * version), what Swift keeps (reserved metadata on the object), that tag POSTs keep it, and OwnershipControls.
 */
class ObjectAclIT extends S3IntegrationTest {

    private static final String OWNER = "AUTH_test";

    private static SwiftHeaders swiftHead(String bucket, String key) throws SwiftException {
        return swift().objects().head(bucket, key, SwiftHeaders.empty()).headers();
    }

    /** The ACL Swift keeps on the object, read back as the gateway reads it. */
    private static Optional<AccessControlList> stored(String bucket, String key) throws SwiftException {
        return ObjectAclMetadata.read(swiftHead(bucket, key));
    }

    private static List<Grant> publicRead() {
        return List.of(new Grant(new Grantee.CanonicalUser(OWNER, ""), Permission.FULL_CONTROL),
                new Grant(Grantee.Group.ALL_USERS, Permission.READ));
    }

    private String bucket() {
        String bucket = uniqueBucket();
        s3().createBucket(b -> b.bucket(bucket));
        return bucket;
    }

    @Test
    void putObjectWithACannedAclStoresItOnTheObject() throws Exception {
        String bucket = bucket();
        s3().putObject(b -> b.bucket(bucket).key("public").acl(ObjectCannedACL.PUBLIC_READ),
                RequestBody.fromString("p"));
        s3().putObject(b -> b.bucket(bucket).key("plain"), RequestBody.fromString("q"));

        assertEquals(publicRead(), stored(bucket, "public").orElseThrow().grants());
        assertTrue(swiftHead(bucket, "public").contains(ReservedMetadata.ACL_PREFIX + "1"));
        assertEquals(Optional.empty(), stored(bucket, "plain"), "no ACL asked: none stored");
        assertEquals(List.of("FULL_CONTROL " + OWNER, "READ " + ALL_USERS),
                described(s3().getObjectAcl(g -> g.bucket(bucket).key("public")).grants()));
        assertEquals(List.of("FULL_CONTROL " + OWNER),
                described(s3().getObjectAcl(g -> g.bucket(bucket).key("plain")).grants()));
        assertEquals("p", s3().getObjectAsBytes(g -> g.bucket(bucket).key("public")).asUtf8String());
    }

    @Test
    void aCopyGetsTheAclItAsksForNeverItsSources() throws Exception {
        String bucket = bucket();
        s3().putObject(b -> b.bucket(bucket).key("source").acl(ObjectCannedACL.PUBLIC_READ),
                RequestBody.fromString("s"));
        s3().copyObject(b -> b.sourceBucket(bucket).sourceKey("source").destinationBucket(bucket)
                .destinationKey("plain-copy"));
        s3().copyObject(b -> b.sourceBucket(bucket).sourceKey("source").destinationBucket(bucket)
                .destinationKey("granted-copy").grantRead("uri=\"" + AUTHENTICATED_USERS + "\""));

        assertEquals(Optional.empty(), stored(bucket, "plain-copy"), "AWS: the copy is private unless asked");
        assertEquals(List.of(new Grant(Grantee.Group.AUTHENTICATED_USERS, Permission.READ)),
                stored(bucket, "granted-copy").orElseThrow().grants());
    }

    @Test
    void aMultipartUploadKeepsItsAclOnTheMarkerUntilComplete() throws Exception {
        String bucket = bucket();
        String uploadId = s3().createMultipartUpload(b -> b.bucket(bucket).key("mpu")
                .acl(ObjectCannedACL.PUBLIC_READ)).uploadId();
        String marker = SegmentsLayout.marker("mpu", io.s3multi.s3.contract.UploadId.parse(uploadId));
        assertEquals(publicRead(), ObjectAclMetadata.read(swiftHead(SegmentsLayout.container(bucket), marker))
                .orElseThrow().grants());
        String etag = s3().uploadPart(b -> b.bucket(bucket).key("mpu").uploadId(uploadId).partNumber(1),
                RequestBody.fromString("m")).eTag();
        s3().completeMultipartUpload(b -> b.bucket(bucket).key("mpu").uploadId(uploadId)
                .multipartUpload(m -> m.parts(CompletedPart.builder().partNumber(1).eTag(etag).build())));

        assertEquals(publicRead(), stored(bucket, "mpu").orElseThrow().grants());
    }

    @Test
    void putObjectAclChangesTheAclAndTagPostsKeepIt() throws Exception {
        String bucket = bucket();
        s3().putObject(b -> b.bucket(bucket).key("k").metadata(java.util.Map.of("color", "blue")),
                RequestBody.fromString("k"));
        String etag = swiftHead(bucket, "k").get("Etag");

        s3().putObjectAcl(p -> p.bucket(bucket).key("k").acl(ObjectCannedACL.PUBLIC_READ));
        assertEquals(publicRead(), stored(bucket, "k").orElseThrow().grants());
        s3().putObjectTagging(p -> p.bucket(bucket).key("k").tagging(t -> t.tagSet(s -> s.key("a").value("b"))));
        assertEquals(publicRead(), stored(bucket, "k").orElseThrow().grants(), "the tag POST keeps the ACL");
        assertEquals("blue", swiftHead(bucket, "k").get("X-Object-Meta-Color"));
        assertEquals(etag, swiftHead(bucket, "k").get("Etag"), "bytes untouched");

        s3().putObjectAcl(p -> p.bucket(bucket).key("k").grantFullControl("id=\"AUTH_other\""));
        assertEquals(List.of(new Grant(new Grantee.CanonicalUser("AUTH_other", ""), Permission.FULL_CONTROL)),
                stored(bucket, "k").orElseThrow().grants());
        assertEquals("b", s3().getObjectTagging(g -> g.bucket(bucket).key("k")).tagSet().get(0).value(),
                "the ACL POST keeps the tags");

        assertEquals("MissingSecurityHeader", code(() -> s3().putObjectAcl(p -> p.bucket(bucket).key("k"))));
        assertEquals("NoSuchKey", code(() -> s3().putObjectAcl(p -> p.bucket(bucket).key("none")
                .acl(ObjectCannedACL.PRIVATE))));
    }

    @Test
    void getObjectAclReadsAnyVersion() throws Exception {
        String bucket = bucket();
        s3().putBucketVersioning(p -> p.bucket(bucket).versioningConfiguration(v -> v
                .status(BucketVersioningStatus.ENABLED)));
        String first = s3().putObject(b -> b.bucket(bucket).key("v").acl(ObjectCannedACL.PUBLIC_READ),
                RequestBody.fromString("1")).versionId();
        s3().putObject(b -> b.bucket(bucket).key("v"), RequestBody.fromString("2"));

        assertEquals(List.of("FULL_CONTROL " + OWNER, "READ " + ALL_USERS),
                described(s3().getObjectAcl(g -> g.bucket(bucket).key("v").versionId(first)).grants()));
        assertEquals(List.of("FULL_CONTROL " + OWNER), described(s3().getObjectAcl(g -> g.bucket(bucket)
                .key("v")).grants()));
    }

    @Test
    void bucketOwnerEnforcedTurnsAclsOffButGetAclStillAnswers() throws Exception {
        String bucket = bucket();
        s3().putBucketOwnershipControls(p -> p.bucket(bucket).ownershipControls(o -> o.rules(r -> r
                .objectOwnership(ObjectOwnership.BUCKET_OWNER_ENFORCED))));
        assertEquals(ObjectOwnership.BUCKET_OWNER_ENFORCED, s3().getBucketOwnershipControls(g -> g.bucket(bucket))
                .ownershipControls().rules().get(0).objectOwnership());

        assertEquals("AccessControlListNotSupported", code(() -> s3().putObject(b -> b.bucket(bucket).key("k")
                .acl(ObjectCannedACL.PUBLIC_READ), RequestBody.fromString("k"))));
        assertEquals("AccessControlListNotSupported", code(() -> s3().putBucketAcl(p -> p.bucket(bucket)
                .acl("public-read"))));
        assertNull(BucketAclIT.storedAcl(bucket));
        s3().putObject(b -> b.bucket(bucket).key("k").acl(ObjectCannedACL.BUCKET_OWNER_FULL_CONTROL),
                RequestBody.fromString("k"));
        assertEquals(Optional.empty(), stored(bucket, "k"));
        assertEquals(List.of("FULL_CONTROL " + OWNER), described(s3().getBucketAcl(g -> g.bucket(bucket)).grants()));

        s3().deleteBucketOwnershipControls(d -> d.bucket(bucket));
        assertEquals("OwnershipControlsNotFoundError", code(() -> s3().getBucketOwnershipControls(g -> g
                .bucket(bucket))));
        s3().putObject(b -> b.bucket(bucket).key("k").acl(ObjectCannedACL.PUBLIC_READ), RequestBody.fromString("k"));
        assertEquals(publicRead(), stored(bucket, "k").orElseThrow().grants());
    }

    @Test
    void blockPublicAclsRefusesPublicAclWritesAndStoresNothing() throws Exception {
        String bucket = bucket();
        s3().putObject(b -> b.bucket(bucket).key("k"), RequestBody.fromString("k"));
        s3().putPublicAccessBlock(p -> p.bucket(bucket).publicAccessBlockConfiguration(c -> c.blockPublicAcls(true)));

        assertEquals("AccessDenied", code(() -> s3().putObject(b -> b.bucket(bucket).key("public")
                .acl(ObjectCannedACL.PUBLIC_READ), RequestBody.fromString("p"))));
        assertEquals("AccessDenied", code(() -> s3().putObjectAcl(p -> p.bucket(bucket).key("k")
                .grantRead("uri=\"" + AUTHENTICATED_USERS + "\""))));
        assertEquals("AccessDenied", code(() -> s3().putBucketAcl(p -> p.bucket(bucket).acl("public-read"))));
        assertEquals("AccessDenied", code(() -> s3().createMultipartUpload(b -> b.bucket(bucket).key("mpu")
                .acl(ObjectCannedACL.PUBLIC_READ_WRITE))));
        assertEquals(404, org.junit.jupiter.api.Assertions.assertThrows(SwiftHttpStatusException.class,
                () -> swift().objects().head(bucket, "public", SwiftHeaders.empty())).status(), "nothing stored");
        assertEquals(Optional.empty(), stored(bucket, "k"));
        assertNull(BucketAclIT.storedAcl(bucket));

        s3().putObject(b -> b.bucket(bucket).key("granted").grantRead("id=\"AUTH_other\""),
                RequestBody.fromString("g"));
        assertEquals(List.of(new Grant(new Grantee.CanonicalUser("AUTH_other", ""), Permission.READ)),
                stored(bucket, "granted").orElseThrow().grants(), "a grant to an account is not public");
    }

    @Test
    void awscliAndS3cmdSetObjectAcls() throws Exception {
        String bucket = bucket();
        s3().putObject(b -> b.bucket(bucket).key("s3cmd"), RequestBody.fromString("c"));
        tools().aws("s3api", "put-object", "--bucket", bucket, "--key", "cli", "--acl", "authenticated-read")
                .requireSuccess();
        assertEquals(List.of(new Grant(new Grantee.CanonicalUser(OWNER, ""), Permission.FULL_CONTROL),
                new Grant(Grantee.Group.AUTHENTICATED_USERS, Permission.READ)),
                stored(bucket, "cli").orElseThrow().grants());

        tools().s3cmd("setacl", "--acl-public", "s3://" + bucket + "/s3cmd").requireSuccess();
        assertTrue(stored(bucket, "s3cmd").orElseThrow().grants()
                .contains(new Grant(Grantee.Group.ALL_USERS, Permission.READ)));
    }

    /**
     * awscli's documented grants ({@code --grant-read uri=http://...}, {@code aws s3 cp --grants read=id=...}) send
     * the grantee bare, without the quotes of AWS's API reference; AWS takes both.
     */
    @Test
    void awscliGrantsWithBareGranteesAreKept() throws Exception {
        String bucket = bucket();
        s3().putObject(b -> b.bucket(bucket).key("granted"), RequestBody.fromString("g"));
        tools().aws("s3api", "put-object-acl", "--bucket", bucket, "--key", "granted", "--grant-full-control",
                "id=" + OWNER, "--grant-read", "id=AUTH_test2,uri=" + ALL_USERS).requireSuccess();
        assertEquals(List.of(new Grant(new Grantee.CanonicalUser(OWNER, ""), Permission.FULL_CONTROL),
                new Grant(new Grantee.CanonicalUser("AUTH_test2", ""), Permission.READ),
                new Grant(Grantee.Group.ALL_USERS, Permission.READ)),
                stored(bucket, "granted").orElseThrow().grants());

        Path file = Files.createTempFile(Path.of("target"), "grants", ".txt");
        try {
            Files.writeString(file, "copied with grants");
            tools().aws("s3", "cp", file.toString(), "s3://" + bucket + "/copied", "--grants",
                    "read=uri=" + ALL_USERS, "full=id=" + OWNER).requireSuccess();
        } finally {
            Files.deleteIfExists(file);
        }
        assertEquals(List.of(new Grant(new Grantee.CanonicalUser(OWNER, ""), Permission.FULL_CONTROL),
                new Grant(Grantee.Group.ALL_USERS, Permission.READ)), stored(bucket, "copied").orElseThrow().grants());
        assertTrue(tools().curl(uri("/" + bucket + "/copied").toString()).stdout()
                .endsWith("copied with grants"));
    }
}
