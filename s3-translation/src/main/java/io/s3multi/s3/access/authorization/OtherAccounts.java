package io.s3multi.s3.access.authorization;

import io.s3multi.swift.SwiftAccount;

/**
 * How the gateway reaches a Swift account that is not the requester's own, for a request it allowed there: with a
 * service identity Swift lets act on every account (tempauth: the reseller admin {@code service_user}; Keystone:
 * the s3token stage's own token, which holds {@code ResellerAdmin}).
 */
@FunctionalInterface
public interface OtherAccounts {

    /** No service identity: no request leaves its own account. */
    OtherAccounts NONE = account -> {
        throw new IllegalStateException("no service identity reaches " + account);
    };

    /** The account {@code account} ({@code AUTH_test}) with the service identity's token. */
    SwiftAccount reach(String account);
}
