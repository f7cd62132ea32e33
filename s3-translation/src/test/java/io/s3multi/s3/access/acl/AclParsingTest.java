package io.s3multi.s3.access.acl;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.s3multi.s3.contract.ReservedMetadata;
import io.s3multi.s3.error.S3Exception;
import io.s3multi.swift.SwiftHeaders;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/** Canned expansion, grant headers, AccessControlPolicy documents and the stored form of an object's ACL. */
class AclParsingTest {

    private static final Grantee.CanonicalUser OWNER = new Grantee.CanonicalUser("AUTH_test", "test:tester");
    private static final Grantee.CanonicalUser OTHER = new Grantee.CanonicalUser("AUTH_other", "");

    @Test
    void cannedAclsExpandAsAwsDocumentsThem() {
        assertEquals(List.of(new Grant(OWNER, Permission.FULL_CONTROL)), CannedAcl.parse("private")
                .expand(OWNER, OWNER).grants());
        assertEquals(List.of(new Grant(OWNER, Permission.FULL_CONTROL),
                new Grant(Grantee.Group.ALL_USERS, Permission.READ), new Grant(Grantee.Group.ALL_USERS,
                        Permission.WRITE)), CannedAcl.parse(" public-read-write ").expand(OWNER, OWNER).grants());
        assertEquals(List.of(new Grant(OWNER, Permission.FULL_CONTROL),
                new Grant(Grantee.Group.AUTHENTICATED_USERS, Permission.READ)),
                CannedAcl.parse("authenticated-read").expand(OWNER, OWNER).grants());
        assertEquals(List.of(new Grant(OTHER, Permission.FULL_CONTROL), new Grant(OWNER, Permission.READ)),
                CannedAcl.parse("bucket-owner-read").expand(OTHER, OWNER).grants());
        assertEquals(List.of(new Grant(OWNER, Permission.FULL_CONTROL)),
                CannedAcl.parse("bucket-owner-full-control").expand(OWNER, OWNER).grants(),
                "the writer owns the bucket: nothing beyond private");
        assertEquals(List.of(new Grant(OWNER, Permission.FULL_CONTROL),
                new Grant(Grantee.Group.LOG_DELIVERY, Permission.WRITE),
                new Grant(Grantee.Group.LOG_DELIVERY, Permission.READ_ACP)),
                CannedAcl.parse("log-delivery-write").expand(OWNER, OWNER).grants());
    }

    @Test
    void anUnknownCannedAclIsInvalidArgument() {
        assertEquals("InvalidArgument", assertThrows(S3Exception.class, () -> CannedAcl.parse("public"))
                .code().wireCode());
        assertEquals("NotImplemented", assertThrows(S3Exception.class, () -> CannedAcl.parse("aws-exec-read"))
                .code().wireCode());
    }

    @Test
    void grantHeadersListIdsAndGroupsQuotedOrBare() {
        // Bare values are what awscli's documented --grant-read uri=http://... and s3 cp --grants send.
        Map<String, String> headers = Map.of("x-amz-grant-read",
                "id=\"AUTH_other\", uri=http://acs.amazonaws.com/groups/global/AllUsers",
                "x-amz-grant-full-control", " id = AUTH_test ,id=\"AUTH_other\"");
        AccessControlList acl = RequestedAcl.fromHeaders(headers::get, OWNER, OWNER).orElseThrow();
        assertEquals(List.of(new Grant(new Grantee.CanonicalUser("AUTH_test", ""), Permission.FULL_CONTROL),
                new Grant(OTHER, Permission.FULL_CONTROL), new Grant(OTHER, Permission.READ),
                new Grant(Grantee.Group.ALL_USERS, Permission.READ)), acl.grants());
    }

    @Test
    void badGrantHeadersAreRefusedWithAwsCodes() {
        assertEquals("UnresolvableGrantByEmailAddress", refusal(Map.of("x-amz-grant-read",
                "emailAddress=\"a@example.com\"")));
        assertEquals("InvalidArgument", refusal(Map.of("x-amz-grant-read", "id=")));
        assertEquals("InvalidArgument", refusal(Map.of("x-amz-grant-read", "id=AUTH_a id=AUTH_b")));
        assertEquals("InvalidArgument", refusal(Map.of("x-amz-grant-read", "uri=\"http://example.com/group\"")));
        assertEquals("InvalidArgument", refusal(Map.of("x-amz-grant-write", "id=\"AUTH_a\" id=\"AUTH_b\"")));
        assertEquals("InvalidRequest", refusal(Map.of("x-amz-acl", "private", "x-amz-grant-read", "id=\"AUTH_a\"")));
        assertEquals(Optional.empty(), RequestedAcl.fromHeaders(name -> null, OWNER, OWNER));
    }

    private static String refusal(Map<String, String> headers) {
        return assertThrows(S3Exception.class, () -> RequestedAcl.fromHeaders(headers::get, OWNER, OWNER))
                .code().wireCode();
    }

    @Test
    void accessControlPolicyDocumentsRoundTrip() {
        AccessControlList acl = new AccessControlList(OWNER, List.of(new Grant(OWNER, Permission.FULL_CONTROL),
                new Grant(OTHER, Permission.WRITE_ACP), new Grant(Grantee.Group.ALL_USERS, Permission.READ)));
        String xml = AclXml.render(acl);
        assertTrue(xml.contains("<DisplayName>test:tester</DisplayName>"), xml);
        assertTrue(xml.contains("xsi:type=\"Group\""), xml);
        AccessControlList read = AclXml.parse(xml);
        assertEquals(OWNER, read.owner());
        assertEquals(List.of(new Grant(new Grantee.CanonicalUser("AUTH_test", ""), Permission.FULL_CONTROL),
                new Grant(OTHER, Permission.WRITE_ACP), new Grant(Grantee.Group.ALL_USERS, Permission.READ)),
                read.grants());
    }

    @Test
    void badDocumentsAreRefusedWithAwsCodes() {
        assertEquals("MalformedACLError", documentRefusal("<AccessControlPolicy><AccessControlList/>"));
        assertEquals("MalformedACLError", documentRefusal("<AccessControlPolicy><AccessControlList>"
                + "</AccessControlList></AccessControlPolicy>"), "no Owner");
        assertEquals("MalformedACLError", documentRefusal(policy(grant("CanonicalUser", "<ID>AUTH_a</ID>", "ALL"))));
        assertEquals("MalformedACLError", documentRefusal(policy(grant("Nobody", "<ID>AUTH_a</ID>", "READ"))));
        assertEquals("InvalidArgument", documentRefusal(policy(grant("Group",
                "<URI>http://acs.amazonaws.com/groups/global/Everyone</URI>", "READ"))));
        assertEquals("UnresolvableGrantByEmailAddress", documentRefusal(policy(grant("AmazonCustomerByEmail",
                "<EmailAddress>a@example.com</EmailAddress>", "READ"))));
        assertEquals(List.of(), AclXml.parse(policy("")).grants(), "an empty list is an ACL without grants");
    }

    private static String documentRefusal(String xml) {
        return assertThrows(S3Exception.class, () -> AclXml.parse(xml)).code().wireCode();
    }

    private static String policy(String grants) {
        return "<AccessControlPolicy xmlns=\"http://s3.amazonaws.com/doc/2006-03-01/\"><Owner><ID>AUTH_test</ID>"
                + "</Owner><AccessControlList>" + grants + "</AccessControlList></AccessControlPolicy>";
    }

    private static String grant(String type, String grantee, String permission) {
        return "<Grant><Grantee xmlns:xsi=\"http://www.w3.org/2001/XMLSchema-instance\" xsi:type=\"" + type + "\">"
                + grantee + "</Grantee><Permission>" + permission + "</Permission></Grant>";
    }

    @ParameterizedTest
    @EnumSource(CannedAcl.class)
    void everyCannedAclSurvivesObjectMetadata(CannedAcl canned) {
        // Grantees are stored by id only: their display names are the owner's concern.
        AccessControlList acl = canned.expand(OTHER, new Grantee.CanonicalUser(OWNER.id(), ""));
        SwiftHeaders headers = ObjectAclMetadata.headers(acl);
        Map<String, String> asSwiftAnswers = new HashMap<>();
        headers.fields().forEach(field -> asSwiftAnswers.put(field.getKey().toLowerCase(), field.getValue()));
        asSwiftAnswers.put("X-Object-Meta-Color", "blue");
        assertEquals(Optional.of(acl), ObjectAclMetadata.read(asSwiftAnswers));
        assertTrue(headers.names().stream().allMatch(ObjectAclMetadata::isAclHeader));
    }

    @Test
    void aLongAclIsCutIntoPiecesAndATooLongOneRefused() {
        List<Grant> grants = new java.util.ArrayList<>();
        for (int i = 0; i < 20; i++) {
            grants.add(new Grant(new Grantee.CanonicalUser("AUTH_account" + i, ""), Permission.READ));
        }
        AccessControlList acl = new AccessControlList(OWNER, grants);
        SwiftHeaders headers = ObjectAclMetadata.headers(acl);
        assertTrue(headers.names().size() > 1, headers.names().toString());
        assertEquals(Optional.of(acl), ObjectAclMetadata.read(headers));
        for (int i = 20; i < 60; i++) {
            grants.add(new Grant(new Grantee.CanonicalUser("AUTH_account" + i, ""), Permission.READ));
        }
        assertEquals("InvalidArgument", assertThrows(S3Exception.class,
                () -> ObjectAclMetadata.headers(new AccessControlList(OWNER, grants))).code().wireCode());
    }

    @Test
    void aStoredAclThatDoesNotReadCountsAsAbsent() {
        assertEquals(Optional.empty(), ObjectAclMetadata.read(SwiftHeaders.of(
                ReservedMetadata.ACL_PREFIX + "1", "o=AUTH_test&g=NOPE:i:x")));
        assertEquals(Optional.empty(), ObjectAclMetadata.read(Map.of()));
    }

    @Test
    void ownershipControlsReadTheThreeRulesOnly() {
        for (ObjectOwnership ownership : ObjectOwnership.values()) {
            assertEquals(ownership, OwnershipControlsXml.parse(OwnershipControlsXml.render(ownership)));
        }
        assertEquals("MalformedXML", assertThrows(S3Exception.class, () -> OwnershipControlsXml.parse(
                "<OwnershipControls><Rule><ObjectOwnership>Mine</ObjectOwnership></Rule></OwnershipControls>"))
                .code().wireCode());
        assertEquals("MalformedXML", assertThrows(S3Exception.class, () -> OwnershipControlsXml.parse(
                "<OwnershipControls></OwnershipControls>")).code().wireCode());
    }
}
