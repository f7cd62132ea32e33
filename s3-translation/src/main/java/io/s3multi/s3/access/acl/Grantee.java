package io.s3multi.s3.access.acl;

import java.util.Objects;

/** Whom an ACL grant names: one account by its canonical id, or one of S3's predefined groups. */
public sealed interface Grantee {

    /** An account, by canonical id (its Swift account), with the display name answers show. */
    record CanonicalUser(String id, String displayName) implements Grantee {
        public CanonicalUser {
            Objects.requireNonNull(id, "id");
            Objects.requireNonNull(displayName, "displayName");
        }
    }

    /** A predefined group, by its URI. */
    record Group(String uri) implements Grantee {
        public static final Group ALL_USERS = new Group("http://acs.amazonaws.com/groups/global/AllUsers");
        public static final Group AUTHENTICATED_USERS =
                new Group("http://acs.amazonaws.com/groups/global/AuthenticatedUsers");
        public static final Group LOG_DELIVERY = new Group("http://acs.amazonaws.com/groups/s3/LogDelivery");

        public Group {
            Objects.requireNonNull(uri, "uri");
        }
    }
}
