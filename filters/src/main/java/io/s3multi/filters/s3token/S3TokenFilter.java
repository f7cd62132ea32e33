package io.s3multi.filters.s3token;

import io.s3multi.filters.pipeline.PipelineAttributes;
import io.s3multi.filters.s3.RequestIds;
import io.s3multi.filters.s3.S3Attributes;
import io.s3multi.filters.s3.S3Authentication;
import io.s3multi.filters.s3.S3ErrorResponse;
import io.s3multi.filters.s3.S3Exchange;
import io.s3multi.filters.s3.SwiftBackendLease;
import io.s3multi.s3.auth.S3AuthException;
import io.s3multi.s3.auth.SignatureVerifier;
import io.s3multi.s3.auth.SignedRequest;
import io.s3multi.s3.auth.SigningKeyCache;
import io.s3multi.s3.error.S3Exception;
import io.s3multi.s3.operation.S3Failures;
import io.s3multi.s3.request.S3RequestParser;
import io.s3multi.swift.SwiftAccount;
import jakarta.servlet.Filter;
import jakarta.servlet.FilterChain;
import jakarta.servlet.FilterConfig;
import jakarta.servlet.ServletException;
import jakarta.servlet.ServletRequest;
import jakarta.servlet.ServletResponse;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.net.URI;
import java.time.Clock;
import java.time.Duration;
import java.util.Collections;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * S3 users defined in Keystone (EC2 credentials): verifies the request's signature through Keystone, or against a
 * secret Keystone gave out less than {@code cache_ttl} ago, and attaches who sent it and a Swift session on the
 * project's account.
 *
 * <p>For an S3 request that no earlier auth stage (tempauth) accepted and that carries credentials:
 * <ol>
 *   <li><b>cached</b> access key (Keystone vouched for it less than {@code cache_ttl} ago): the signature and time
 *       are checked here with the cached secret; Keystone is not asked;</li>
 *   <li>otherwise {@code POST /v3/s3tokens} (Keystone checks the signature, that user and project are enabled and
 *       that the user has a role on the project) and, on success, {@code GET /v3/credentials/<id>} for the secret;
 *       the credential is cached and the request checked here as in 1 (time, signature, SigV4 signing key);</li>
 *   <li>Keystone does not know the key (404): the request passes on untouched; if no later stage knows it, s3api
 *       answers {@code InvalidAccessKeyId};</li>
 *   <li>Keystone refuses the signature (401): the secret is read to tell a wrong signature
 *       ({@code SignatureDoesNotMatch}) from a disabled user or project ({@code AccessDenied}, after asking
 *       s3tokens once more in case it was the gateway's own token that Keystone no longer took);</li>
 *   <li>Keystone unreachable, slow (connect {@code connect_timeout}, request {@code request_timeout}) or failing:
 *       {@code 503 ServiceUnavailable}, while cached users keep working until their entries expire.</li>
 * </ol>
 *
 * <p><b>Unauthenticated traffic does not become Keystone traffic</b> ({@link KeystoneGate}): a key Keystone does
 * not know, and a key whose signature it refused (with the secret, so that wrong signatures are told from right
 * ones here), are remembered for {@code negative_cache_ttl} (at most {@code negative_cache_size} keys). A right
 * signature on a key remembered as refused is taken to Keystone at once, so wrong guesses never lock the real user
 * out; only a right signature Keystone refuses (a disabled user) is answered {@code AccessDenied} from memory, for
 * at most {@code negative_cache_ttl}. Concurrent requests about one key share one Keystone exchange, and at most
 * {@code max_keystone_requests} exchanges run at once: beyond that the answer is {@code 503 SlowDown} at once,
 * rather than a gateway thread held for Keystone's timeouts.
 * A user needs one of {@code operator_roles} on the project ({@code AccessDenied} otherwise), as Swift's
 * keystoneauth would require.
 *
 * <p><b>Why the secret is cached (the security trade-off).</b> Verifying every request remotely would cost one
 * Keystone call per S3 request and could not check aws-chunked chunk signatures at all (Keystone only checks the
 * seed signature; the chunks need the signing key, i.e. the secret), and SDK uploads are aws-chunked by default.
 * So the gateway reads the secret once per {@code cache_ttl} and verifies locally: Keystone is asked about 2 times
 * per key and TTL. The price: the gateway's Keystone user must be allowed to read EC2 secrets (Keystone's policy
 * gives that to {@code admin}), secrets sit in the gateway's memory for up to the TTL, and a disabled user, a
 * removed role or a deleted credential takes effect only when the entry expires (at most {@code cache_ttl}).
 *
 * <p><b>Acting on Swift.</b> The gateway's Keystone user holds Swift's reseller admin role ({@code ResellerAdmin}),
 * so one token, the gateway's own (refreshed before it expires), opens each project's account
 * {@code <reseller_prefix><project_id>} on {@code swift_url}. The alternative, {@code /v3/ec2tokens} per user,
 * would give Swift a token of the user itself (Swift's own ACL checks apply), but costs a Keystone call per user
 * and token lifetime, needs the request parts re-sent, and expires with no signed request at hand to renew it. The
 * price of the choice: Swift trusts the gateway with every account, so the gateway itself enforces the project
 * mapping and {@code operator_roles}.
 *
 * <p><b>Position:</b> before s3multi and s3api; after tempauth when both run (each authenticates its own users).
 *
 * <p><b>Settings</b> ({@code filter.s3token.*}): declared once, with defaults and meanings, in
 * {@link S3TokenConfig#SETTINGS}; listed in {@code docs/CONFIGURATION.md}.
 *
 * <p><b>Request attributes:</b> reads and writes {@link S3Attributes#S3_EXCHANGE}; writes
 * {@link S3Attributes#S3_AUTHENTICATION} and {@link PipelineAttributes#USER}.
 */
public final class S3TokenFilter implements Filter {

    private static final Logger LOG = LoggerFactory.getLogger(S3TokenFilter.class);
    /** Log in again this long before the gateway's token expires (Keystone's default lifetime is 1 h). */
    static final Duration TOKEN_REFRESH_MARGIN = Duration.ofMinutes(5);
    private static final int MAX_CACHED_CREDENTIALS = 100_000;

    private final S3TokenConfig config;
    private final S3RequestParser parser;
    private final SignatureVerifier verifier;
    private final KeystoneClient keystone;
    private final KeystoneGate gate;
    private final ServiceTokenKeeper serviceTokens;
    private final ConcurrentHashMap<String, SwiftAccount> accounts = new ConcurrentHashMap<>();
    private SwiftBackendLease swift;

    /** @param region the gateway's region, which every SigV4 credential scope must name */
    public S3TokenFilter(S3TokenConfig config, List<String> storageDomains, String region, Clock clock) {
        this.config = config;
        this.parser = new S3RequestParser(storageDomains);
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
    public void init(FilterConfig filterConfig) {
        swift = SwiftBackendLease.take(filterConfig.getServletContext(), config.swiftUrl());
    }

    @Override
    public void destroy() {
        if (swift != null) {
            swift.release();
        }
        keystone.close();
    }

    /** How many HTTP requests this stage has sent to Keystone (logins included), for tests and monitoring. */
    public long keystoneRequests() {
        return keystone.requestsSent();
    }

    @Override
    public void doFilter(ServletRequest req, ServletResponse res, FilterChain next)
            throws IOException, ServletException {
        var request = (HttpServletRequest) req;
        var response = (HttpServletResponse) res;
        S3Exchange exchange = S3Exchange.of(request, parser);
        if (!exchange.isS3() || S3Attributes.S3_AUTHENTICATION.find(request).isPresent()) {
            next.doFilter(request, response);
            return;
        }
        S3Authentication authentication;
        try {
            Optional<SignedRequest> claimed = exchange.signature();
            if (claimed.isEmpty()) {
                next.doFilter(request, response);
                return;
            }
            Optional<S3Authentication> known = authenticate(claimed.get());
            if (known.isEmpty()) {
                next.doFilter(request, response);  // not a Keystone credential: a later stage may know it
                return;
            }
            authentication = known.get();
        } catch (S3AuthException refused) {
            refuse(request, response, S3Failures.toS3(refused, null));
            return;
        } catch (S3Exception refused) {
            refuse(request, response, refused);
            return;
        }
        S3Attributes.S3_AUTHENTICATION.set(request, authentication);
        PipelineAttributes.USER.set(request, authentication.identity().displayName());
        next.doFilter(request, response);
    }

    private Optional<S3Authentication> authenticate(SignedRequest signed) {
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
        return Optional.of(new S3Authentication(user.identity(config.resellerPrefix()), accountOf(user), signed,
                verified.signingKey().orElse(null)));
    }

    private SwiftAccount accountOf(KeystoneUser user) {
        String account = config.resellerPrefix() + user.projectId();
        return accounts.computeIfAbsent(account, name -> swift.backend().account(new ProjectTokenSource(serviceTokens,
                URI.create(config.swiftUrl().toString().replaceAll("/+$", "") + "/v1/" + name))));
    }

    private static void refuse(HttpServletRequest request, HttpServletResponse response, S3Exception error)
            throws IOException {
        String requestId = RequestIds.of(request);
        LOG.debug("{} refused: {}", requestId, error.toString());
        S3ErrorResponse.send(request, response, error, requestId);
    }
}
