package io.s3multi.filters.catcherrors;

import io.s3multi.filters.pipeline.DeclaredSettings;
import io.s3multi.filters.pipeline.FilterSettings;
import io.s3multi.filters.pipeline.Setting;
import java.util.regex.Pattern;

/**
 * The settings of catch_errors.
 *
 * @param transIdSuffix appended to every transaction id, so ids from several gateways or clusters can be told
 *                      apart in shared logs (Swift's {@code trans_id_suffix})
 */
public record CatchErrorsConfig(String transIdSuffix) {

    static final Setting<String> TRANS_ID_SUFFIX = new Setting<>("trans_id_suffix", "",
            text -> new CatchErrorsConfig(text).transIdSuffix(),
            "Appended to every transaction id; at most 32 of A-Z a-z 0-9 . _ ~ -");

    static final DeclaredSettings SETTINGS = DeclaredSettings.stage("catch_errors", "Transaction ids (X-Trans-Id,"
            + " x-amz-request-id) and a clean 500 for anything that escapes.", TRANS_ID_SUFFIX);

    // Ids travel in headers and log lines unquoted: keep them to URL-unreserved characters.
    private static final Pattern SAFE_SUFFIX = Pattern.compile("[A-Za-z0-9._~-]{0,32}");

    public CatchErrorsConfig {
        if (!SAFE_SUFFIX.matcher(transIdSuffix).matches()) {
            throw new IllegalArgumentException("use at most 32 of A-Z a-z 0-9 . _ ~ -");
        }
    }

    static CatchErrorsConfig from(FilterSettings settings) {
        return new CatchErrorsConfig(TRANS_ID_SUFFIX.read(settings));
    }
}
