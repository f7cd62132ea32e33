package io.s3multi.filters.auth;

import io.s3multi.filters.s3.S3Authentication;
import io.s3multi.s3.auth.SignedRequest;
import io.s3multi.swift.SwiftBackend;
import java.util.Optional;

/**
 * Who vouches for the access keys of one auth stage ({@link AuthStage}): tempauth's configured users, or Keystone's
 * EC2 credentials. It decides about a signed request; the stage around it does the servlet part.
 */
public interface CredentialAuthority {

    /**
     * The authentication of {@code signed}, with a Swift session on {@code swift}; empty when the authority does
     * not know the access key, so that a later auth stage may (the last one leaves {@code InvalidAccessKeyId} to
     * s3api).
     *
     * @throws io.s3multi.s3.auth.S3AuthException a known key whose time or signature is wrong
     * @throws io.s3multi.s3.error.S3Exception    any other refusal ({@code AccessDenied}, {@code ServiceUnavailable},
     *                                            ...), answered to the client as it is
     */
    Optional<S3Authentication> authenticate(SignedRequest signed, SwiftBackend swift);

    /** Lets go of what the authority holds (connections, threads); called once, when the stage stops. */
    default void close() {
    }
}
