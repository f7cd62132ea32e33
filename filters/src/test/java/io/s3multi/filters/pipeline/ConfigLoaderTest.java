package io.s3multi.filters.pipeline;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.Properties;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ConfigLoaderTest {

    @TempDir
    Path dir;

    private Path explicit;
    private Path byProperty;
    private Path byEnvironment;
    private ClassLoader withDefaultCopy;
    private final ClassLoader withoutDefaultCopy = new URLClassLoader(new URL[0], null);

    @BeforeEach
    void writeOneConfigPerSource() throws IOException {
        explicit = write("explicit.properties", 1001);
        byProperty = write("property.properties", 1002);
        byEnvironment = write("environment.properties", 1003);
        Path classpath = Files.createDirectories(dir.resolve("classpath"));
        Files.writeString(classpath.resolve(ConfigLoader.DEFAULT_RESOURCE),
                "pipeline = proxy_server\nserver.port = 1004\n");
        withDefaultCopy = new URLClassLoader(new URL[] {classpath.toUri().toURL()}, null);
    }

    private Path write(String name, int port) throws IOException {
        return Files.writeString(dir.resolve(name), "pipeline = proxy_server\nserver.port = " + port + "\n");
    }

    private static Properties props(String... keyValues) {
        var properties = new Properties();
        for (int i = 0; i < keyValues.length; i += 2) {
            properties.setProperty(keyValues[i], keyValues[i + 1]);
        }
        return properties;
    }

    @Test
    void theLaunchersFileWinsOverEverythingElse() {
        var loader = new ConfigLoader(props("s3multi.conf", byProperty.toString()),
                Map.of("S3MULTI_CONF", byEnvironment.toString()), withDefaultCopy);
        GatewayConfig config = loader.load(explicit);
        assertEquals(1001, config.port());
        assertEquals("file " + explicit.toAbsolutePath() + " (from --conf)", config.origin());
    }

    @Test
    void systemPropertyWinsOverEnvironmentAndClasspath() {
        var loader = new ConfigLoader(props("s3multi.conf", byProperty.toString()),
                Map.of("S3MULTI_CONF", byEnvironment.toString()), withDefaultCopy);
        assertEquals(1002, loader.load().port());
    }

    @Test
    void environmentWinsOverClasspath() {
        var loader = new ConfigLoader(props(), Map.of("S3MULTI_CONF", byEnvironment.toString()), withDefaultCopy);
        GatewayConfig config = loader.load();
        assertEquals(1003, config.port());
        assertEquals("file " + byEnvironment.toAbsolutePath() + " (from environment variable S3MULTI_CONF)",
                config.origin());
    }

    @Test
    void theDefaultCopyOnTheClasspathIsTheLastResort() {
        GatewayConfig config = new ConfigLoader(props(), Map.of(), withDefaultCopy).load();
        assertEquals(1004, config.port());
        assertTrue(config.origin().startsWith("default copy file:"), config.origin());
    }

    @Test
    void noConfigurationAnywhereIsRefused() {
        var e = assertThrows(PipelineConfigException.class,
                () -> new ConfigLoader(props(), Map.of(), withoutDefaultCopy).load());
        assertTrue(e.getMessage().contains("no configuration: pass --conf FILE, set -Ds3multi.conf or"
                + " S3MULTI_CONF, or put proxy-server.properties on the classpath"), e.getMessage());
    }

    @Test
    void aMissingNamedFileIsRefusedRatherThanFallingBack() {
        Path missing = dir.resolve("missing.properties");
        var e = assertThrows(PipelineConfigException.class, () -> new ConfigLoader(
                props("s3multi.conf", missing.toString()), Map.of(), withDefaultCopy).load());
        assertTrue(e.getMessage().contains("file " + missing.toAbsolutePath() + " (from system property s3multi.conf)"),
                e.getMessage());
        assertTrue(e.getMessage().contains("cannot read the configuration"), e.getMessage());
    }

    @Test
    void systemPropertiesOverrideAndAddKeys() {
        var loader = new ConfigLoader(props("s3multi.server.port", "9000",
                "s3multi.filter.proxy_server.swift_url", "http://swift.example:8080",
                "s3multi.conf", byProperty.toString(), "unrelated.property", "x"), Map.of(), withDefaultCopy);
        GatewayConfig config = loader.load();
        assertEquals(9000, config.port());
        assertEquals(Map.of("swift_url", "http://swift.example:8080"), config.settingsOf("proxy_server"));
        assertEquals("file " + byProperty.toAbsolutePath() + " (from system property s3multi.conf), overridden by"
                + " -Ds3multi.filter.proxy_server.swift_url -Ds3multi.server.port", config.origin());
    }

    @Test
    void aMistypedOverrideIsRefusedNotIgnored() {
        var loader = new ConfigLoader(props("s3multi.server.prot", "9000"), Map.of(), withDefaultCopy);
        var e = assertThrows(PipelineConfigException.class, loader::load);
        assertTrue(e.getMessage().contains("unknown key 'server.prot'"), e.getMessage());
        assertTrue(e.getMessage().contains("overridden by -Ds3multi.server.prot"), e.getMessage());
    }

    @Test
    void filesAreReadAsUtf8() throws IOException {
        Path file = Files.writeString(dir.resolve("utf8.properties"),
                "pipeline = healthcheck proxy_server\nfilter.healthcheck.disable_path = /tmp/außer Betrieb\n");
        GatewayConfig config = new ConfigLoader(props(), Map.of(), withoutDefaultCopy).load(file);
        assertEquals("/tmp/außer Betrieb", config.settingsOf("healthcheck").get("disable_path"));
    }
}
