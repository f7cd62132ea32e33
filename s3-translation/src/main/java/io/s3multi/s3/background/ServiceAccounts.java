package io.s3multi.s3.background;

import io.s3multi.swift.SwiftAccount;
import io.s3multi.swift.SwiftBackend;
import io.s3multi.swift.auth.AuthToken;
import io.s3multi.swift.auth.TokenSource;
import io.s3multi.swift.error.SwiftException;
import java.net.URI;
import java.util.Objects;

/**
 * Every account of the cluster, reached with the gateway's service identity (top-level {@code service_user},
 * {@code service_key}): a tempauth reseller admin, whose one token Swift accepts in any account.
 *
 * <p>tempauth answers the reseller admin's own storage URL ({@code /v1/AUTH_s3multi}); {@link #forAccount} keeps
 * the token and puts the wanted account in place of the last path segment. Keystone projects' accounts live in the
 * same cluster, so the same identity reaches them through the tempauth proxy. The token is the one cached token of
 * the backend's tempauth source for these credentials, renewed there.
 */
public final class ServiceAccounts {

    private final SwiftBackend backend;
    private final TokenSource serviceTokens;

    /**
     * @param backend the Swift proxy whose auth is tempauth (the gateway's {@code swift_url})
     * @param user    {@code <account>:<user>} of a {@code .reseller_admin}
     */
    public ServiceAccounts(SwiftBackend backend, String user, String key) {
        this.backend = Objects.requireNonNull(backend, "backend");
        this.serviceTokens = backend.tempAuth(user, key);
    }

    /**
     * The account {@code account} (such as {@code AUTH_test}) with the service identity's token; nothing is sent
     * until the first request.
     */
    public SwiftAccount forAccount(String account) {
        if (account.isEmpty() || account.contains("/")) {
            throw new IllegalArgumentException("not a Swift account name: '" + account + "'");
        }
        return backend.account(new InAccount(serviceTokens, account));
    }

    /** The storage URL {@code serviceUrl} with its account (the last path segment) replaced by {@code account}. */
    static URI storageUrlOf(URI serviceUrl, String account) {
        String path = serviceUrl.getRawPath();
        String trimmed = path.endsWith("/") ? path.substring(0, path.length() - 1) : path;
        int slash = trimmed.lastIndexOf('/');
        if (slash < 0) {
            throw new IllegalArgumentException("a storage URL without an account: " + serviceUrl);
        }
        return URI.create(serviceUrl.getScheme() + "://" + serviceUrl.getRawAuthority()
                + trimmed.substring(0, slash + 1) + account);
    }

    /** The service tokens, each with the storage URL of one account. */
    private record InAccount(TokenSource service, String account) implements TokenSource {

        @Override
        public AuthToken token() throws SwiftException {
            return retarget(service.token());
        }

        @Override
        public AuthToken refresh(AuthToken rejected) throws SwiftException {
            AuthToken current = service.token();
            // the source compares storage URLs too: hand it back its own token when that is the one rejected
            return retarget(current.value().equals(rejected.value()) ? service.refresh(current) : current);
        }

        private AuthToken retarget(AuthToken token) {
            return new AuthToken(token.value(), storageUrlOf(token.storageUrl(), account), token.expiresAt());
        }
    }
}
