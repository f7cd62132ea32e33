package io.s3multi.s3.access.acl;

import io.s3multi.s3.error.S3ErrorCode;
import io.s3multi.s3.error.S3Exception;
import io.s3multi.s3.xml.S3Xml;
import io.s3multi.s3.xml.documents.AccessControlPolicy;
import io.s3multi.s3.xml.documents.Owner;
import java.io.ByteArrayInputStream;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * The {@code AccessControlPolicy} document: read from PutBucketAcl/PutObjectAcl, written for the Get calls and as
 * a bucket's stored ACL (registry object {@code acl}).
 *
 * <p>Refusals, as AWS answers them: a document that is not XML, lacks its {@code Owner} or a grant's grantee or
 * permission, names an unknown permission or grantee type, or has more than {@value #MAX_GRANTS} grants is
 * {@code MalformedACLError}; an id that cannot be an account's or a URI that is no group is
 * {@code InvalidArgument}; an {@code AmazonCustomerByEmail} grantee is {@code UnresolvableGrantByEmailAddress}
 * (accounts here have no e-mail addresses). Whether the {@code Owner} is the resource's owner is the caller's
 * question.
 */
public final class AclXml {

    /** AWS's limit of grants per ACL. */
    public static final int MAX_GRANTS = 100;

    private AclXml() {
    }

    /** Parses a document (a stored one, or a request body as text). */
    public static AccessControlList parse(String xml) {
        return read(new ByteArrayInputStream(xml.getBytes(StandardCharsets.UTF_8))).orElseThrow(AclXml::malformed);
    }

    /** Parses a request body; empty when it has no bytes. */
    public static Optional<AccessControlList> read(InputStream body) {
        Optional<AccessControlPolicy> document;
        try {
            document = S3Xml.readIfPresent(body, AccessControlPolicy.class, S3Xml.MAX_CONFIGURATION_BYTES);
        } catch (S3Exception failure) {
            throw failure.code() == S3ErrorCode.MALFORMED_XML ? malformed() : failure;
        }
        return document.map(AclXml::fromDocument);
    }

    /** Writes the document: the owner with its display name, each grantee as AWS shows it. */
    public static String render(AccessControlList acl) {
        return new String(S3Xml.toBytes(toDocument(acl)), StandardCharsets.UTF_8);
    }

    /** The document of {@code acl}, for an answer. */
    public static AccessControlPolicy toDocument(AccessControlList acl) {
        Grantee.CanonicalUser owner = acl.owner();
        AccessControlPolicy document = new AccessControlPolicy(new Owner(owner.id(), owner.displayName()));
        for (Grant grant : acl.grants()) {
            AccessControlPolicy.Grantee grantee;
            if (grant.grantee() instanceof Grantee.CanonicalUser user) {
                String name = !user.displayName().isEmpty() ? user.displayName()
                        : user.id().equals(owner.id()) ? owner.displayName() : null;
                grantee = AccessControlPolicy.Grantee.canonicalUser(user.id(), name);
            } else {
                grantee = AccessControlPolicy.Grantee.group(((Grantee.Group) grant.grantee()).uri());
            }
            document.addGrant(grantee, grant.permission().name());
        }
        return document;
    }

    private static AccessControlList fromDocument(AccessControlPolicy document) {
        Owner owner = document.owner();
        if (owner == null || owner.id() == null || owner.id().isBlank()) {
            throw malformed();
        }
        if (document.grants().size() > MAX_GRANTS) {
            throw malformed();
        }
        List<Grant> grants = new ArrayList<>();
        for (AccessControlPolicy.Grant grant : document.grants()) {
            grants.add(new Grant(grantee(grant.grantee()), permission(grant.permission())));
        }
        return new AccessControlList(AclGrantees.canonicalUser(owner.id(), owner.displayName()), grants);
    }

    private static Grantee grantee(AccessControlPolicy.Grantee grantee) {
        if (grantee == null || grantee.type() == null) {
            throw malformed();
        }
        return switch (grantee.type().strip()) {
            case "CanonicalUser" -> AclGrantees.canonicalUser(grantee.id(), "");
            case "Group" -> AclGrantees.group(grantee.uri());
            case "AmazonCustomerByEmail" -> throw S3Exception.of(S3ErrorCode.UNRESOLVABLE_GRANT_BY_EMAIL_ADDRESS)
                    .with("EmailAddress", grantee.emailAddress());
            default -> throw malformed();
        };
    }

    private static Permission permission(String name) {
        if (name == null) {
            throw malformed();
        }
        try {
            return Permission.valueOf(name.strip());
        } catch (IllegalArgumentException unknown) {
            throw malformed();
        }
    }

    private static S3Exception malformed() {
        return S3Exception.of(S3ErrorCode.MALFORMED_ACL);
    }
}
