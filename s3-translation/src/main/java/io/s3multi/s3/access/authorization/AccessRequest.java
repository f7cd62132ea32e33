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
 * @param requester     who sends it ({@link Requester#ANONYMOUS} for an unsigned one)
 * @param ownSwift      the requester's own Swift account with its own session; empty for an anonymous requester
 * @param otherAccounts how to reach another account when the request is allowed there
 * @param sourceIp      the client's address ({@code aws:SourceIp})
 * @param secure        whether the request came over TLS ({@code aws:SecureTransport})
 */
public record AccessRequest(S3Request request, Requester requester, Optional<SwiftAccount> ownSwift,
                            OtherAccounts otherAccounts, String sourceIp, boolean secure) {

    public AccessRequest {
        Objects.requireNonNull(request, "request");
        Objects.requireNonNull(requester, "requester");
        Objects.requireNonNull(ownSwift, "ownSwift");
        Objects.requireNonNull(otherAccounts, "otherAccounts");
        Objects.requireNonNull(sourceIp, "sourceIp");
        if (requester instanceof Requester.Known && ownSwift.isEmpty()) {
            throw new IllegalArgumentException("a known requester comes with its own Swift account");
        }
    }

    /** The requester's identity, if known. */
    public Optional<S3Identity> identity() {
        return requester instanceof Requester.Known known ? Optional.of(known.identity()) : Optional.empty();
    }
}
