package io.s3multi.webapp.s3.acl;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.s3multi.s3.contract.RegistryLayout;
import io.s3multi.swift.SwiftHeaders;
import io.s3multi.swift.error.SwiftException;
import io.s3multi.swift.http.SwiftResponse;
import io.s3multi.webapp.s3.S3IntegrationTest;
import io.s3multi.webapp.s3.S3TestGateway;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.s3.model.BucketCannedACL;
import software.amazon.awssdk.services.s3.model.GetBucketAclResponse;
import software.amazon.awssdk.services.s3.model.Grant;
import software.amazon.awssdk.services.s3.model.Grantee;
import software.amazon.awssdk.services.s3.model.Permission;
import software.amazon.awssdk.services.s3.model.S3Exception;
import software.amazon.awssdk.services.s3.model.Type;

/**
 * Bucket ACLs through the AWS SDK v2 (defaults) and awscli against the dev Swift: CreateBucket's canned ACL and
 * grant headers, PutBucketAcl with a canned ACL, grant headers or an AccessControlPolicy body, GetBucketAcl, and
 * what Swift keeps (the registry object {@code acl}; none for the owner's full control).
 */
class BucketAclIT extends S3IntegrationTest {

    static final String ALL_USERS = "http://acs.amazonaws.com/groups/global/AllUsers";
    static final String AUTHENTICATED_USERS = "http://acs.amazonaws.com/groups/global/AuthenticatedUsers";

    /** The ACL document in the bucket's registry record, or null. */
    static String storedAcl(String bucket) throws SwiftException, IOException {
        if (!S3TestGateway.objectNames(gateway().registry(), bucket).contains(RegistryLayout.ACL)) {
            return null;
        }
        try (SwiftResponse stored = gateway().registry().objects().get(bucket, RegistryLayout.ACL,
                SwiftHeaders.empty())) {
            return new String(stored.body().readAllBytes(), StandardCharsets.UTF_8);
        }
    }

    /** Grants as {@code PERMISSION id|uri}, in order. */
    static List<String> described(List<Grant> grants) {
        return grants.stream().map(grant -> grant.permissionAsString() + " "
                + (grant.grantee().type() == Type.GROUP ? grant.grantee().uri() : grant.grantee().id()))
                .collect(Collectors.toList());
    }

    private static String owner() {
        return s3().listBuckets().owner().id();
    }

    @Test
    void createBucketWithPublicReadStoresTheAclAndGetBucketAclAnswersIt() throws Exception {
        String bucket = uniqueBucket();
        s3().createBucket(b -> b.bucket(bucket).acl(BucketCannedACL.PUBLIC_READ));

        GetBucketAclResponse acl = s3().getBucketAcl(g -> g.bucket(bucket));
        assertEquals(owner(), acl.owner().id());
        assertEquals(List.of("FULL_CONTROL " + owner(), "READ " + ALL_USERS), described(acl.grants()));
        String stored = storedAcl(bucket);
        assertTrue(stored != null && stored.contains("<URI>" + ALL_USERS + "</URI>")
                && stored.contains("<Permission>READ</Permission>"), String.valueOf(stored));
    }

    @Test
    void putBucketAclCannedGrantsAndBodyEachReplaceTheAcl() throws Exception {
        String bucket = uniqueBucket();
        s3().createBucket(b -> b.bucket(bucket));
        assertNull(storedAcl(bucket), "a new bucket has no ACL object: its owner's full control");
        assertEquals(List.of("FULL_CONTROL " + owner()), described(s3().getBucketAcl(g -> g.bucket(bucket)).grants()));

        s3().putBucketAcl(p -> p.bucket(bucket).acl(BucketCannedACL.AUTHENTICATED_READ));
        assertEquals(List.of("FULL_CONTROL " + owner(), "READ " + AUTHENTICATED_USERS),
                described(s3().getBucketAcl(g -> g.bucket(bucket)).grants()));

        s3().putBucketAcl(p -> p.bucket(bucket).grantRead("id=\"AUTH_other\", uri=\"" + ALL_USERS + "\"")
                .grantWriteACP("id=\"AUTH_other\""));
        assertEquals(List.of("READ AUTH_other", "READ " + ALL_USERS, "WRITE_ACP AUTH_other"),
                described(s3().getBucketAcl(g -> g.bucket(bucket)).grants()));

        String owner = owner();
        s3().putBucketAcl(p -> p.bucket(bucket).accessControlPolicy(a -> a.owner(o -> o.id(owner)).grants(
                Grant.builder().grantee(Grantee.builder().type(Type.CANONICAL_USER).id(owner).build())
                        .permission(Permission.FULL_CONTROL).build(),
                Grant.builder().grantee(Grantee.builder().type(Type.CANONICAL_USER).id("AUTH_other").build())
                        .permission(Permission.WRITE).build())));
        assertEquals(List.of("FULL_CONTROL " + owner, "WRITE AUTH_other"),
                described(s3().getBucketAcl(g -> g.bucket(bucket)).grants()));
        assertTrue(storedAcl(bucket).contains("<ID>AUTH_other</ID>"));

        s3().putBucketAcl(p -> p.bucket(bucket).acl(BucketCannedACL.PRIVATE));
        assertNull(storedAcl(bucket), "private is the default: the ACL object is removed");
        assertEquals(List.of("FULL_CONTROL " + owner), described(s3().getBucketAcl(g -> g.bucket(bucket)).grants()));
    }

    @Test
    void badAclsAreRefusedAsAwsRefusesThemAndChangeNothing() throws Exception {
        String bucket = uniqueBucket();
        s3().createBucket(b -> b.bucket(bucket).acl(BucketCannedACL.PUBLIC_READ));
        String before = storedAcl(bucket);

        assertEquals("InvalidArgument", code(() -> s3().putBucketAcl(p -> p.bucket(bucket).acl("no-such-acl"))));
        assertEquals("UnresolvableGrantByEmailAddress", code(() -> s3().putBucketAcl(p -> p.bucket(bucket)
                .grantRead("emailAddress=\"someone@example.com\""))));
        assertEquals("InvalidArgument", code(() -> s3().putBucketAcl(p -> p.bucket(bucket)
                .grantRead("uri=\"http://acs.amazonaws.com/groups/global/NoSuchGroup\""))));
        assertEquals("InvalidRequest", code(() -> s3().putBucketAcl(p -> p.bucket(bucket)
                .acl(BucketCannedACL.PRIVATE).grantRead("uri=\"" + ALL_USERS + "\""))));
        assertEquals("InvalidArgument", code(() -> s3().createBucket(b -> b.bucket(bucket + "-bad")
                .acl("no-such-acl"))));
        assertEquals(before, storedAcl(bucket));
        assertFalse(S3TestGateway.objectNames(gateway().registry(), bucket + "-bad").contains(RegistryLayout.ACL));
    }

    @Test
    void awscliMakesAPublicReadBucketAndPutsBucketAcls() throws Exception {
        String bucket = uniqueBucket();
        // Debian's awscli (v1) has no --acl on "s3 mb"; s3api create-bucket sends the same request.
        tools().aws("s3api", "create-bucket", "--bucket", bucket, "--acl", "public-read").requireSuccess();
        assertTrue(storedAcl(bucket).contains(ALL_USERS));

        tools().aws("s3api", "put-bucket-acl", "--bucket", bucket, "--acl", "public-read-write").requireSuccess();
        assertEquals(List.of("FULL_CONTROL " + owner(), "READ " + ALL_USERS, "WRITE " + ALL_USERS),
                described(s3().getBucketAcl(g -> g.bucket(bucket)).grants()));
    }

    static String code(org.junit.jupiter.api.function.Executable call) {
        return assertThrows(S3Exception.class, call).awsErrorDetails().errorCode();
    }
}
