package io.s3multi.filters.s3token;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.s3multi.filters.pipeline.FilterSettings;
import io.s3multi.filters.pipeline.SharedSettings;
import java.net.URI;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** s3token's Swift is a Keystone-auth proxy: its own swift_url, never the top-level (tempauth) one. */
class S3TokenSwiftUrlTest {

    private static S3TokenConfig parse(Map<String, String> configured) {
        return S3TokenConfig.from(new FilterSettings("s3token", new S3TokenFilterFactory().defaults(), configured,
                new SharedSettings(List.of(), "us-east-1", URI.create("http://swift.example:8080"))));
    }

    @Test
    void theTopLevelSwiftUrlDoesNotReplaceTheKeystoneSwift() {
        assertEquals(URI.create("http://127.0.0.1:8083"), parse(Map.of("service_password", "pw")).swiftUrl());
        assertEquals(URI.create("http://keystone-swift:8080"), parse(Map.of("service_password", "pw",
                "swift_url", "http://keystone-swift:8080")).swiftUrl());
    }
}
