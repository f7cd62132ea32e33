package io.s3multi.filters.pipeline;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.net.URI;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;

class FilterSettingsTest {

    private static FilterSettings settings(Map<String, String> configured) {
        return new FilterSettings("proxy_server",
                Map.of("timeout", "5", "count", "64", "url", "http://127.0.0.1:8081", "name", ""), configured);
    }

    @Test
    void defaultsFillWhatTheFileDoesNotSay() {
        FilterSettings settings = settings(Map.of("count", " 12 "));
        assertEquals(12, settings.integer("count", 1, 100));
        assertEquals(Duration.ofSeconds(5), settings.seconds("timeout"));
        assertEquals(URI.create("http://127.0.0.1:8081"), settings.httpUrl("url"));
        assertEquals("", settings.text("name"));
    }

    @Test
    void secondsTakeFractionsAsSwiftWritesThem() {
        assertEquals(Duration.ofMillis(500), settings(Map.of("timeout", "0.5")).seconds("timeout"));
    }

    @Test
    void badValuesNameTheKeyTheValueAndTheReason() {
        assertEquals("filter.proxy_server.timeout = 'soon': not a number of seconds",
                assertThrows(IllegalArgumentException.class,
                        () -> settings(Map.of("timeout", "soon")).seconds("timeout")).getMessage());
        assertEquals("filter.proxy_server.timeout = '0': must be more than 0 seconds",
                assertThrows(IllegalArgumentException.class,
                        () -> settings(Map.of("timeout", "0")).seconds("timeout")).getMessage());
        assertEquals("filter.proxy_server.count = '0': must be between 1 and 100",
                assertThrows(IllegalArgumentException.class,
                        () -> settings(Map.of("count", "0")).integer("count", 1, 100)).getMessage());
        assertEquals("filter.proxy_server.count = 'many': not a whole number",
                assertThrows(IllegalArgumentException.class,
                        () -> settings(Map.of("count", "many")).integer("count", 1, 100)).getMessage());
        assertEquals("filter.proxy_server.url = 'ftp://x/': not an http(s) URL with a host",
                assertThrows(IllegalArgumentException.class,
                        () -> settings(Map.of("url", "ftp://x/")).httpUrl("url")).getMessage());
    }

    @Test
    void prefixedSettingsAreCollectedByFullName() {
        var settings = new FilterSettings("tempauth", Map.of(), Map.of("user_a_b", "k1 .admin", "user_c_d", "k2",
                "other", "x"));
        assertEquals(Map.of("user_a_b", "k1 .admin", "user_c_d", "k2"), settings.withPrefix("user_"));
    }
}
