package io.s3multi.s3.operation;

import io.s3multi.s3.access.Requester;
import java.util.Objects;

/**
 * Who an authenticated S3 request acts as, whichever auth stage vouched for it.
 *
 * @param accessKey    the S3 access key the request was signed with
 * @param displayName  the name shown as Owner/Initiator in S3 answers (e.g. {@code test:tester})
 * @param ownerId      the canonical owner id shown in S3 answers; the Swift account, so that every user of one
 *                     account owns the same buckets, as in Swift
 * @param swiftAccount the Swift account the request acts on, e.g. {@code AUTH_test}
 * @param accountAdmin whether the auth stage knows the user as an administrator of the account (tempauth's
 *                     {@code .admin} or {@code .reseller_admin}, Keystone's {@code admin} role): the users allowed
 *                     to bypass Object Lock governance retention
 */
public record S3Identity(String accessKey, String displayName, String ownerId, String swiftAccount,
                         boolean accountAdmin) {

    public S3Identity {
        Objects.requireNonNull(accessKey, "accessKey");
        Objects.requireNonNull(displayName, "displayName");
        Objects.requireNonNull(ownerId, "ownerId");
        Objects.requireNonNull(swiftAccount, "swiftAccount");
    }

    /** A user who is not known as an administrator of the account. */
    public S3Identity(String accessKey, String displayName, String ownerId, String swiftAccount) {
        this(accessKey, displayName, ownerId, swiftAccount, false);
    }

    /** The identity as authorization sees it: its account's canonical id and its display name. */
    public Requester requester() {
        return Requester.of(ownerId, displayName);
    }
}
