package io.s3multi.filters.s3token;

import io.s3multi.filters.pipeline.DeclaredSettings;
import io.s3multi.filters.pipeline.FilterSettings;
import io.s3multi.filters.pipeline.Setting;
import java.net.URI;
import java.time.Duration;
import java.util.Arrays;
import java.util.Locale;
import java.util.Objects;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * The settings of s3token, declared once and parsed once.
 *
 * @param authUrl            Keystone's identity API v3, e.g. {@code http://127.0.0.1:5000/v3}
 * @param serviceUser        the gateway's own Keystone user
 * @param servicePassword    its password
 * @param serviceProject     the project its token is scoped to
 * @param serviceDomain      the domain id of that user and project
 * @param swiftUrl           the Swift proxy whose auth is Keystone ({@code authtoken} + {@code keystoneauth})
 * @param resellerPrefix     prefix of the Swift accounts: project p is account {@code <prefix>p}
 * @param cacheTtl           how long a verified credential (identity and secret) is trusted without Keystone
 * @param connectTimeout     connect timeout to Keystone
 * @param requestTimeout     total time one Keystone request may take
 * @param allowableClockSkew how far the client's clock may be from ours
 * @param operatorRoles      roles (lower case) that let a user act on its project's account, as Swift's
 *                           keystoneauth {@code operator_roles}
 * @param negativeCacheTtl   how long a key Keystone does not know, or whose signature it refused, is remembered
 * @param negativeCacheSize  how many such keys are remembered at most
 * @param maxKeystoneRequests how many exchanges with Keystone may run at once
 */
public record S3TokenConfig(URI authUrl, String serviceUser, String servicePassword, String serviceProject,
        String serviceDomain, URI swiftUrl, String resellerPrefix, Duration cacheTtl, Duration connectTimeout,
        Duration requestTimeout, Duration allowableClockSkew, Set<String> operatorRoles, Duration negativeCacheTtl,
        int negativeCacheSize, int maxKeystoneRequests) {

    static final Setting<URI> AUTH_URL = Setting.httpUrl("auth_url", "http://127.0.0.1:5000/v3",
            "Keystone's identity API v3.");
    static final Setting<String> SERVICE_USER = Setting.text("service_user", "s3multi", "The gateway's own"
            + " Keystone user: role admin (s3tokens, reading EC2 secrets) and Swift's ResellerAdmin.");
    static final Setting<String> SERVICE_PASSWORD = Setting.text("service_password", "", "Its password (required;"
            + " the dev Keystone's is s3multipass).");
    static final Setting<String> SERVICE_PROJECT = Setting.text("service_project", "service",
            "The project its token is scoped to.");
    static final Setting<String> SERVICE_DOMAIN = Setting.text("service_domain", "default",
            "The domain id of that user and project.");
    /** Its own default, not the top-level swift_url: the Swift behind Keystone is another proxy than tempauth's. */
    static final Setting<URI> SWIFT_URL = Setting.httpUrl(Setting.SWIFT_URL, "http://127.0.0.1:8083", "The Swift"
            + " proxy whose auth is Keystone (authtoken + keystoneauth): scheme, host and port only. Not taken from"
            + " the top-level swift_url, whose proxy authenticates with tempauth.");
    static final Setting<String> RESELLER_PREFIX = Setting.text("reseller_prefix", "AUTH_",
            "Prefix of the Swift accounts: project p is account <reseller_prefix>p.");
    static final Setting<Duration> CACHE_TTL = Setting.seconds("cache_ttl", "60", "Seconds a verified credential"
            + " is trusted without Keystone: how long a disabled user or deleted credential may still work, and"
            + " how long cached users keep working while Keystone is down.");
    static final Setting<Duration> CONNECT_TIMEOUT = Setting.seconds("connect_timeout", "2",
            "Seconds to wait for a connection to Keystone; unreachable means 503 ServiceUnavailable for uncached"
            + " users.");
    static final Setting<Duration> REQUEST_TIMEOUT = Setting.seconds("request_timeout", "5",
            "Seconds one Keystone request may take.");
    static final Setting<Integer> ALLOWABLE_CLOCK_SKEW = Setting.integer("allowable_clock_skew", "900", 0,
            7 * 24 * 3600, "Seconds the client's clock may differ from the gateway's.");
    static final Setting<Set<String>> OPERATOR_ROLES = new Setting<>("operator_roles", "admin, member, swiftoperator",
            S3TokenConfig::roles, "Roles on the project that may use its account (as Swift keystoneauth's"
            + " operator_roles).");
    static final Setting<Duration> NEGATIVE_CACHE_TTL = Setting.seconds("negative_cache_ttl", "10", "Seconds a key"
            + " Keystone does not know, or whose signature it refused, is remembered, so that unauthenticated"
            + " traffic does not become Keystone traffic. A right signature on a key remembered as refused still"
            + " goes to Keystone at once.");
    static final Setting<Integer> NEGATIVE_CACHE_SIZE = Setting.integer("negative_cache_size", "10000", 1,
            10_000_000, "Keys remembered that way at most.");
    static final Setting<Integer> MAX_KEYSTONE_REQUESTS = Setting.integer("max_keystone_requests", "8", 1, 1024,
            "Exchanges with Keystone at once; beyond it uncached keys get 503 SlowDown at once.");

    static final DeclaredSettings SETTINGS = DeclaredSettings.stage("s3token", "S3 users from Keystone EC2"
            + " credentials. Keystone checks a key's first signature (/v3/s3tokens); the gateway then keeps the"
            + " secret for cache_ttl and verifies locally. Project p acts on Swift account <reseller_prefix>p of"
            + " swift_url with the gateway's own token.", AUTH_URL, SERVICE_USER, SERVICE_PASSWORD, SERVICE_PROJECT,
            SERVICE_DOMAIN, SWIFT_URL, RESELLER_PREFIX, CACHE_TTL, CONNECT_TIMEOUT, REQUEST_TIMEOUT,
            ALLOWABLE_CLOCK_SKEW, OPERATOR_ROLES, NEGATIVE_CACHE_TTL, NEGATIVE_CACHE_SIZE, MAX_KEYSTONE_REQUESTS);

    public S3TokenConfig {
        Objects.requireNonNull(authUrl, "authUrl");
        Objects.requireNonNull(swiftUrl, "swiftUrl");
        if (serviceUser == null || serviceUser.isEmpty() || servicePassword == null || servicePassword.isEmpty()) {
            throw new IllegalArgumentException("s3token needs service_user and service_password");
        }
        operatorRoles = Set.copyOf(operatorRoles);
        Objects.requireNonNull(negativeCacheTtl, "negativeCacheTtl");
        if (negativeCacheSize < 1 || maxKeystoneRequests < 1) {
            throw new IllegalArgumentException("negative_cache_size and max_keystone_requests must be at least 1");
        }
    }

    static S3TokenConfig from(FilterSettings settings) {
        String authUrl = AUTH_URL.read(settings).toString();
        String prefix = RESELLER_PREFIX.read(settings);
        return new S3TokenConfig(
                URI.create(authUrl.endsWith("/") ? authUrl.substring(0, authUrl.length() - 1) : authUrl),
                SERVICE_USER.read(settings), SERVICE_PASSWORD.read(settings), SERVICE_PROJECT.read(settings),
                SERVICE_DOMAIN.read(settings), SWIFT_URL.read(settings),
                prefix.isEmpty() || prefix.endsWith("_") ? prefix : prefix + "_",
                CACHE_TTL.read(settings), CONNECT_TIMEOUT.read(settings), REQUEST_TIMEOUT.read(settings),
                Duration.ofSeconds(ALLOWABLE_CLOCK_SKEW.read(settings)), OPERATOR_ROLES.read(settings),
                NEGATIVE_CACHE_TTL.read(settings), NEGATIVE_CACHE_SIZE.read(settings),
                MAX_KEYSTONE_REQUESTS.read(settings));
    }

    private static Set<String> roles(String text) {
        return Arrays.stream(text.split(","))
                .map(role -> role.trim().toLowerCase(Locale.ROOT))
                .filter(role -> !role.isEmpty())
                .collect(Collectors.toUnmodifiableSet());
    }

    @Override
    public String toString() {
        return "S3TokenConfig[authUrl=" + authUrl + ", serviceUser=" + serviceUser + ", serviceProject="
                + serviceProject + ", swiftUrl=" + swiftUrl + ", cacheTtl=" + cacheTtl + "]";  // never the password
    }
}
