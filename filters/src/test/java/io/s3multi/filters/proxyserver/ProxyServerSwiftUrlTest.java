package io.s3multi.filters.proxyserver;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import io.s3multi.filters.pipeline.FilterSettings;
import io.s3multi.filters.pipeline.SharedSettings;
import java.net.URI;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** proxy_server forwards to the top-level swift_url unless filter.proxy_server.swift_url says otherwise. */
class ProxyServerSwiftUrlTest {

    private static ProxyServerConfig parse(String topLevel, Map<String, String> configured) {
        return ProxyServerConfig.from(new FilterSettings("proxy_server", new ProxyServerFilterFactory().defaults(),
                configured, new SharedSettings(List.of(), "us-east-1", URI.create(topLevel))));
    }

    @Test
    void theTopLevelSwiftUrlIsTheDefaultAndTheStagesOwnWins() {
        assertEquals(URI.create("http://swift.example:8080"), parse("http://swift.example:8080", Map.of()).swiftUrl());
        assertEquals(URI.create("http://127.0.0.1:8081"),
                parse("http://swift.example:8080", Map.of("swift_url", "http://127.0.0.1:8081")).swiftUrl());
    }

    @Test
    void aPathIsRefusedNamingTheKeyItCameFrom() {
        var inherited = assertThrows(IllegalArgumentException.class, () -> parse("http://swift:8080/v1", Map.of()));
        assertEquals("swift_url = 'http://swift:8080/v1': give scheme, host and port only, without a path or query",
                inherited.getMessage());
        var own = assertThrows(IllegalArgumentException.class,
                () -> parse("http://swift:8080", Map.of("swift_url", "http://swift:8080/v1")));
        assertEquals("filter.proxy_server.swift_url = 'http://swift:8080/v1': give scheme, host and port only,"
                + " without a path or query", own.getMessage());
    }
}
