package io.s3multi.s3.access.acl;

import java.util.Objects;

/** One entry of an ACL. */
public record Grant(Grantee grantee, Permission permission) {

    public Grant {
        Objects.requireNonNull(grantee, "grantee");
        Objects.requireNonNull(permission, "permission");
    }
}
