package io.s3multi.filters.s3;

import io.s3multi.s3.auth.SignedRequest;
import io.s3multi.s3.auth.SigningKey;
import io.s3multi.s3.operation.S3Identity;
import io.s3multi.swift.SwiftAccount;
import java.util.Objects;
import java.util.Optional;

/**
 * What an auth stage vouches for, kept as the request attribute
 * {@link S3Attributes#S3_AUTHENTICATION} for the S3 stages after it.
 *
 * @param identity   who the request acts as
 * @param swift      that identity's Swift account, with a session (token) the gateway obtained for it
 * @param signed     the verified signature, needed again to open the body (payload mode, chunk seed)
 * @param signingKey the SigV4 key that signs the body's chunks; null for SigV2 or when verified remotely
 */
public record S3Authentication(S3Identity identity, SwiftAccount swift, SignedRequest signed,
        SigningKey signingKey) {

    public S3Authentication {
        Objects.requireNonNull(identity, "identity");
        Objects.requireNonNull(swift, "swift");
        Objects.requireNonNull(signed, "signed");
    }

    /** The key for verifying aws-chunked chunk signatures, when the stage had one. */
    public Optional<SigningKey> chunkSigningKey() {
        return Optional.ofNullable(signingKey);
    }
}
