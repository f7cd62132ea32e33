package io.s3multi.filters.s3token;

import io.s3multi.swift.auth.AuthToken;
import io.s3multi.swift.auth.TokenSource;
import io.s3multi.swift.error.SwiftConnectionException;
import io.s3multi.swift.error.SwiftException;
import java.net.URI;
import java.time.Instant;

/**
 * Swift tokens for one project's account: the gateway's own Keystone token, which Swift's keystoneauth accepts on
 * every account because the gateway's user holds the reseller admin role, paired with the account's storage URL
 * {@code <swift_url>/v1/<reseller_prefix><project_id>}.
 */
record ProjectTokenSource(ServiceTokenKeeper tokens, URI storageUrl) implements TokenSource {

    @Override
    public AuthToken token() throws SwiftException {
        try {
            ServiceToken token = tokens.token();
            return new AuthToken(token.value(), storageUrl, token.expiresAt());
        } catch (KeystoneUnavailableException | KeystoneRefusalException e) {
            // Keystone being unreachable is, for the Swift call, an unreachable auth service: 503 to the client.
            throw new SwiftConnectionException("no Keystone token for " + storageUrl + ": " + e.getMessage(), e);
        }
    }

    @Override
    public AuthToken refresh(AuthToken rejected) throws SwiftException {
        tokens.invalidate(new ServiceToken(rejected.value(), rejected.expiresAt() != null
                ? rejected.expiresAt() : Instant.EPOCH));
        return token();
    }
}
