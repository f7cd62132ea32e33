package io.s3multi.swift;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.net.URI;
import java.time.Duration;
import org.junit.jupiter.api.Test;

class SwiftClientConfigTest {

    @Test
    void normalisesTheEndpointAndKeepsDefaults() {
        SwiftClientConfig config = SwiftClientConfig.defaults(URI.create("http://127.0.0.1:8081/"));
        assertEquals(URI.create("http://127.0.0.1:8081"), config.endpoint());
        assertEquals(Duration.ofSeconds(60), config.idleTimeout());
        assertEquals(64, config.maxConnections());
        assertEquals(Duration.ofMillis(250), config.withIdleTimeout(Duration.ofMillis(250)).idleTimeout());
    }

    @Test
    void refusesSettingsThatWouldLetAThreadWaitForever() {
        SwiftClientConfig config = SwiftClientConfig.defaults(URI.create("http://127.0.0.1:8081"));
        assertThrows(IllegalArgumentException.class, () -> config.withIdleTimeout(Duration.ZERO));
        assertThrows(IllegalArgumentException.class, () -> config.withConnectTimeout(Duration.ofSeconds(-1)));
        assertThrows(IllegalArgumentException.class, () -> config.withPool(0, 10));
        assertThrows(IllegalArgumentException.class,
                () -> SwiftClientConfig.defaults(URI.create("ftp://127.0.0.1")));
    }
}
