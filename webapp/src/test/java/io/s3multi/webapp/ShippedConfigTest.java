package io.s3multi.webapp;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import io.s3multi.filters.pipeline.ConfigLoader;
import io.s3multi.filters.pipeline.FilterFactory;
import io.s3multi.filters.pipeline.FilterRegistry;
import io.s3multi.filters.pipeline.GatewayConfig;
import io.s3multi.filters.pipeline.PipelineConfigException;
import io.s3multi.filters.pipeline.PipelineValidator;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import org.junit.jupiter.api.Test;

/** conf/proxy-server.properties as shipped: valid, documented, and the very file inside the jar and WAR. */
class ShippedConfigTest {

    private static final ClassLoader LOADER = ShippedConfigTest.class.getClassLoader();

    private static String builtInCopy() throws IOException {
        try (InputStream in = LOADER.getResourceAsStream(ConfigLoader.DEFAULT_RESOURCE)) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
    }

    @Test
    void theBuiltInCopyIsConfProxyServerPropertiesItself() throws IOException {
        // surefire runs in the module directory
        Path conf = Path.of("..", "conf", ConfigLoader.DEFAULT_RESOURCE);
        assertArrayEquals(Files.readAllBytes(conf), builtInCopy().getBytes(StandardCharsets.UTF_8));
    }

    @Test
    void itIsAcceptedByTheStagesOfThisBuild() {
        GatewayConfig config = new ConfigLoader(new Properties(), Map.of(), LOADER).load();
        assertEquals(List.of(), PipelineValidator.problems(config, FilterRegistry.discover(LOADER)));
        assertEquals(List.of("catch_errors", "proxy_logging", "healthcheck", "upload_page", "cors", "tempauth", "tus",
                "s3multi", "s3api", "proxy_server"),
                config.pipeline());
        assertEquals("127.0.0.1", config.host());
        assertEquals(8080, config.port());
    }

    @Test
    void itShipsNoRegistrySecretAndRefusesToStartWithoutOne() {
        GatewayConfig config = new ConfigLoader(new Properties(), Map.of(), LOADER).load().withPort(0);
        assertEquals("", config.settingsOf("s3api").getOrDefault("bucket_registry_key", ""));
        PipelineConfigException refused = assertThrows(PipelineConfigException.class, () -> {
            try (S3MultiServer started = S3MultiServer.start(config)) {
                fail("started on " + started.uri());
            }
        });
        assertTrue(refused.getMessage().contains("filter.s3api.bucket_registry_user = s3multi:registry needs its"
                + " Swift key in filter.s3api.bucket_registry_key, which no configuration ships"), refused.getMessage());
    }

    @Test
    void everySettingOfEveryStageIsDocumentedWithItsDefault() throws IOException {
        String text = builtInCopy();
        FilterRegistry registry = FilterRegistry.discover(LOADER);
        GatewayConfig config = new ConfigLoader(new Properties(), Map.of(), LOADER).load();
        for (String stage : config.pipeline()) {
            FilterFactory factory = registry.find(stage).orElseThrow();
            factory.defaults().forEach((setting, defaultValue) -> {
                String line = ("#filter." + stage + "." + setting + " = " + defaultValue).trim();
                assertTrue(text.lines().anyMatch(l -> l.trim().equals(line)), "missing line: " + line);
            });
        }
    }
}
