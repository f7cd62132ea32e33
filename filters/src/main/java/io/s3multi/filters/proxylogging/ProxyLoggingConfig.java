package io.s3multi.filters.proxylogging;

import io.s3multi.filters.pipeline.FilterSettings;

/**
 * The settings of proxy_logging.
 *
 * @param accessLogName the slf4j logger that receives the access lines (Swift's {@code access_log_name})
 */
public record ProxyLoggingConfig(String accessLogName) {

    static final String ACCESS_LOG_NAME = "access_log_name";
    static final String DEFAULT_ACCESS_LOG_NAME = "s3multi.access";

    static ProxyLoggingConfig from(FilterSettings settings) {
        String name = settings.text(ACCESS_LOG_NAME);
        if (name.isEmpty()) {
            throw new IllegalArgumentException(settings.key(ACCESS_LOG_NAME) + " must not be empty");
        }
        return new ProxyLoggingConfig(name);
    }
}
