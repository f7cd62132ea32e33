package io.s3multi.filters.cors;

import io.s3multi.filters.pipeline.DeclaredSettings;
import io.s3multi.filters.pipeline.FilterSettings;
import io.s3multi.filters.pipeline.Setting;
import io.s3multi.s3.cors.CorsRules;
import io.s3multi.s3.error.S3Exception;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Objects;
import java.util.Optional;

/**
 * The settings of cors.
 *
 * @param defaultRules the rules of every bucket that has no CORS configuration of its own (none: off)
 * @param cacheTtl     how long a bucket's configuration is kept before it is read again
 */
public record CorsConfig(Optional<CorsRules> defaultRules, Duration cacheTtl) {

    static final Setting<Optional<CorsRules>> DEFAULT_RULES = new Setting<>("default_rules", "",
            CorsConfig::parseRules, "A CORSConfiguration document (S3 XML, on one line) whose rules apply to every"
            + " bucket without a CORS configuration of its own; a bucket's own configuration replaces it. Empty:"
            + " off (a bucket without a configuration refuses every cross-origin request, as in AWS).");

    static final Setting<Integer> CACHE_TTL = Setting.integer("cache_ttl", "5", 0, 3600, "Seconds a bucket's CORS"
            + " configuration is kept before it is read again (0: read for every request with an Origin header);"
            + " a change made through another gateway takes effect here within this time.");

    static final DeclaredSettings SETTINGS = DeclaredSettings.stage("cors", "Answers CORS preflights (OPTIONS)"
            + " without credentials and adds Access-Control-* headers to S3 answers, from each bucket's CORS"
            + " configuration.", DEFAULT_RULES, CACHE_TTL);

    public CorsConfig {
        Objects.requireNonNull(defaultRules, "defaultRules");
        Objects.requireNonNull(cacheTtl, "cacheTtl");
    }

    static CorsConfig from(FilterSettings settings) {
        return new CorsConfig(DEFAULT_RULES.read(settings), Duration.ofSeconds(CACHE_TTL.read(settings)));
    }

    private static Optional<CorsRules> parseRules(String text) {
        if (text.isBlank()) {
            return Optional.empty();
        }
        try {
            return Optional.of(CorsRules.parse(text.getBytes(StandardCharsets.UTF_8)));
        } catch (S3Exception invalid) {
            throw new IllegalArgumentException("not a valid CORSConfiguration (" + invalid.code().wireCode() + ": "
                    + invalid.getMessage() + ")");
        }
    }
}
