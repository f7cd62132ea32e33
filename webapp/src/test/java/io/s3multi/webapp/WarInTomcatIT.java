package io.s3multi.webapp;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.sun.net.httpserver.HttpServer;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * target/s3multi.war deployed at the root of a real Tomcat 10.1, configured as an operator would: the
 * connector passes {@code %2F} through, and the backend is named with a {@code -Ds3multi.*} override; the bucket
 * registry is off (its user emptied by an override), since the stand-in backend is no Swift to keep it in.
 */
class WarInTomcatIT {

    private static final String SWIFT_URL_OVERRIDE = "s3multi.filter.proxy_server.swift_url";

    private static HttpServer backend;
    private static TomcatWithWar tomcat;

    @BeforeAll
    static void deploy() throws Exception {
        // A stand-in for Swift that answers with the request line it received.
        backend = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        backend.createContext("/", exchange -> {
            String query = exchange.getRequestURI().getRawQuery();
            byte[] body = (exchange.getRequestMethod() + " " + exchange.getRequestURI().getRawPath()
                    + (query == null ? "" : "?" + query)).getBytes(StandardCharsets.UTF_8);
            exchange.sendResponseHeaders(200, body.length);
            try (OutputStream out = exchange.getResponseBody()) {
                out.write(body);
            }
        });
        backend.start();
        tomcat = TomcatWithWar.deploy(Files.createTempDirectory("s3multi-tomcat"),
                Map.of(SWIFT_URL_OVERRIDE, "http://127.0.0.1:" + backend.getAddress().getPort(),
                        // authorization reads a bucket's record in the registry; without one it has none to read
                        "s3multi.filter.s3api.bucket_registry_user", ""));
    }

    @AfterAll
    static void undeploy() throws Exception {
        if (tomcat != null) {
            tomcat.close();
        }
        if (backend != null) {
            backend.stop(0);
        }
    }

    @Test
    void theContainerInitializerInstalledThePipeline() throws Exception {
        RawExchange answer = RawExchange.get(tomcat.port(), "/healthcheck");
        assertTrue(answer.hasStatus(200), answer.head());
        assertTrue(answer.head().contains("X-Trans-Id: tx"), answer.head());
        assertEquals("OK", answer.body());
    }

    @Test
    void nativeSwiftRequestsAreProxiedWithTheirRawPathsFromInsideTomcat() throws Exception {
        for (String target : List.of("/v1/AUTH_test/c/a%2Fb", "/v1/AUTH_test/c/a//b", "/v1/AUTH_test/c/100%25",
                "/v1/AUTH_test/c?prefix=a%2Fb&delimiter=%2F")) {
            RawExchange answer = RawExchange.get(tomcat.port(), target);
            assertTrue(answer.hasStatus(200), target + ": " + answer.head());
            assertEquals("GET " + target, answer.body());
        }
    }

    @Test
    void anonymousS3RequestsGetAnS3ErrorFromTheS3StagesInsideTomcat() throws Exception {
        RawExchange answer = RawExchange.get(tomcat.port(), "/bucket/a%2Fb");
        assertTrue(answer.hasStatus(403), answer.head());
        assertTrue(answer.head().contains("x-amz-request-id: tx"), answer.head());
        assertTrue(answer.body().contains("<Code>AccessDenied</Code>"), answer.body());
    }

    @Test
    void pathsNoStageOwnsGetTheTerminal404NotTomcats() throws Exception {
        // not /v1/, /auth/ or /info, and without S3 credentials not S3 either
        RawExchange answer = RawExchange.get(tomcat.port(), "/v1.0/x");
        assertTrue(answer.hasStatus(404), answer.head());
        assertTrue(answer.head().contains("X-Trans-Id: tx"), answer.head());
        assertEquals("Not Found\n", answer.body());
    }
}
