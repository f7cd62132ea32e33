package io.s3multi.webapp;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.UUID;
import org.apache.catalina.connector.Connector;
import org.apache.catalina.startup.Tomcat;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Deploys {@code s3multi.war}, exactly as built, into a real Tomcat 10.1 and talks to the pipeline through
 * it: the WAR's own initializer must install the filters, and proxy_server must reach the dev Swift.
 */
class TomcatWarIT {

    private static final Path WAR = Path.of("target", "s3multi.war");
    private static final String SWIFT_URL = System.getProperty("swift.url", "http://127.0.0.1:8081");
    private static final String SWIFT_URL_OVERRIDE = "s3multi.filter.proxy_server.swift_url";

    @TempDir
    static Path tomcatBase;

    private static Tomcat tomcat;
    private static Connector connector;
    private final HttpClient http = HttpClient.newHttpClient();

    @BeforeAll
    static void deployWar() throws Exception {
        assertTrue(Files.isRegularFile(WAR), "build the WAR first: " + WAR.toAbsolutePath());
        System.setProperty(SWIFT_URL_OVERRIDE, SWIFT_URL);
        tomcat = new Tomcat();
        tomcat.setBaseDir(tomcatBase.toString());
        connector = new Connector("HTTP/1.1");
        connector.setPort(0);
        connector.setProperty("address", "127.0.0.1");
        // Without it Tomcat answers 400 to any S3 key containing an encoded slash (README: deploying the WAR).
        connector.setEncodedSolidusHandling("passthrough");
        tomcat.setConnector(connector);
        tomcat.getHost().setAutoDeploy(false);
        tomcat.addWebapp("", WAR.toAbsolutePath().toString());
        tomcat.start();
    }

    @AfterAll
    static void undeploy() throws Exception {
        System.clearProperty(SWIFT_URL_OVERRIDE);
        if (tomcat != null) {
            tomcat.stop();
            tomcat.destroy();
        }
    }

    @Test
    void healthcheckIsAnsweredByThePipelineInsideTomcat() throws Exception {
        HttpResponse<String> answer = http.send(get("/healthcheck").build(), HttpResponse.BodyHandlers.ofString());

        assertEquals(200, answer.statusCode());
        assertEquals("OK", answer.body().strip());
        assertTrue(answer.headers().firstValue("X-Trans-Id").isPresent(), "catch_errors ran: " + answer.headers());
    }

    @Test
    void nativeSwiftRequestsAreProxiedThroughTomcatToSwift() throws Exception {
        HttpResponse<Void> auth = http.send(get("/auth/v1.0")
                        .header("X-Auth-User", "test:tester").header("X-Auth-Key", "testing").build(),
                HttpResponse.BodyHandlers.discarding());
        assertEquals(200, auth.statusCode());
        String storageUrl = auth.headers().firstValue("X-Storage-Url").orElseThrow();
        assertEquals("http://127.0.0.1:" + connector.getLocalPort() + "/v1/AUTH_test", storageUrl);
        String token = auth.headers().firstValue("X-Auth-Token").orElseThrow();

        String container = "tomcat-" + UUID.randomUUID();
        String encodedObject = "dir%2Fname%20with%20spaces";
        String objectUrl = storageUrl + "/" + container + "/" + encodedObject;
        assertEquals(201, send(HttpRequest.newBuilder(URI.create(storageUrl + "/" + container))
                .header("X-Auth-Token", token).PUT(HttpRequest.BodyPublishers.noBody())).statusCode());
        assertEquals(201, send(HttpRequest.newBuilder(URI.create(objectUrl))
                .header("X-Auth-Token", token).PUT(HttpRequest.BodyPublishers.ofString("through tomcat"))).statusCode());

        HttpResponse<String> read = http.send(HttpRequest.newBuilder(URI.create(objectUrl))
                .header("X-Auth-Token", token).build(), HttpResponse.BodyHandlers.ofString());
        assertEquals(200, read.statusCode());
        assertEquals("through tomcat", read.body());

        String directObjectUrl = SWIFT_URL + "/v1/AUTH_test/" + container + "/" + encodedObject;
        HttpResponse<String> direct = http.send(HttpRequest.newBuilder(URI.create(directObjectUrl))
                .header("X-Auth-Token", token).build(), HttpResponse.BodyHandlers.ofString());
        assertEquals("through tomcat", direct.body(), "Swift stored the object under its decoded name");

        send(HttpRequest.newBuilder(URI.create(directObjectUrl)).header("X-Auth-Token", token).DELETE());
        send(HttpRequest.newBuilder(URI.create(SWIFT_URL + "/v1/AUTH_test/" + container))
                .header("X-Auth-Token", token).DELETE());
    }

    private HttpRequest.Builder get(String path) {
        return HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + connector.getLocalPort() + path));
    }

    private HttpResponse<Void> send(HttpRequest.Builder request) throws Exception {
        return http.send(request.build(), HttpResponse.BodyHandlers.discarding());
    }
}
