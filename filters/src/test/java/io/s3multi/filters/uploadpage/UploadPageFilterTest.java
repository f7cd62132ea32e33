package io.s3multi.filters.uploadpage;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import io.s3multi.filters.testing.GatewayUnderTest;
import io.s3multi.filters.testing.Ports;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** The page's files (a stand-in bundle in this module's test resources) and everything the stage leaves alone. */
class UploadPageFilterTest {

    private static final HttpClient HTTP = HttpClient.newHttpClient();

    private static GatewayUnderTest gateway;

    @BeforeAll
    static void start() throws Exception {
        // No backend listens: what passes on is answered by proxy_server with an error, never by the page.
        gateway = GatewayUnderTest.start(GatewayUnderTest.config("catch_errors upload_page proxy_server",
                "filter.upload_page.path", "/files/",
                "filter.proxy_server.swift_url", "http://127.0.0.1:" + Ports.closed()));
    }

    @AfterAll
    static void stop() throws Exception {
        gateway.close();
    }

    private static HttpResponse<String> send(String method, String path, String... headers) throws Exception {
        var request = HttpRequest.newBuilder(gateway.uri(path)).method(method, HttpRequest.BodyPublishers.noBody());
        if (headers.length > 0) {
            request.headers(headers);
        }
        return HTTP.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }

    @Test
    void thePathAnswersTheIndexRevalidatedEveryTime() throws Exception {
        HttpResponse<String> answer = send("GET", "/files/");
        assertEquals(200, answer.statusCode());
        assertEquals("<!doctype html><title>test page</title>\n", answer.body());
        assertEquals("text/html;charset=utf-8", answer.headers().firstValue("Content-Type").orElseThrow());
        assertEquals("no-cache", answer.headers().firstValue("Cache-Control").orElseThrow());
        assertEquals(answer.body(), send("GET", "/files/index.html").body());
    }

    @Test
    void bundlesNamedByTheirHashAreKeptForAYear() throws Exception {
        HttpResponse<String> answer = send("GET", "/files/app-ABCD1234.js");
        assertEquals(200, answer.statusCode());
        assertEquals("console.log(\"page\")\n", answer.body());
        assertEquals("text/javascript;charset=utf-8", answer.headers().firstValue("Content-Type").orElseThrow());
        assertEquals("public, max-age=31536000, immutable", answer.headers().firstValue("Cache-Control").orElseThrow());
        assertEquals("nosniff", answer.headers().firstValue("X-Content-Type-Options").orElseThrow());
    }

    @Test
    void aKnownEtagIsAnswered304() throws Exception {
        String etag = send("GET", "/files/").headers().firstValue("ETag").orElseThrow();
        HttpResponse<String> again = send("GET", "/files/", "If-None-Match", etag);
        assertEquals(304, again.statusCode());
        assertEquals("", again.body());
        assertEquals(200, send("GET", "/files/", "If-None-Match", "\"other\"").statusCode());
        assertEquals("", send("HEAD", "/files/app-ABCD1234.js").body());
    }

    @Test
    void s3RequestsAndOtherNamesPassOn() throws Exception {
        String page = send("GET", "/files/").body();
        for (HttpResponse<String> answer : new HttpResponse[] {
                send("GET", "/files/?list-type=2"),
                send("GET", "/files/", "Authorization", "AWS4-HMAC-SHA256 Credential=x"),
                send("GET", "/files/app-OTHER123.js"),
                send("GET", "/files/index.html?x=1"),
                send("PUT", "/files/"),
                send("GET", "/upload/")}) {
            assertNotEquals(page, answer.body(), answer.uri().toString());
            assertNotEquals(200, answer.statusCode(), answer.uri().toString());
        }
    }

    @Test
    void thePathMustStartAndEndWithASlash() {
        assertThrows(IllegalArgumentException.class, () -> new UploadPageConfig("/upload"));
        assertThrows(IllegalArgumentException.class, () -> new UploadPageConfig("upload/"));
        assertEquals("/", new UploadPageConfig("/").path());
    }
}
