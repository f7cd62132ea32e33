package io.s3multi.filters.s3;

import io.s3multi.s3.access.authorization.OtherAccounts;
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
 * @param otherAccounts how the stage's own service identity reaches other accounts (s3token's ResellerAdmin token);
 *                   null: the pipeline's {@code service_user} does ({@link SharedAccess})
 */
public record S3Authentication(S3Identity identity, SwiftAccount swift, SignedRequest signed,
        SigningKey signingKey, OtherAccounts otherAccounts) {

    /** An authentication whose stage has no service identity of its own. */
    public S3Authentication(S3Identity identity, SwiftAccount swift, SignedRequest signed, SigningKey signingKey) {
        this(identity, swift, signed, signingKey, null);
    }

    public S3Authentication {
        Objects.requireNonNull(identity, "identity");
        Objects.requireNonNull(swift, "swift");
        Objects.requireNonNull(signed, "signed");
    }

    /** The stage's own way to other accounts, if it has one. */
    public Optional<OtherAccounts> ownOtherAccounts() {
        return Optional.ofNullable(otherAccounts);
    }

    /** The key for verifying aws-chunked chunk signatures, when the stage had one. */
    public Optional<SigningKey> chunkSigningKey() {
        return Optional.ofNullable(signingKey);
    }
}
