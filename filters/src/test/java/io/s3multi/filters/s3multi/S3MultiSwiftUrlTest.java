package io.s3multi.filters.s3multi;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.s3multi.filters.pipeline.FilterSettings;
import io.s3multi.filters.pipeline.SharedSettings;
import java.net.URI;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** s3multi reads /info from the top-level swift_url unless filter.s3multi.swift_url says otherwise. */
class S3MultiSwiftUrlTest {

    private static final SharedSettings TOP = new SharedSettings(List.of(), "us-east-1",
            URI.create("http://swift.example:8080"));

    private static S3MultiConfig parse(Map<String, String> configured) {
        return S3MultiConfig.from(new FilterSettings("s3multi", new S3MultiFilterFactory().defaults(), configured,
                TOP));
    }

    @Test
    void theTopLevelSwiftUrlIsTheDefault() {
        assertEquals(URI.create("http://swift.example:8080"), parse(Map.of()).swiftUrl());
    }

    @Test
    void theStagesOwnSwiftUrlWins() {
        assertEquals(URI.create("http://127.0.0.1:8085"),
                parse(Map.of("swift_url", "http://127.0.0.1:8085")).swiftUrl());
    }
}
