/**
 * S3 authorization in the gateway: who asks ({@link io.s3multi.s3.access.Requester}), what a bucket's and an
 * object's access control lists grant ({@code access.acl}), what a bucket policy says ({@code access.policy}), and
 * the public access block and object ownership settings that bend both.
 *
 * <p>Swift has no object ACLs, no policies and no S3 principals, so the gateway is the S3 authority: after an auth
 * stage vouched for a request (or found none, for an anonymous one), the request is authorized with AWS's
 * evaluation order: an explicit {@code Deny} in the bucket policy wins; then an {@code Allow} by the policy or a
 * grant of the ACL; otherwise it is denied. A request inside the caller's own account still acts on Swift with the
 * caller's own token (Swift stays a second line of defence); one on another account's bucket, or an anonymous one,
 * acts with an identity that can reach the owner's account.
 *
 * <p>Identities: an account's canonical id is its Swift account ({@code AUTH_test}); a policy names the account as
 * that id or as {@code arn:aws:iam::AUTH_test:root}, and one of its users as
 * {@code arn:aws:iam::AUTH_test:user/<user>} ({@link io.s3multi.s3.access.Requester#userArn()}).
 */
package io.s3multi.s3.access;
