package io.s3multi.s3.access.acl;

import java.util.Map;
import java.util.Optional;

/** An object's ACL as its Swift metadata keeps it (reserved names, see {@code ReservedMetadata}). */
public final class ObjectAclMetadata {

    private ObjectAclMetadata() {
    }

    /**
     * SEAM: the acl helper implements it. Empty when the object has no ACL of its own: its owner (the bucket's
     * owner) has full control.
     *
     * @param swiftHeaders the object's headers from a Swift HEAD or GET
     */
    public static Optional<AccessControlList> read(Map<String, String> swiftHeaders) {
        return Optional.empty();
    }
}
