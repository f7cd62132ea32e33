package io.s3multi.s3.access.acl;

import io.s3multi.s3.access.Requester;

/** What an ACL lets a requester do, with AWS's rules: a grant to a group covers its members, FULL_CONTROL all. */
public final class AclEvaluation {

    private AclEvaluation() {
    }

    /** Whether a grant of {@code acl} gives {@code requester} the {@code permission}. */
    public static boolean permits(AccessControlList acl, Requester requester, Permission permission) {
        return acl.grants().stream().anyMatch(grant -> covers(grant, permission) && names(grant.grantee(), requester));
    }

    /** Whether a grant goes to everyone or to every authenticated user (what a public access block acts on). */
    public static boolean isPublic(AccessControlList acl) {
        return acl.grants().stream().anyMatch(grant -> grant.grantee() instanceof Grantee.Group group
                && (group.equals(Grantee.Group.ALL_USERS) || group.equals(Grantee.Group.AUTHENTICATED_USERS)));
    }

    private static boolean covers(Grant grant, Permission permission) {
        return grant.permission() == permission || grant.permission() == Permission.FULL_CONTROL;
    }

    private static boolean names(Grantee grantee, Requester requester) {
        if (grantee instanceof Grantee.CanonicalUser user) {
            return requester.canonicalId().filter(user.id()::equals).isPresent();
        }
        return grantee.equals(Grantee.Group.ALL_USERS)
                || grantee.equals(Grantee.Group.AUTHENTICATED_USERS) && requester instanceof Requester.Known;
    }
}
