package io.s3multi.filters.catcherrors;

import io.s3multi.filters.pipeline.FilterSettings;
import java.util.regex.Pattern;

/**
 * The settings of catch_errors.
 *
 * @param transIdSuffix appended to every transaction id, so ids from several gateways or clusters can be told
 *                      apart in shared logs (Swift's {@code trans_id_suffix})
 */
public record CatchErrorsConfig(String transIdSuffix) {

    static final String TRANS_ID_SUFFIX = "trans_id_suffix";

    // Ids travel in headers and log lines unquoted: keep them to URL-unreserved characters.
    private static final Pattern SAFE_SUFFIX = Pattern.compile("[A-Za-z0-9._~-]{0,32}");

    public CatchErrorsConfig {
        if (!SAFE_SUFFIX.matcher(transIdSuffix).matches()) {
            throw new IllegalArgumentException("'" + transIdSuffix + "': use at most 32 of A-Z a-z 0-9 . _ ~ -");
        }
    }

    static CatchErrorsConfig from(FilterSettings settings) {
        try {
            return new CatchErrorsConfig(settings.text(TRANS_ID_SUFFIX));
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException(settings.key(TRANS_ID_SUFFIX) + " = " + e.getMessage(), e);
        }
    }
}
