/**
 * The gateway's S3 authorization: the {@link io.s3multi.s3.access.authorization.Authorizer} decides each request
 * with AWS's evaluation order from what {@code access}, {@code access.acl} and {@code access.policy} model, reading
 * each bucket's state from the bucket registry through a short cache
 * ({@link io.s3multi.s3.access.authorization.BucketAccessCache}), and says which Swift identity the allowed request
 * acts with ({@link io.s3multi.s3.access.authorization.Authorized}). A package of its own above those three, so
 * that the model packages (which name {@code Requester}) and the decision do not depend on each other both ways.
 *
 * <p>Callers: both S3 stages' edge, for every S3 request; a form upload's handler, for the identity its form
 * signature names ({@code authorize(S3Operation.POST_OBJECT, new AccessRequest(...))}, then
 * {@link io.s3multi.s3.access.authorization.Authorized#call}).
 */
package io.s3multi.s3.access.authorization;
