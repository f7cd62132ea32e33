package io.s3multi.filters.proxylogging;

import io.s3multi.filters.pipeline.FilterFactory;
import io.s3multi.filters.pipeline.FilterSettings;
import jakarta.servlet.Filter;
import java.time.Clock;
import java.util.Map;

/** Creates {@link ProxyLoggingFilter} for the stage {@code proxy_logging}. */
public final class ProxyLoggingFilterFactory implements FilterFactory {

    @Override
    public String name() {
        return "proxy_logging";
    }

    @Override
    public Map<String, String> defaults() {
        return Map.of(ProxyLoggingConfig.ACCESS_LOG_NAME, ProxyLoggingConfig.DEFAULT_ACCESS_LOG_NAME);
    }

    @Override
    public Filter create(FilterSettings settings) {
        return new ProxyLoggingFilter(ProxyLoggingConfig.from(settings), Clock.systemUTC());
    }
}
