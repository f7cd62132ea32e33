package io.s3multi.s3.access.authorization;

import io.s3multi.s3.access.Requester;
import io.s3multi.s3.operation.S3Identity;
import io.s3multi.s3.request.S3Request;
import io.s3multi.swift.SwiftAccount;
import java.util.Objects;
import java.util.Optional;

/**
 * One request to authorize, as the edge (or a form upload's handler) has it.
 *
 * @param request       the parsed request
 * @param identity      who an auth stage (or a form's signature) says sent it; empty for an unsigned request
 * @param ownSwift      the identity's own Swift account with its own session; empty for an unsigned request
 * @param otherAccounts how to reach another account when the request is allowed there
 * @param sourceIp      the client's address ({@code aws:SourceIp})
 * @param secure        whether the request came over TLS ({@code aws:SecureTransport})
 */
public record AccessRequest(S3Request request, Optional<S3Identity> identity, Optional<SwiftAccount> ownSwift,
                            OtherAccounts otherAccounts, String sourceIp, boolean secure) {

    public AccessRequest {
        Objects.requireNonNull(request, "request");
        Objects.requireNonNull(identity, "identity");
        Objects.requireNonNull(ownSwift, "ownSwift");
        Objects.requireNonNull(otherAccounts, "otherAccounts");
        Objects.requireNonNull(sourceIp, "sourceIp");
        if (identity.isPresent() != ownSwift.isPresent()) {
            throw new IllegalArgumentException("a known requester comes with its own Swift account, only it");
        }
    }

    /** Who sends it, as ACLs and policies name principals. */
    public Requester requester() {
        return identity.map(S3Identity::requester).orElse(Requester.ANONYMOUS);
    }

    /** The same request for another resource (a copy's source). */
    AccessRequest about(S3Request other) {
        return new AccessRequest(other, identity, ownSwift, otherAccounts, sourceIp, secure);
    }
}
