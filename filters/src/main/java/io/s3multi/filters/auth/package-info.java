/**
 * What the auth stages (tempauth, s3token) share: {@link io.s3multi.filters.auth.AuthStage}, the servlet filter
 * skeleton (guard, attributes, S3 error answers), around a {@link io.s3multi.filters.auth.CredentialAuthority}
 * that decides about a signed request (tempauth's configured users, Keystone's EC2 credentials). A new auth stage
 * is an authority plus a subclass that names it, its settings and its javadoc.
 */
package io.s3multi.filters.auth;
