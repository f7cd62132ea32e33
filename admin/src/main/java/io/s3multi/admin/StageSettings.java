package io.s3multi.admin;

import io.s3multi.filters.pipeline.FilterRegistry;
import io.s3multi.filters.pipeline.FilterSettings;
import io.s3multi.filters.pipeline.GatewayConfig;
import io.s3multi.s3.multipart.MultipartSettings;
import java.time.Duration;
import java.util.Optional;

/** One stage's settings as the gateway reads them (its declared defaults under what the file says). */
final class StageSettings {

    private StageSettings() {
    }

    /**
     * The gateways' {@code filter.s3multi.claim_timeout} (the default without an s3multi stage): what the tool's
     * aborts and sweeps wait out before they take over an upload's claim, as the gateways do.
     */
    static Duration claimTimeout(GatewayConfig config) {
        return of(config, "s3multi").map(s3multi -> s3multi.seconds("claim_timeout"))
                .orElse(MultipartSettings.DEFAULT_CLAIM_TIMEOUT);
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
