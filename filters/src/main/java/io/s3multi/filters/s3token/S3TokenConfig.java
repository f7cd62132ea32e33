package io.s3multi.filters.s3token;

import io.s3multi.filters.pipeline.FilterSettings;
import java.net.URI;
import java.time.Duration;
import java.util.Arrays;
import java.util.Locale;
import java.util.Objects;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * The settings of s3token, parsed once (see {@link S3TokenFilter} for their meaning and defaults).
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

    static final String AUTH_URL = "auth_url";
    static final String SERVICE_USER = "service_user";
    static final String SERVICE_PASSWORD = "service_password";
    static final String SERVICE_PROJECT = "service_project";
    static final String SERVICE_DOMAIN = "service_domain";
    static final String SWIFT_URL = "swift_url";
    static final String RESELLER_PREFIX = "reseller_prefix";
    static final String CACHE_TTL = "cache_ttl";
    static final String CONNECT_TIMEOUT = "connect_timeout";
    static final String REQUEST_TIMEOUT = "request_timeout";
    static final String ALLOWABLE_CLOCK_SKEW = "allowable_clock_skew";
    static final String OPERATOR_ROLES = "operator_roles";
    static final String NEGATIVE_CACHE_TTL = "negative_cache_ttl";
    static final String NEGATIVE_CACHE_SIZE = "negative_cache_size";
    static final String MAX_KEYSTONE_REQUESTS = "max_keystone_requests";

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
        String authUrl = settings.httpUrl(AUTH_URL).toString();
        String prefix = settings.text(RESELLER_PREFIX);
        Set<String> roles = Arrays.stream(settings.text(OPERATOR_ROLES).split(","))
                .map(role -> role.trim().toLowerCase(Locale.ROOT))
                .filter(role -> !role.isEmpty())
                .collect(Collectors.toUnmodifiableSet());
        return new S3TokenConfig(
                URI.create(authUrl.endsWith("/") ? authUrl.substring(0, authUrl.length() - 1) : authUrl),
                settings.text(SERVICE_USER), settings.text(SERVICE_PASSWORD), settings.text(SERVICE_PROJECT),
                settings.text(SERVICE_DOMAIN), settings.httpUrl(SWIFT_URL),
                prefix.isEmpty() || prefix.endsWith("_") ? prefix : prefix + "_",
                settings.seconds(CACHE_TTL), settings.seconds(CONNECT_TIMEOUT), settings.seconds(REQUEST_TIMEOUT),
                Duration.ofSeconds(settings.integer(ALLOWABLE_CLOCK_SKEW, 0, 7 * 24 * 3600)), roles,
                settings.seconds(NEGATIVE_CACHE_TTL), settings.integer(NEGATIVE_CACHE_SIZE, 1, 10_000_000),
                settings.integer(MAX_KEYSTONE_REQUESTS, 1, 1024));
    }

    @Override
    public String toString() {
        return "S3TokenConfig[authUrl=" + authUrl + ", serviceUser=" + serviceUser + ", serviceProject="
                + serviceProject + ", swiftUrl=" + swiftUrl + ", cacheTtl=" + cacheTtl + "]";  // never the password
    }
}
