package io.s3multi.webapp;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.List;
import java.util.SplittableRandom;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Pushes 200 MiB through the native Swift pass-through with Debian's python3-swiftclient while the gateway
 * runs with a 96 MiB heap: the object can only arrive whole if proxy_server streams it both ways.
 */
class SwiftPassThroughStreamingIT {

    private static final long OBJECT_SIZE = 200L * 1024 * 1024;
    private static final String SWIFT_URL = System.getProperty("swift.url", "http://127.0.0.1:8081");

    @TempDir
    static Path work;

    private static GatewayProcess gateway;

    @BeforeAll
    static void startGatewayWithSmallHeap() throws Exception {
        gateway = GatewayProcess.start(GatewayProcess.passThroughConf(SWIFT_URL), "96m");
    }

    @AfterAll
    static void stopGateway() throws Exception {
        if (gateway != null) {
            gateway.close();
        }
    }

    @Test
    void twoHundredMebibytesRoundTripThroughTheGatewayByteIdentical() throws Exception {
        Path original = work.resolve("original.bin");
        String md5 = writeRandomFile(original, OBJECT_SIZE, "MD5");
        String container = "streaming-" + UUID.randomUUID();

        String auth = swiftCli("auth");
        assertTrue(auth.contains("OS_STORAGE_URL=http://127.0.0.1:" + gateway.port() + "/v1/AUTH_test"),
                "Swift's auth answer must send the client back through the gateway:\n" + auth);

        swiftCli("upload", "--object-name", "big.bin", container, original.toString());
        Path copy = work.resolve("copy.bin");
        swiftCli("download", container, "big.bin", "--output", copy.toString());

        assertEquals(OBJECT_SIZE, Files.size(copy));
        assertEquals(digestOf(original, "SHA-256"), digestOf(copy, "SHA-256"), "downloaded bytes differ");
        assertStoredInSwift(container, "big.bin", md5);
        assertTrue(gateway.isAlive(), "gateway died:\n" + gateway.output());
        assertFalse(gateway.output().contains("OutOfMemoryError"), gateway.output());

        swiftCli("delete", container);
    }

    /** Asks Swift itself, not the gateway, what it stored. */
    private static void assertStoredInSwift(String container, String object, String md5) throws Exception {
        HttpClient http = HttpClient.newHttpClient();
        HttpResponse<Void> auth = http.send(HttpRequest.newBuilder(URI.create(SWIFT_URL + "/auth/v1.0"))
                        .header("X-Auth-User", "test:tester").header("X-Auth-Key", "testing").build(),
                HttpResponse.BodyHandlers.discarding());
        String storageUrl = auth.headers().firstValue("X-Storage-Url").orElseThrow();
        String token = auth.headers().firstValue("X-Auth-Token").orElseThrow();
        HttpResponse<Void> head = http.send(HttpRequest.newBuilder(URI.create(storageUrl + "/" + container + "/" + object))
                        .method("HEAD", HttpRequest.BodyPublishers.noBody()).header("X-Auth-Token", token).build(),
                HttpResponse.BodyHandlers.discarding());
        assertEquals(200, head.statusCode());
        assertEquals(Long.toString(OBJECT_SIZE), head.headers().firstValue("Content-Length").orElseThrow());
        assertEquals(md5, head.headers().firstValue("Etag").orElseThrow().replace("\"", ""));
    }

    /** Runs Debian's swift CLI against the gateway and returns what it printed; fails on a non-zero exit. */
    private static String swiftCli(String... arguments) throws IOException, InterruptedException {
        var command = new java.util.ArrayList<>(List.of("/usr/bin/swift",
                "-A", "http://127.0.0.1:" + gateway.port() + "/auth/v1.0", "-U", "test:tester", "-K", "testing"));
        command.addAll(List.of(arguments));
        var builder = new ProcessBuilder(command).redirectErrorStream(true);
        builder.environment().remove("PYTHONPATH");
        builder.environment().remove("PYTHONHOME");
        Process process = builder.start();
        String output = new String(process.getInputStream().readAllBytes());
        if (!process.waitFor(5, TimeUnit.MINUTES)) {
            process.destroyForcibly();
            throw new AssertionError("swift " + String.join(" ", arguments) + " hung:\n" + output);
        }
        assertEquals(0, process.exitValue(), "swift " + String.join(" ", arguments) + ":\n" + output);
        return output;
    }

    private static String writeRandomFile(Path file, long size, String algorithm) throws IOException {
        MessageDigest digest = newDigest(algorithm);
        var random = new SplittableRandom(42);
        byte[] block = new byte[1 << 20];
        try (OutputStream out = Files.newOutputStream(file)) {
            for (long written = 0; written < size; written += block.length) {
                for (int i = 0; i < block.length; i += 8) {
                    long value = random.nextLong();
                    for (int b = 0; b < 8; b++) {
                        block[i + b] = (byte) (value >>> (8 * b));
                    }
                }
                out.write(block);
                digest.update(block);
            }
        }
        return HexFormat.of().formatHex(digest.digest());
    }

    private static String digestOf(Path file, String algorithm) throws IOException {
        MessageDigest digest = newDigest(algorithm);
        byte[] buffer = new byte[1 << 16];
        try (InputStream in = Files.newInputStream(file)) {
            for (int read; (read = in.read(buffer)) > 0; ) {
                digest.update(buffer, 0, read);
            }
        }
        return HexFormat.of().formatHex(digest.digest());
    }

    private static MessageDigest newDigest(String algorithm) {
        try {
            return MessageDigest.getInstance(algorithm);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
