package io.s3multi.bench;

import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A server the benchmark starts as a separate process (a gateway JVM with its own {@code -Xmx}), so that
 * its CPU and memory are measured apart from the client's. Output goes to a log file; the process is
 * ready once its readiness URL answers with any HTTP status; {@link #close} stops it (SIGTERM, then SIGKILL).
 */
final class ServerProcess implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(ServerProcess.class);

    private final String name;
    private final Process process;
    private final URI endpoint;

    private URI metrics;

    private ServerProcess(String name, Process process, URI endpoint) {
        this.name = name;
        this.process = process;
        this.endpoint = endpoint;
    }

    /** Starts {@code command}, logging to {@code log}, and waits until {@code endpoint + readyPath} answers. */
    static ServerProcess start(String name, List<String> command, URI endpoint, String readyPath, Path log,
                               Duration patience) throws IOException, InterruptedException {
        return start(name, command, endpoint, readyPath, log, patience, null);
    }

    /** The same, probing an {@code https} endpoint with {@code tls} (the run's own certificate). */
    static ServerProcess start(String name, List<String> command, URI endpoint, String readyPath, Path log,
                               Duration patience, BenchTls tls) throws IOException, InterruptedException {
        LOG.info("starting {}: {}", name, String.join(" ", command));
        Process process = new ProcessBuilder(command).redirectErrorStream(true)
                .redirectOutput(log.toFile()).start();
        ServerProcess server = new ServerProcess(name, process, endpoint);
        try {
            server.awaitReady(URI.create(endpoint + readyPath), patience, log, tls);
        } catch (IOException | InterruptedException | RuntimeException e) {
            server.close();
            throw e;
        }
        return server;
    }

    /** A TCP port free on the loopback interface right now. */
    static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            return socket.getLocalPort();
        }
    }

    URI endpoint() {
        return endpoint;
    }

    ProcessGroup processes() {
        return new ProcessGroup(name, List.of(process.pid()), metrics);
    }

    /** Notes where the server serves its metrics (the s3multi gateway's listener), for {@link #processes()}. */
    ServerProcess withMetrics(URI metrics) {
        this.metrics = metrics;
        return this;
    }

    private void awaitReady(URI probe, Duration patience, Path log, BenchTls tls)
            throws IOException, InterruptedException {
        HttpClient.Builder client = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2));
        HttpClient http = (tls == null ? client : client.sslContext(tls.context())).build();
        long deadline = System.nanoTime() + patience.toNanos();
        while (System.nanoTime() < deadline) {
            if (!process.isAlive()) {
                throw new IOException(name + " exited with status " + process.exitValue() + "; see " + log);
            }
            try {
                http.send(HttpRequest.newBuilder(probe).timeout(Duration.ofSeconds(2)).build(),
                        HttpResponse.BodyHandlers.discarding());
                LOG.info("{} is up at {} (pid {})", name, endpoint, process.pid());
                return;
            } catch (IOException e) {
                Thread.sleep(250);
            }
        }
        throw new IOException(name + " did not answer " + probe + " within " + patience + "; see " + log);
    }

    @Override
    public void close() {
        process.destroy();
        try {
            if (!process.waitFor(15, TimeUnit.SECONDS)) {
                process.destroyForcibly().waitFor(5, TimeUnit.SECONDS);
            }
        } catch (InterruptedException e) {
            process.destroyForcibly();
            Thread.currentThread().interrupt();
        }
    }
}
