package io.s3multi.filters.healthcheck;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.s3multi.filters.testing.GatewayUnderTest;
import io.s3multi.filters.testing.Ports;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class HealthcheckFilterTest {

    private static final HttpClient HTTP = HttpClient.newHttpClient();

    @TempDir
    static Path dir;

    private static Path disableFile;
    private static GatewayUnderTest gateway;

    @BeforeAll
    static void start() throws Exception {
        disableFile = dir.resolve("disabled");
        // No backend listens: every answer below comes from the gateway alone.
        gateway = GatewayUnderTest.start(GatewayUnderTest.config("catch_errors healthcheck proxy_server",
                "filter.healthcheck.disable_path", disableFile.toString(),
                "filter.proxy_server.swift_url", "http://127.0.0.1:" + Ports.closed()));
    }

    @AfterAll
    static void stop() throws Exception {
        gateway.close();
    }

    private static HttpResponse<String> send(String method, String path) throws Exception {
        return HTTP.send(HttpRequest.newBuilder(gateway.uri(path)).method(method, HttpRequest.BodyPublishers.noBody())
                .build(), HttpResponse.BodyHandlers.ofString());
    }

    @Test
    void getAnswersOkWithoutTheBackend() throws Exception {
        HttpResponse<String> answer = send("GET", "/healthcheck");
        assertEquals(200, answer.statusCode());
        assertEquals("OK", answer.body());
        assertEquals("text/plain;charset=utf-8", answer.headers().firstValue("Content-Type").orElseThrow());
        assertEquals(200, send("GET", "/healthcheck?verbose=1").statusCode());
    }

    @Test
    void headAnswersWithoutBody() throws Exception {
        HttpResponse<String> answer = send("HEAD", "/healthcheck");
        assertEquals(200, answer.statusCode());
        assertEquals("", answer.body());
    }

    @Test
    void otherMethodsAndPathsPassThrough() throws Exception {
        // proxy_server answers 404 to what is not native Swift: proof the request went past healthcheck.
        assertEquals(404, send("PUT", "/healthcheck").statusCode());
        assertEquals(404, send("GET", "/healthcheck/x").statusCode());
        assertEquals(404, send("GET", "/healthcheckx").statusCode());
    }

    @Test
    void theDisableFileTurnsItTo503() throws Exception {
        Files.writeString(disableFile, "maintenance");
        try {
            HttpResponse<String> answer = send("GET", "/healthcheck");
            assertEquals(503, answer.statusCode());
            assertEquals("DISABLED BY FILE", answer.body());
        } finally {
            Files.delete(disableFile);
        }
        assertEquals(200, send("GET", "/healthcheck").statusCode());
    }
}
