package io.s3multi.filters.pipeline;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import io.s3multi.filters.testing.GatewayUnderTest;
import java.net.URI;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The top-level swift_url is every stage's Swift; a stage's own swift_url wins over it. */
class SwiftUrlPrecedenceTest {

    private static final Setting<URI> OWN = Setting.swiftUrl("The stage's Swift.");
    private static final URI TOP = URI.create("http://swift.example:8080");

    private static FilterSettings stage(Map<String, String> configured) {
        return new FilterSettings("stage", Map.of(OWN.name(), OWN.defaultValue()), configured,
                new SharedSettings(List.of(), "us-east-1", TOP));
    }

    @Test
    void aStageWithoutItsOwnSwiftUrlTalksToTheTopLevelOne() {
        assertEquals(TOP, stage(Map.of()).swiftUrl(OWN));
        assertEquals("swift_url", stage(Map.of()).swiftUrlKey(OWN));
    }

    @Test
    void aStagesOwnSwiftUrlWins() {
        FilterSettings settings = stage(Map.of("swift_url", "http://other:8083"));
        assertEquals(URI.create("http://other:8083"), settings.swiftUrl(OWN));
        assertEquals("filter.stage.swift_url", settings.swiftUrlKey(OWN));
    }

    @Test
    void aStagesOwnSwiftUrlIsCheckedAsAUrl() {
        var e = assertThrows(IllegalArgumentException.class,
                () -> stage(Map.of("swift_url", "ftp://x")).swiftUrl(OWN));
        assertEquals("filter.stage.swift_url = 'ftp://x': not an http(s) URL with a host", e.getMessage());
    }

    @Test
    void theTopLevelSwiftUrlDefaultsToTheDevSwiftAndIsChecked() {
        assertEquals(URI.create("http://127.0.0.1:8081"),
                GatewayConfig.fromProperties(GatewayUnderTest.config("proxy_server"), "test").swiftUrl());
        GatewayConfig set = GatewayConfig.fromProperties(GatewayUnderTest.config("proxy_server",
                "swift_url", " http://swift.example:8080 "), "test");
        assertEquals(TOP, set.swiftUrl());
        assertEquals(TOP, set.withPort(0).swiftUrl());
        var e = assertThrows(PipelineConfigException.class, () -> GatewayConfig.fromProperties(
                GatewayUnderTest.config("proxy_server", "swift_url", "swift:8080"), "test"));
        assertEquals(List.of("swift_url = 'swift:8080': not an http(s) URL with a host"), e.problems());
    }

    @Test
    void theInstallerHandsTheTopLevelSwiftUrlToEveryStage() {
        GatewayConfig config = GatewayConfig.fromProperties(GatewayUnderTest.config("proxy_server",
                "swift_url", "http://swift.example:8080"), "test");
        assertEquals(new SharedSettings(List.of(), "us-east-1", TOP), config.shared());
    }
}
