package io.s3multi.swift.http;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.s3multi.swift.SwiftClientConfig;
import io.s3multi.swift.error.SwiftConnectionException;
import java.io.InputStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.SocketTimeoutException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyStore;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;
import javax.net.ssl.KeyManagerFactory;
import javax.net.ssl.SSLContext;
import javax.net.ssl.TrustManagerFactory;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * An https Swift endpoint on the socket transport: TLS with keep-alive, the certificate checked against the trust
 * given (the JDK's default one in production) and against the host name.
 */
class SocketTlsTest {

    private static final String PASSWORD = "changeit";

    @TempDir
    static Path directory;
    private static ScriptedServer server;
    private static SSLContext trusting;

    @BeforeAll
    static void startTlsServer() throws Exception {
        KeyStore keys = selfSigned(directory.resolve("swift.p12"));
        KeyManagerFactory keyManagers = KeyManagerFactory.getInstance(KeyManagerFactory.getDefaultAlgorithm());
        keyManagers.init(keys, PASSWORD.toCharArray());
        SSLContext serverTls = SSLContext.getInstance("TLS");
        serverTls.init(keyManagers.getKeyManagers(), null, null);
        server = new ScriptedServer((peer, connection) -> {
            while (peer.readHead() != null) {
                peer.write("HTTP/1.1 200 OK\r\nContent-Length: 6\r\n\r\nsecret");
            }
        }, serverTls.getServerSocketFactory().createServerSocket(0, 50, InetAddress.getLoopbackAddress()), "https");
        TrustManagerFactory trust = TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
        trust.init(keys);
        trusting = SSLContext.getInstance("TLS");
        trusting.init(null, trust.getTrustManagers(), null);
    }

    @AfterAll
    static void stop() throws Exception {
        server.close();
    }

    private static Exchanges.Answer get(Exchanges exchanges, URI base) throws Exception {
        return exchanges.exchange(URI.create(base + "/o"), SwiftRequest.builder("GET", "/o").build(), "GET /o");
    }

    @Test
    void aTrustedCertificateCarriesRequestsOverOneConnection() throws Exception {
        int before = server.connections();
        try (Exchanges exchanges = SocketExchanges.start(config(), () -> trusting)) {
            for (int i = 0; i < 2; i++) {
                Exchanges.Answer answer = get(exchanges, server.endpoint());
                assertEquals(200, answer.status());
                try (InputStream body = answer.body()) {
                    assertEquals("secret", new String(body.readAllBytes(), StandardCharsets.US_ASCII));
                }
            }
            assertEquals(new SwiftTransport.PoolUse(0, 1), exchanges.poolUse());
        }
        assertEquals(before + 1, server.connections());
    }

    @Test
    void theDefaultTrustRefusesAnUnknownCertificate() {
        try (Exchanges exchanges = SocketExchanges.start(config())) {
            SwiftConnectionException refused = assertThrows(SwiftConnectionException.class,
                    () -> get(exchanges, server.endpoint()));
            assertTrue(refused.getMessage().contains("certification path"), refused.getMessage());
        }
    }

    @Test
    void aCertificateForAnotherHostNameIsRefused() {
        URI byName = URI.create("https://localhost:" + server.endpoint().getPort());
        try (Exchanges exchanges = SocketExchanges.start(config(), () -> trusting)) {
            assertThrows(SwiftConnectionException.class, () -> get(exchanges, byName));
        }
    }

    /**
     * A TLS endpoint that takes the connection and never answers the handshake: the connection is not yet in the
     * pool, where the watchdog looks, so the handshake is bounded by {@code SO_TIMEOUT} alone.
     */
    @Test
    void aHandshakeNeverAnsweredFailsWithinTheIdleTimeout() throws Exception {
        try (ServerSocket silent = new ServerSocket(0, 50, InetAddress.getLoopbackAddress())) {
            assertTimeoutPreemptively(Duration.ofSeconds(10), () -> assertThrows(SocketTimeoutException.class,
                    () -> SocketConnection.open("127.0.0.1", silent.getLocalPort(), trusting, Duration.ofSeconds(2),
                            Duration.ofMillis(500))));
        }
    }

    /**
     * The handshake is not a request: a connection that carried none fails its first request for good, as a plain
     * one does, instead of retrying it as if Swift had closed a connection idle in the pool before the request came
     * (Swift may have acted on it).
     */
    @Test
    void aNewConnectionHasCarriedNoRequestAfterItsHandshake() throws Exception {
        try (SocketConnection connection = SocketConnection.open("127.0.0.1", server.endpoint().getPort(), trusting,
                Duration.ofSeconds(2), Duration.ofSeconds(5))) {
            assertFalse(connection.carriedRequests());
        }
    }

    private static SwiftClientConfig config() {
        return SwiftClientConfig.defaults(server.endpoint()).withIdleTimeout(Duration.ofSeconds(5));
    }

    /** A PKCS12 key store with a self-signed certificate for 127.0.0.1, made by the JDK's keytool. */
    private static KeyStore selfSigned(Path store) throws Exception {
        Path keytool = Path.of(System.getProperty("java.home"), "bin", "keytool");
        Process process = new ProcessBuilder(List.of(keytool.toString(), "-genkeypair", "-alias", "swift",
                "-keyalg", "EC", "-groupname", "secp256r1", "-dname", "CN=127.0.0.1", "-ext", "SAN=ip:127.0.0.1",
                "-validity", "2", "-storetype", "PKCS12", "-keystore", store.toString(), "-storepass", PASSWORD,
                "-keypass", PASSWORD)).redirectErrorStream(true).start();
        String output;
        try (InputStream out = process.getInputStream()) {
            output = new String(out.readAllBytes(), StandardCharsets.UTF_8);
        }
        assertTrue(process.waitFor(60, TimeUnit.SECONDS) && process.exitValue() == 0, output);
        KeyStore keys = KeyStore.getInstance("PKCS12");
        try (InputStream in = Files.newInputStream(store)) {
            keys.load(in, PASSWORD.toCharArray());
        }
        return keys;
    }
}
