package io.s3multi.webapp.s3.access;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;

import io.s3multi.swift.SwiftHeaders;
import io.s3multi.swift.SwiftReply;
import io.s3multi.webapp.s3.S3IntegrationTest;
import io.s3multi.webapp.s3.S3TestGateway;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.core.sync.RequestBody;
import software.amazon.awssdk.services.s3.model.AccessControlPolicy;
import software.amazon.awssdk.services.s3.model.Grant;
import software.amazon.awssdk.services.s3.model.Grantee;
import software.amazon.awssdk.services.s3.model.Owner;
import software.amazon.awssdk.services.s3.model.Permission;
import software.amazon.awssdk.services.s3.model.S3Exception;
import software.amazon.awssdk.services.s3.model.Tag;
import software.amazon.awssdk.services.s3.model.Tagging;
import software.amazon.awssdk.services.s3.model.Type;

/**
 * An object's tags and its ACL share Swift's 4 KiB of metadata per object: a large tag set (ten tags within AWS's
 * limits) beside an ACL of twenty grants does not fit. Whichever is written last is refused with AWS's error,
 * before Swift sees it: PutObjectAcl with {@code MalformedACLError}, PutObject with both with {@code InvalidTag};
 * Swift keeps what it had.
 */
class MetadataRoomIT extends S3IntegrationTest {

    private static final List<String> GRANTEES = IntStream.range(0, 20)
            .mapToObj(i -> String.format("AUTH_grantee%020d", i)).toList();

    @Test
    void tagsAndAnAclThatDoNotFitTogetherAreRefusedAndNothingChanges() throws Exception {
        String bucket = uniqueBucket();
        s3().createBucket(b -> b.bucket(bucket));
        Tagging large = Tagging.builder().tagSet(IntStream.range(0, 10).mapToObj(i -> Tag.builder()
                .key(i + "k".repeat(89)).value("v".repeat(200)).build()).toList()).build();
        s3().putObject(b -> b.bucket(bucket).key("tagged").tagging(large), RequestBody.fromString("t"));

        List<Grant> grants = new ArrayList<>(List.of(Grant.builder().permission(Permission.FULL_CONTROL)
                .grantee(canonical("AUTH_test")).build()));
        GRANTEES.forEach(id -> grants.add(Grant.builder().permission(Permission.READ).grantee(canonical(id)).build()));
        S3Exception aclRefused = assertThrows(S3Exception.class, () -> s3().putObjectAcl(b -> b.bucket(bucket)
                .key("tagged").accessControlPolicy(AccessControlPolicy.builder()
                        .owner(Owner.builder().id("AUTH_test").build()).grants(grants).build())));
        assertEquals(400, aclRefused.statusCode());
        assertEquals("MalformedACLError", aclRefused.awsErrorDetails().errorCode());
        SwiftReply kept = swift().objects().head(bucket, "tagged", SwiftHeaders.empty());
        assertNull(kept.header("X-Object-Meta-S3multi-Acl-1"));
        assertNotNull(kept.header("X-Object-Meta-S3multi-Tags-1"));
        assertEquals(10, s3().getObjectTagging(b -> b.bucket(bucket).key("tagged")).tagSet().size());

        String readers = GRANTEES.stream().map(id -> "id=\"" + id + "\"").collect(Collectors.joining(", "));
        S3Exception tagsRefused = assertThrows(S3Exception.class, () -> s3().putObject(b -> b.bucket(bucket)
                .key("both").tagging(large).grantRead(readers), RequestBody.fromString("b")));
        assertEquals(400, tagsRefused.statusCode());
        assertEquals("InvalidTag", tagsRefused.awsErrorDetails().errorCode());
        assertEquals(List.of("tagged"), S3TestGateway.objectNames(swift(), bucket));
    }

    private static Grantee canonical(String id) {
        return Grantee.builder().type(Type.CANONICAL_USER).id(id).build();
    }
}
