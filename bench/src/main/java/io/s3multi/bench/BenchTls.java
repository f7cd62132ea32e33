package io.s3multi.bench;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyStore;
import java.util.List;
import java.util.concurrent.TimeUnit;
import javax.net.ssl.SSLContext;
import javax.net.ssl.TrustManager;
import javax.net.ssl.TrustManagerFactory;

/**
 * The HTTPS rows' certificate: a self-signed one for 127.0.0.1 in a PKCS12 key store made with the JDK's keytool in
 * the run's directory, served by the gateway ({@code server.key_store}) and trusted by the benchmark's clients.
 */
final class BenchTls {

    private static final String PASSWORD = "bench-only";

    private final Path store;
    private final TrustManager[] trustManagers;

    private BenchTls(Path store, TrustManager[] trustManagers) {
        this.store = store;
        this.trustManagers = trustManagers;
    }

    static BenchTls create(Path workDir) throws IOException, InterruptedException, GeneralSecurityException {
        Path store = workDir.resolve("gateway.p12");
        Path keytool = Path.of(System.getProperty("java.home"), "bin", "keytool");
        Process process = new ProcessBuilder(List.of(keytool.toString(), "-genkeypair", "-alias", "gateway",
                "-keyalg", "EC", "-groupname", "secp256r1", "-dname", "CN=127.0.0.1", "-ext", "SAN=ip:127.0.0.1",
                "-validity", "2", "-storetype", "PKCS12", "-keystore", store.toString(), "-storepass", PASSWORD,
                "-keypass", PASSWORD)).redirectErrorStream(true).start();
        String output;
        try (InputStream out = process.getInputStream()) {
            output = new String(out.readAllBytes(), StandardCharsets.UTF_8);
        }
        if (!process.waitFor(60, TimeUnit.SECONDS) || process.exitValue() != 0) {
            throw new IOException("keytool failed: " + output);
        }
        KeyStore keys = KeyStore.getInstance("PKCS12");
        try (InputStream in = Files.newInputStream(store)) {
            keys.load(in, PASSWORD.toCharArray());
        }
        TrustManagerFactory trust = TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
        trust.init(keys);
        return new BenchTls(store, trust.getTrustManagers());
    }

    /** The gateway's settings that make it serve HTTPS with this certificate. */
    List<String> gatewayOptions() {
        return List.of("-Ds3multi.server.key_store=" + store, "-Ds3multi.server.key_store_password=" + PASSWORD);
    }

    TrustManager[] trustManagers() {
        return trustManagers.clone();
    }

    SSLContext context() {
        try {
            SSLContext context = SSLContext.getInstance("TLS");
            context.init(null, trustManagers, null);
            return context;
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }
}
