package io.s3multi.webapp;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.s3multi.filters.pipeline.ConfigLoader;
import io.s3multi.filters.pipeline.GatewayConfig;
import java.io.InputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyStore;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.concurrent.TimeUnit;
import javax.net.ssl.SSLContext;
import javax.net.ssl.TrustManagerFactory;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The launcher serves HTTPS, and only HTTPS, on its port when {@code server.key_store} names a key store. */
class HttpsServerTest {

    private static final String PASSWORD = "changeit-test";

    @Test
    void withAKeyStoreThePortSpeaksTlsOnly(@TempDir Path dir) throws Exception {
        Path store = selfSigned(dir.resolve("gateway.p12"));
        var overrides = new Properties();
        overrides.setProperty("s3multi.pipeline", "catch_errors proxy_logging healthcheck tempauth s3api proxy_server");
        overrides.setProperty("s3multi.filter.s3api.bucket_registry_key", "unused-in-this-test");
        overrides.setProperty("s3multi.server.key_store", store.toString());
        overrides.setProperty("s3multi.server.key_store_password", PASSWORD);
        GatewayConfig config = new ConfigLoader(overrides, Map.of(), getClass().getClassLoader()).load().withPort(0);
        try (S3MultiServer server = S3MultiServer.start(config)) {
            assertEquals(URI.create("https://127.0.0.1:" + server.port() + "/"), server.uri());
            HttpClient https = HttpClient.newBuilder().sslContext(trusting(store))
                    .connectTimeout(Duration.ofSeconds(5)).build();
            HttpResponse<String> answer = https.send(HttpRequest.newBuilder(server.uri().resolve("/healthcheck"))
                    .timeout(Duration.ofSeconds(10)).build(), HttpResponse.BodyHandlers.ofString());
            assertEquals(200, answer.statusCode());
            assertEquals("OK", answer.body());
            // plain HTTP on the same port gets no HTTP answer
            assertFalse(plainAnswer(server.port()).startsWith("HTTP/"));
        }
    }

    private static String plainAnswer(int port) throws Exception {
        try (var socket = new java.net.Socket("127.0.0.1", port)) {
            socket.setSoTimeout(10_000);
            socket.getOutputStream().write("GET /healthcheck HTTP/1.1\r\nHost: gw\r\nConnection: close\r\n\r\n"
                    .getBytes(java.nio.charset.StandardCharsets.ISO_8859_1));
            return new String(socket.getInputStream().readAllBytes(), java.nio.charset.StandardCharsets.ISO_8859_1);
        } catch (java.net.SocketException reset) {
            return "";   // the TLS side gave up on the bytes it could not read
        }
    }

    /** A PKCS12 key store with a self-signed certificate for 127.0.0.1, made by the JDK's keytool. */
    private static Path selfSigned(Path store) throws Exception {
        Path keytool = Path.of(System.getProperty("java.home"), "bin", "keytool");
        Process process = new ProcessBuilder(List.of(keytool.toString(), "-genkeypair", "-alias", "gateway",
                "-keyalg", "EC", "-groupname", "secp256r1", "-dname", "CN=127.0.0.1", "-ext", "SAN=ip:127.0.0.1",
                "-validity", "2", "-storetype", "PKCS12", "-keystore", store.toString(), "-storepass", PASSWORD,
                "-keypass", PASSWORD)).redirectErrorStream(true).start();
        String output;
        try (InputStream out = process.getInputStream()) {
            output = new String(out.readAllBytes(), java.nio.charset.StandardCharsets.UTF_8);
        }
        assertTrue(process.waitFor(60, TimeUnit.SECONDS) && process.exitValue() == 0, output);
        assertTrue(Files.size(store) > 0);
        return store;
    }

    private static SSLContext trusting(Path store) throws Exception {
        KeyStore keys = KeyStore.getInstance("PKCS12");
        try (InputStream in = Files.newInputStream(store)) {
            keys.load(in, PASSWORD.toCharArray());
        }
        TrustManagerFactory trust = TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
        trust.init(keys);
        SSLContext context = SSLContext.getInstance("TLS");
        context.init(null, trust.getTrustManagers(), null);
        return context;
    }
}
