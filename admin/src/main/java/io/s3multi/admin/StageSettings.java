package io.s3multi.admin;

import io.s3multi.filters.pipeline.FilterRegistry;
import io.s3multi.filters.pipeline.FilterSettings;
import io.s3multi.filters.pipeline.GatewayConfig;
import java.util.Optional;

/** One stage's settings as the gateway reads them (its declared defaults under what the file says). */
final class StageSettings {

    private StageSettings() {
    }

    /** The settings of {@code stage} when it is in the pipeline; empty otherwise. */
    static Optional<FilterSettings> of(GatewayConfig config, String stage) {
        if (!config.pipeline().contains(stage)) {
            return Optional.empty();
        }
        return FilterRegistry.discover(StageSettings.class.getClassLoader()).find(stage).map(factory ->
                new FilterSettings(stage, factory.defaults(), config.settingsOf(stage), config.shared()));
    }
}
