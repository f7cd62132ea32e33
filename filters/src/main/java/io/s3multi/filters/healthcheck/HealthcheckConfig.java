package io.s3multi.filters.healthcheck;

import io.s3multi.filters.pipeline.DeclaredSettings;
import io.s3multi.filters.pipeline.FilterSettings;
import io.s3multi.filters.pipeline.Setting;
import java.nio.file.Path;
import java.util.Objects;
import java.util.Optional;

/**
 * The settings of healthcheck.
 *
 * @param disablePath while this file exists the healthcheck answers 503 (Swift's {@code disable_path})
 */
public record HealthcheckConfig(Optional<Path> disablePath) {

    static final Setting<Optional<Path>> DISABLE_PATH = new Setting<>("disable_path", "",
            path -> path.isEmpty() ? Optional.empty() : Optional.of(Path.of(path)),
            "While this file exists, the healthcheck answers 503 DISABLED BY FILE (empty: never).");

    static final DeclaredSettings SETTINGS = DeclaredSettings.stage("healthcheck",
            "GET /healthcheck answers OK without touching Swift.", DISABLE_PATH);

    public HealthcheckConfig {
        Objects.requireNonNull(disablePath, "disablePath");
    }

    static HealthcheckConfig from(FilterSettings settings) {
        return new HealthcheckConfig(DISABLE_PATH.read(settings));
    }
}
