package io.s3multi.filters.s3token;

import io.s3multi.filters.auth.AuthStage;
import io.s3multi.filters.pipeline.PipelineAttributes;
import io.s3multi.filters.s3.S3Attributes;
import java.time.Clock;
import java.util.List;

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
 * <p>The request handling is {@link AuthStage}'s; the decisions above are {@link KeystoneAuthority}'s.
 *
 * <p><b>Position:</b> before s3multi and s3api; after tempauth when both run (each authenticates its own users).
 *
 * <p><b>Settings</b> ({@code filter.s3token.*}): declared once, with defaults and meanings, in
 * {@link S3TokenConfig#SETTINGS}; listed in {@code docs/CONFIGURATION.md}.
 *
 * <p><b>Request attributes:</b> reads and writes {@link S3Attributes#S3_EXCHANGE}; writes
 * {@link S3Attributes#S3_AUTHENTICATION} and {@link PipelineAttributes#USER}.
 */
public final class S3TokenFilter extends AuthStage<KeystoneAuthority> {

    /** @param region the gateway's region, which every SigV4 credential scope must name */
    public S3TokenFilter(S3TokenConfig config, List<String> storageDomains, String region, Clock clock) {
        super(storageDomains, config.swiftUrl(), new KeystoneAuthority(config, region, clock));
    }

    /** How many HTTP requests this stage has sent to Keystone (logins included), for tests and monitoring. */
    public long keystoneRequests() {
        return authority().keystoneRequests();
    }

    /** S3 requests whose access key was in the credential cache (Keystone not asked), for monitoring. */
    public long credentialCacheHits() {
        return authority().credentialCacheHits();
    }

    /** S3 requests whose access key was not in the credential cache. */
    public long credentialCacheMisses() {
        return authority().credentialCacheMisses();
    }
}
