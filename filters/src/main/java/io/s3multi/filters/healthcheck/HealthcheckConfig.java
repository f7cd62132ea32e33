package io.s3multi.filters.healthcheck;

import io.s3multi.filters.pipeline.FilterSettings;
import java.nio.file.Path;
import java.util.Objects;
import java.util.Optional;

/**
 * The settings of healthcheck.
 *
 * @param disablePath while this file exists the healthcheck answers 503 (Swift's {@code disable_path})
 */
public record HealthcheckConfig(Optional<Path> disablePath) {

    static final String DISABLE_PATH = "disable_path";

    public HealthcheckConfig {
        Objects.requireNonNull(disablePath, "disablePath");
    }

    static HealthcheckConfig from(FilterSettings settings) {
        String path = settings.text(DISABLE_PATH);
        return new HealthcheckConfig(path.isEmpty() ? Optional.empty() : Optional.of(Path.of(path)));
    }
}
