package io.s3multi.admin;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.s3multi.filters.pipeline.GatewayConfig;
import io.s3multi.s3.multipart.MultipartSettings;
import java.time.Duration;
import java.util.Properties;
import org.junit.jupiter.api.Test;

/** The tool's aborts and sweeps keep to the gateways' claim timeout, read from the same configuration file. */
class StageSettingsTest {

    @Test
    void theClaimTimeoutIsTheS3multiStagesSetting() {
        assertEquals(Duration.ofSeconds(60), StageSettings.claimTimeout(config("tempauth s3multi s3api proxy_server",
                "60")));
        assertEquals(MultipartSettings.DEFAULT_CLAIM_TIMEOUT,
                StageSettings.claimTimeout(config("tempauth s3multi s3api proxy_server", null)), "its default");
        assertEquals(MultipartSettings.DEFAULT_CLAIM_TIMEOUT,
                StageSettings.claimTimeout(config("tempauth s3api proxy_server", null)), "no s3multi stage");
    }

    private static GatewayConfig config(String pipeline, String claimTimeout) {
        var properties = new Properties();
        properties.setProperty("pipeline", pipeline);
        properties.setProperty("swift_url", "http://127.0.0.1:9");
        if (claimTimeout != null) {
            properties.setProperty("filter.s3multi.claim_timeout", claimTimeout);
        }
        return GatewayConfig.fromProperties(properties, "test properties");
    }
}
