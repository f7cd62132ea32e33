package io.s3multi.s3.auth;

import java.util.Optional;

/**
 * Looks up the secret and identity behind an access key; the seam where tempauth (users in the config) and
 * Keystone (EC2 credentials) plug in.
 *
 * <p>An empty answer means the access key is unknown, which the caller reports as {@code InvalidAccessKeyId}. A
 * store that cannot reveal secrets (Keystone without admin rights verifies signatures remotely, from
 * {@link SignedRequest#stringToSign()}) does not implement this interface; it uses the parsed
 * {@link SignedRequest} and {@link SignatureVerifier#checkTime(SignedRequest)} directly.
 *
 * @param <I> the identity type attached to authenticated requests
 */
@FunctionalInterface
public interface CredentialStore<I> {

    /** The credential of {@code accessKey}, or empty if there is none. May block (e.g. on a remote call). */
    Optional<S3Credential<I>> find(String accessKey);
}
