package io.s3multi.filters.proxylogging;

import io.s3multi.filters.pipeline.DeclaredSettings;
import io.s3multi.filters.pipeline.FilterSettings;
import io.s3multi.filters.pipeline.Setting;

/**
 * The settings of proxy_logging.
 *
 * @param accessLogName the slf4j logger that receives the access lines (Swift's {@code access_log_name})
 */
public record ProxyLoggingConfig(String accessLogName) {

    static final Setting<String> ACCESS_LOG_NAME = Setting.text("access_log_name", "s3multi.access",
            "The slf4j logger that receives the lines.");

    static final DeclaredSettings SETTINGS = DeclaredSettings.stage("proxy_logging", "One access-log line per"
            + " request (time, client, method, path, status, bytes in/out, duration, transaction id, S3 operation,"
            + " user, note). Credentials in queries are shown as ***.", ACCESS_LOG_NAME);

    static ProxyLoggingConfig from(FilterSettings settings) {
        String name = ACCESS_LOG_NAME.read(settings);
        if (name.isEmpty()) {
            throw new IllegalArgumentException(settings.key(ACCESS_LOG_NAME.name()) + " must not be empty");
        }
        return new ProxyLoggingConfig(name);
    }
}
