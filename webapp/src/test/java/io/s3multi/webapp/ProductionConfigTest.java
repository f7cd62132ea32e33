package io.s3multi.webapp;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.s3multi.filters.pipeline.ConfigLoader;
import io.s3multi.filters.pipeline.FilterFactory;
import io.s3multi.filters.pipeline.FilterRegistry;
import io.s3multi.filters.pipeline.FilterSettings;
import io.s3multi.filters.pipeline.GatewayConfig;
import io.s3multi.filters.pipeline.PipelineValidator;
import jakarta.servlet.Filter;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import org.junit.jupiter.api.Test;

/**
 * conf/proxy-server.production.properties, the example for a production deployment, passes the gateway's startup
 * validation once its secrets are supplied as secrets.args supplies them (system properties {@code s3multi.<key>}):
 * no unknown key, a valid pipeline, and every stage built from its settings, as the launcher does before it
 * listens. Nothing is contacted (the example's hosts do not exist).
 */
class ProductionConfigTest {

    static final Path PRODUCTION = Path.of("..", "conf", "proxy-server.production.properties");
    private static final ClassLoader LOADER = ProductionConfigTest.class.getClassLoader();
    private static final Map<String, String> SECRETS = Map.of(
            "filter.s3api.bucket_registry_key", "registry-key-placeholder",
            "filter.s3token.service_password", "keystone-password-placeholder",
            "service_key", "service-key-placeholder");
    /** The secrets without which a stage refuses to start (without service_key there is just no worker). */
    private static final List<String> REQUIRED = List.of("bucket_registry_key", "service_password");

    @Test
    void withItsSecretsSuppliedItPassesTheStartupValidation() {
        GatewayConfig config = load(SECRETS);
        FilterRegistry registry = FilterRegistry.discover(LOADER);
        assertEquals(List.of(), PipelineValidator.problems(config, registry));
        assertEquals(List.of("catch_errors", "proxy_logging", "healthcheck", "cors", "s3token", "tus", "s3multi",
                "s3api", "proxy_server"), config.pipeline());
        assertEquals(List.of(), stageProblems(config, registry));
    }

    @Test
    void itShipsNoSecretAndIsRefusedWithoutThem() throws IOException {
        String text = Files.readString(PRODUCTION, StandardCharsets.UTF_8);
        for (String secret : SECRETS.keySet()) {
            assertFalse(text.lines().anyMatch(line -> line.startsWith(secret)), secret + " must not be in the file");
        }
        GatewayConfig withoutSecrets = load(Map.of());
        FilterRegistry registry = FilterRegistry.discover(LOADER);
        List<String> refused = stageProblems(withoutSecrets, registry);
        assertEquals(REQUIRED.size(), refused.size(), refused.toString());
        for (String setting : REQUIRED) {
            assertTrue(refused.stream().anyMatch(problem -> problem.contains(setting)), setting + ": " + refused);
        }
    }

    private static GatewayConfig load(Map<String, String> secrets) {
        var systemProperties = new Properties();
        secrets.forEach((key, value) -> systemProperties.setProperty(ConfigLoader.OVERRIDE_PREFIX + key, value));
        return new ConfigLoader(systemProperties, Map.of(), LOADER).load(PRODUCTION);
    }

    /**
     * Builds every stage from its settings as the installer does before the gateway listens (the settings' own
     * checks throw), and collects what each refuses.
     */
    private static List<String> stageProblems(GatewayConfig config, FilterRegistry registry) {
        var problems = new ArrayList<String>();
        for (String stage : config.pipeline()) {
            FilterFactory factory = registry.find(stage).orElseThrow();
            try {
                Filter filter = factory.create(new FilterSettings(stage, factory.defaults(), config.settingsOf(stage),
                        config.shared()));
                filter.destroy();
            } catch (IllegalArgumentException refused) {
                problems.add(refused.getMessage());
            }
        }
        return problems;
    }
}
