package io.s3multi.webapp;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.apache.catalina.Context;
import org.apache.catalina.connector.Connector;
import org.apache.catalina.startup.Tomcat;
import org.apache.tomcat.util.scan.StandardJarScanner;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * target/s3multi.war deployed at the root of a real Tomcat 10.1, configured as an operator would: the
 * connector passes {@code %2F} through, and the backend is named with a {@code -Ds3multi.*} override.
 */
class WarInTomcatIT {

    private static final String SWIFT_URL_OVERRIDE = "s3multi.filter.proxy_server.swift_url";

    private static HttpServer backend;
    private static Tomcat tomcat;
    private static Connector connector;
    private static Path baseDir;

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
        System.setProperty(SWIFT_URL_OVERRIDE, "http://127.0.0.1:" + backend.getAddress().getPort());

        baseDir = Files.createTempDirectory("s3multi-tomcat");
        Files.createDirectories(baseDir.resolve("webapps"));
        tomcat = new Tomcat();
        tomcat.setBaseDir(baseDir.toString());
        tomcat.setHostname("127.0.0.1");
        connector = new Connector();
        connector.setPort(0);
        connector.setProperty("address", "127.0.0.1");
        connector.setEncodedSolidusHandling("passthrough");
        tomcat.setConnector(connector);
        tomcat.setAddDefaultWebXmlToWebapp(false);
        Context context = tomcat.addWebapp("", Path.of("target", "s3multi.war").toAbsolutePath().toString());
        ((StandardJarScanner) context.getJarScanner()).setScanClassPath(false);
        tomcat.start();
    }

    @AfterAll
    static void undeploy() throws Exception {
        System.clearProperty(SWIFT_URL_OVERRIDE);
        if (tomcat != null) {
            tomcat.stop();
            tomcat.destroy();
        }
        if (backend != null) {
            backend.stop(0);
        }
    }

    /** One exchange as raw bytes: head and body. */
    private static String[] exchange(String target) throws IOException {
        try (var socket = new Socket("127.0.0.1", connector.getLocalPort())) {
            socket.setSoTimeout(10_000);
            socket.getOutputStream().write(("GET " + target + " HTTP/1.1\r\nHost: gw\r\nConnection: close\r\n\r\n")
                    .getBytes(StandardCharsets.ISO_8859_1));
            InputStream in = socket.getInputStream();
            String response = new String(in.readAllBytes(), StandardCharsets.UTF_8);
            int headEnd = response.indexOf("\r\n\r\n");
            return new String[] {response.substring(0, headEnd), dechunk(response.substring(headEnd + 4),
                    response.substring(0, headEnd))};
        }
    }

    private static String dechunk(String body, String head) {
        if (!head.toLowerCase().contains("transfer-encoding: chunked")) {
            return body;
        }
        var plain = new StringBuilder();
        int at = 0;
        for (int size; (size = Integer.parseInt(body.substring(at, body.indexOf("\r\n", at)), 16)) > 0;) {
            at = body.indexOf("\r\n", at) + 2;
            plain.append(body, at, at + size);
            at += size + 2;
        }
        return plain.toString();
    }

    @Test
    void theContainerInitializerInstalledThePipeline() throws Exception {
        String[] answer = exchange("/healthcheck");
        assertTrue(answer[0].startsWith("HTTP/1.1 200"), answer[0]);
        assertTrue(answer[0].contains("X-Trans-Id: tx"), answer[0]);
        assertEquals("OK", answer[1]);
    }

    @Test
    void nativeSwiftRequestsAreProxiedWithTheirRawPathsFromInsideTomcat() throws Exception {
        for (String target : List.of("/v1/AUTH_test/c/a%2Fb", "/v1/AUTH_test/c/a//b", "/v1/AUTH_test/c/100%25",
                "/v1/AUTH_test/c?prefix=a%2Fb&delimiter=%2F")) {
            String[] answer = exchange(target);
            assertTrue(answer[0].startsWith("HTTP/1.1 200"), target + ": " + answer[0]);
            assertEquals("GET " + target, answer[1]);
        }
    }

    @Test
    void pathsNoStageOwnsGetTheTerminal404NotTomcats() throws Exception {
        String[] answer = exchange("/bucket/a%2Fb");
        assertTrue(answer[0].startsWith("HTTP/1.1 404"), answer[0]);
        assertTrue(answer[0].contains("X-Trans-Id: tx"), answer[0]);
        assertEquals("Not Found\n", answer[1]);
    }
}
