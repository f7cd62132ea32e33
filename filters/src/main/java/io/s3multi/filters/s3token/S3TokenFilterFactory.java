package io.s3multi.filters.s3token;

import io.s3multi.filters.pipeline.FilterFactory;
import io.s3multi.filters.pipeline.FilterSettings;
import io.s3multi.filters.pipeline.Placement;
import jakarta.servlet.Filter;
import java.time.Clock;
import java.util.LinkedHashMap;
import java.util.Map;

/** Creates {@link S3TokenFilter} for the stage {@code s3token}. */
public final class S3TokenFilterFactory implements FilterFactory {

    @Override
    public String name() {
        return "s3token";
    }

    @Override
    public Map<String, String> defaults() {
        var defaults = new LinkedHashMap<String, String>();
        defaults.put(S3TokenConfig.AUTH_URL, "http://127.0.0.1:5000/v3");
        defaults.put(S3TokenConfig.SERVICE_USER, "s3multi");
        defaults.put(S3TokenConfig.SERVICE_PASSWORD, "");
        defaults.put(S3TokenConfig.SERVICE_PROJECT, "service");
        defaults.put(S3TokenConfig.SERVICE_DOMAIN, "default");
        defaults.put(S3TokenConfig.SWIFT_URL, "http://127.0.0.1:8083");
        defaults.put(S3TokenConfig.RESELLER_PREFIX, "AUTH_");
        defaults.put(S3TokenConfig.CACHE_TTL, "60");
        defaults.put(S3TokenConfig.CONNECT_TIMEOUT, "2");
        defaults.put(S3TokenConfig.REQUEST_TIMEOUT, "5");
        defaults.put(S3TokenConfig.ALLOWABLE_CLOCK_SKEW, "900");
        defaults.put(S3TokenConfig.OPERATOR_ROLES, "admin, member, swiftoperator");
        defaults.put(S3TokenConfig.NEGATIVE_CACHE_TTL, "10");
        defaults.put(S3TokenConfig.NEGATIVE_CACHE_SIZE, "10000");
        defaults.put(S3TokenConfig.MAX_KEYSTONE_REQUESTS, "8");
        return defaults;
    }

    /** Identity first: the S3 stages act on what an auth stage attached. */
    @Override
    public Placement placement() {
        return Placement.anywhere().before("s3multi", "s3api");
    }

    @Override
    public Filter create(FilterSettings settings) {
        return new S3TokenFilter(S3TokenConfig.from(settings), settings.storageDomains(), settings.region(),
                Clock.systemUTC());
    }
}
