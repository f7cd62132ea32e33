package io.s3multi.webapp.balancer;

import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * Debian's HAProxy ({@code dev/swift install} installs it) as a child process of the test: {@code haproxy -f
 * <config> -db} (foreground), its configuration and its log (standard error, where the test configuration
 * sends HAProxy's request log) under {@code target/}, stopped by its PID when closed.
 */
final class Haproxy implements AutoCloseable {

    private static final Path BINARY = Path.of("/usr/sbin/haproxy");

    private final Process process;
    private final Path log;
    private final int port;

    private Haproxy(Process process, Path log, int port) {
        this.process = process;
        this.log = log;
        this.port = port;
    }

    /** Starts HAProxy with the documented configuration in front of the gateways listening on {@code ports}. */
    static Haproxy inFrontOf(List<Integer> gatewayPorts) throws IOException {
        requireBinary();
        int port = freeLoopbackPort();
        Path config = Files.createTempFile(Path.of("target"), "haproxy-", ".cfg");
        Files.writeString(config, DocumentedHaproxyConfig.read().forLoopback(port, gatewayPorts),
                StandardCharsets.UTF_8);
        Path log = Path.of(config.toString().replace(".cfg", ".log"));
        Process process = new ProcessBuilder(BINARY.toString(), "-f", config.toString(), "-db")
                .redirectErrorStream(true)
                .redirectOutput(log.toFile())
                .start();
        return new Haproxy(process, log, port);
    }

    /**
     * Runs {@code haproxy -c} on {@code config} (HAProxy's own check of a configuration, the whole file with its
     * TLS certificate read) and answers its output; fails when HAProxy refuses it.
     */
    static String check(Path config) throws IOException, InterruptedException {
        requireBinary();
        Process check = new ProcessBuilder(BINARY.toString(), "-c", "-f", config.toString())
                .redirectErrorStream(true)
                .start();
        String output = new String(check.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        if (!check.waitFor(30, TimeUnit.SECONDS) || check.exitValue() != 0) {
            throw new AssertionError("haproxy -c refused " + config + ":\n" + output);
        }
        return output;
    }

    private static void requireBinary() {
        if (!Files.isExecutable(BINARY)) {
            throw new AssertionError(BINARY + " is missing: run dev/swift install (it installs haproxy)");
        }
    }

    int port() {
        return port;
    }

    URI endpoint() {
        return URI.create("http://127.0.0.1:" + port);
    }

    boolean isAlive() {
        return process.isAlive();
    }

    /** HAProxy's output so far: its warnings and one line per request, naming the server that served it. */
    String log() throws IOException {
        return Files.readString(log, StandardCharsets.UTF_8);
    }

    private static int freeLoopbackPort() throws IOException {
        try (var socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            return socket.getLocalPort();
        }
    }

    @Override
    public void close() throws InterruptedException {
        // SIGTERM to this PID: HAProxy in the foreground stops at once.
        ProcessHandle.of(process.pid()).ifPresent(ProcessHandle::destroy);
        if (!process.waitFor(10, TimeUnit.SECONDS)) {
            process.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
        }
    }
}
