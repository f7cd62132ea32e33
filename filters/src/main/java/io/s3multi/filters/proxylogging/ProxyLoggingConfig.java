package io.s3multi.filters.proxylogging;

import io.s3multi.filters.pipeline.AddressRanges;
import io.s3multi.filters.pipeline.DeclaredSettings;
import io.s3multi.filters.pipeline.FilterSettings;
import io.s3multi.filters.pipeline.Setting;

/**
 * The settings of proxy_logging.
 *
 * @param accessLogName  the slf4j logger that receives the access lines (Swift's {@code access_log_name})
 * @param trustedProxies the proxies whose {@code X-Forwarded-For} names the client ({@link ForwardedClient})
 */
public record ProxyLoggingConfig(String accessLogName, AddressRanges trustedProxies) {

    static final Setting<String> ACCESS_LOG_NAME = Setting.text("access_log_name", "s3multi.access",
            "The slf4j logger that receives the lines.");
    static final Setting<AddressRanges> TRUSTED_PROXIES = new Setting<>("trusted_proxies", "", AddressRanges::parse,
            "Addresses and CIDR ranges (separated by spaces or commas) of proxies in front of the gateway whose"
                    + " X-Forwarded-For is believed: a request from one of them is logged with the client that header"
                    + " names (the rightmost address in it that is not itself a trusted proxy). Empty: the connection's"
                    + " address, always.");

    static final DeclaredSettings SETTINGS = DeclaredSettings.stage("proxy_logging", "One access-log line per"
            + " request (time, client, method, path, status, bytes in/out, duration, transaction id, S3 operation,"
            + " user, note). Credentials in queries are shown as ***.", ACCESS_LOG_NAME, TRUSTED_PROXIES);

    static ProxyLoggingConfig from(FilterSettings settings) {
        String name = ACCESS_LOG_NAME.read(settings);
        if (name.isEmpty()) {
            throw new IllegalArgumentException(settings.key(ACCESS_LOG_NAME.name()) + " must not be empty");
        }
        return new ProxyLoggingConfig(name, TRUSTED_PROXIES.read(settings));
    }
}
