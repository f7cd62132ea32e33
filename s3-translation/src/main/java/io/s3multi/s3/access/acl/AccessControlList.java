package io.s3multi.s3.access.acl;

import java.util.List;
import java.util.Objects;

/**
 * A bucket's or an object's ACL: its owner and its grants. The owner's own rights come from its grants too, as in
 * AWS (a {@code private} ACL is the owner's {@code FULL_CONTROL} grant).
 */
public record AccessControlList(Grantee.CanonicalUser owner, List<Grant> grants) {

    public AccessControlList {
        Objects.requireNonNull(owner, "owner");
        grants = List.copyOf(grants);
    }

    /** The ACL every bucket and object has without one: the owner's full control. */
    public static AccessControlList ownerFullControl(Grantee.CanonicalUser owner) {
        return new AccessControlList(owner, List.of(new Grant(owner, Permission.FULL_CONTROL)));
    }
}
