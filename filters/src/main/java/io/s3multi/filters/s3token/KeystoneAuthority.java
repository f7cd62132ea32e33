package io.s3multi.filters.s3token;

import io.s3multi.filters.auth.CredentialAuthority;
import io.s3multi.filters.s3.S3Authentication;
import io.s3multi.s3.auth.SignatureVerifier;
import io.s3multi.s3.auth.SignedRequest;
import io.s3multi.s3.auth.SigningKeyCache;
import io.s3multi.s3.error.S3Exception;
import io.s3multi.swift.SwiftAccount;
import io.s3multi.swift.SwiftBackend;
import java.net.URI;
import java.time.Clock;
import java.time.Duration;
import java.util.Collections;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Keystone's EC2 credentials as a {@link CredentialAuthority}: the decisions of {@link S3TokenFilter}, without the
 * servlet part.
 *
 * <p>A request's region is checked first (a wrong one is refused without asking Keystone); {@link KeystoneGate}
 * finds the key's user (caches, negative cache, single flight, the cap); the signature is verified here with the
 * user's secret; the user needs one of {@code operator_roles}. The Swift session is the project's account
 * {@code <reseller_prefix><project_id>} on {@code swift_url}, opened with the gateway's own token
 * ({@link ProjectTokenSource}), one per account.
 */
final class KeystoneAuthority implements CredentialAuthority {

    /** Log in again this long before the gateway's token expires (Keystone's default lifetime is 1 h). */
    static final Duration TOKEN_REFRESH_MARGIN = Duration.ofMinutes(5);
    private static final int MAX_CACHED_CREDENTIALS = 100_000;

    private final S3TokenConfig config;
    private final SignatureVerifier verifier;
    private final KeystoneClient keystone;
    private final KeystoneGate gate;
    private final ServiceTokenKeeper serviceTokens;
    private final ConcurrentHashMap<String, SwiftAccount> accounts = new ConcurrentHashMap<>();

    /** @param region the gateway's region, which every SigV4 credential scope must name */
    KeystoneAuthority(S3TokenConfig config, String region, Clock clock) {
        this.config = config;
        this.verifier = new SignatureVerifier(clock, config.allowableClockSkew(), region, new SigningKeyCache());
        KeystoneHttp http = new KeystoneHttp(config.authUrl(), config.connectTimeout(), config.requestTimeout());
        this.serviceTokens = new ServiceTokenKeeper(new KeystonePasswordLogin(http, config), TOKEN_REFRESH_MARGIN,
                clock);
        this.keystone = new KeystoneClient(http, serviceTokens);
        this.gate = new KeystoneGate(keystone, verifier,
                new CredentialCache(config.cacheTtl(), clock, MAX_CACHED_CREDENTIALS),
                new ExpiringCache<>(config.negativeCacheTtl(), clock, config.negativeCacheSize()),
                new KeystoneFlights(config.maxKeystoneRequests(), longestExchange(config)));
    }

    /** An exchange is at most three Keystone requests in a row (a login, s3tokens, the secret) plus a re-ask. */
    private static Duration longestExchange(S3TokenConfig config) {
        return config.connectTimeout().plus(config.requestTimeout()).multipliedBy(4);
    }

    @Override
    public Optional<S3Authentication> authenticate(SignedRequest signed, SwiftBackend swift) {
        verifier.checkScope(signed);   // a wrong region is refused without asking Keystone
        Optional<KeystoneUser> known = gate.userFor(signed);
        if (known.isEmpty()) {
            return Optional.empty();
        }
        KeystoneUser user = known.get();
        var verified = verifier.verify(signed, user.secret());
        if (Collections.disjoint(user.roles(), config.operatorRoles())) {
            throw S3Exception.accessDenied("Keystone user " + user.userName() + " has none of the roles "
                    + config.operatorRoles() + " on project " + user.projectName());
        }
        return Optional.of(new S3Authentication(user.identity(config.resellerPrefix()), accountOf(user, swift),
                signed, verified.signingKey().orElse(null), account -> accountNamed(account, swift)));
    }

    private SwiftAccount accountOf(KeystoneUser user, SwiftBackend swift) {
        return accountNamed(config.resellerPrefix() + user.projectId(), swift);
    }

    /**
     * A Swift account with the gateway's own token, which holds {@code ResellerAdmin}: the user's own project's, or
     * (for a request the gateway authorized there) another bucket owner's.
     */
    private SwiftAccount accountNamed(String account, SwiftBackend swift) {
        if (account.isEmpty() || account.contains("/")) {
            throw new IllegalArgumentException("not a Swift account name: '" + account + "'");
        }
        return accounts.computeIfAbsent(account, name -> swift.account(new ProjectTokenSource(serviceTokens,
                URI.create(config.swiftUrl().toString().replaceAll("/+$", "") + "/v1/" + name))));
    }

    /** How many HTTP requests have been sent to Keystone (logins included). */
    long keystoneRequests() {
        return keystone.requestsSent();
    }

    /** The credential cache's hits and misses, as {@link KeystoneGate} counts them. */
    long credentialCacheHits() {
        return gate.cacheHits();
    }

    long credentialCacheMisses() {
        return gate.cacheMisses();
    }

    @Override
    public void close() {
        keystone.close();
    }
}
