package io.s3multi.s3.access.acl;

import io.s3multi.s3.error.S3Exception;
import java.util.List;
import java.util.regex.Pattern;

/** Validation of grantees as ACL documents and grant headers name them, with AWS's refusals. */
final class AclGrantees {

    /** The groups S3 knows. */
    static final List<Grantee.Group> GROUPS =
            List.of(Grantee.Group.ALL_USERS, Grantee.Group.AUTHENTICATED_USERS, Grantee.Group.LOG_DELIVERY);

    // A canonical id here is a Swift account name: printable, no spaces, as a Swift path segment.
    private static final Pattern CANONICAL_ID = Pattern.compile("[\\x21-\\x7e&&[^/\"<>&]]{1,256}");

    private AclGrantees() {
    }

    /** A canonical user; {@code InvalidArgument} for an id that cannot be an account's. */
    static Grantee.CanonicalUser canonicalUser(String id, String displayName) {
        String trimmed = id == null ? "" : id.strip();
        if (!CANONICAL_ID.matcher(trimmed).matches()) {
            throw S3Exception.invalidArgument("CanonicalUser/ID", id, "Invalid id");
        }
        return new Grantee.CanonicalUser(trimmed, displayName == null ? "" : displayName);
    }

    /** A predefined group; {@code InvalidArgument} for a URI that names none. */
    static Grantee.Group group(String uri) {
        String trimmed = uri == null ? "" : uri.strip();
        return GROUPS.stream().filter(group -> group.uri().equals(trimmed)).findFirst()
                .orElseThrow(() -> S3Exception.invalidArgument("Group/URI", uri, "Invalid group uri"));
    }
}
