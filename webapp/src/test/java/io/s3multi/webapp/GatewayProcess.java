package io.s3multi.webapp;

import io.s3multi.webapp.s3.S3TestGateway;
import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.s3.S3Client;

/**
 * The gateway as an operator runs it: {@code java -jar webapp/target/s3multi.jar} in its own JVM, so that
 * tests can give it a small heap and prove that bodies stream instead of being held.
 */
final class GatewayProcess implements AutoCloseable {

    private static final Path LAUNCHER_JAR = Path.of("target", "s3multi.jar");
    private static final Duration STARTUP_LIMIT = Duration.ofSeconds(60);

    private final Process process;
    private final Path log;
    private final int port;

    private GatewayProcess(Process process, Path log, int port) {
        this.process = process;
        this.log = log;
        this.port = port;
    }

    /** Starts the launcher with {@code conf} on a free loopback port and waits until it answers. */
    static GatewayProcess start(Path conf, String maxHeap) throws IOException, InterruptedException {
        return start(conf, maxHeap, List.of());
    }

    /** The same, with more options for the JVM (a GC log, for instance). */
    static GatewayProcess start(Path conf, String maxHeap, List<String> jvmOptions)
            throws IOException, InterruptedException {
        int port = freeLoopbackPort();
        Path log = Files.createTempFile(Path.of("target"), "gateway-", ".log");
        List<String> command = new ArrayList<>();
        command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        command.add("-Xmx" + maxHeap);
        command.addAll(jvmOptions);
        command.add("-jar");
        command.add(LAUNCHER_JAR.toString());
        command.add("--conf");
        command.add(conf.toString());
        command.add("--port");
        command.add(Integer.toString(port));
        Process process = new ProcessBuilder(command)
                .redirectErrorStream(true)
                .redirectOutput(log.toFile())
                .start();
        var gateway = new GatewayProcess(process, log, port);
        gateway.awaitHealthy();
        return gateway;
    }

    /** Writes a pipeline configuration that proxies native Swift requests to {@code swiftUrl}. */
    static Path passThroughConf(String swiftUrl) throws IOException {
        Path conf = Files.createTempFile(Path.of("target"), "proxy-server-", ".properties");
        Files.writeString(conf, String.join("\n",
                "pipeline = catch_errors proxy_logging healthcheck proxy_server",
                "server.host = 127.0.0.1",
                "filter.proxy_server.swift_url = " + swiftUrl,
                ""));
        return conf;
    }

    URI uri(String path) {
        return URI.create("http://127.0.0.1:" + port + path);
    }

    /** An SDK client with default settings for test:tester against this gateway; the caller closes it. */
    S3Client s3() {
        return S3Client.builder()
                .endpointOverride(uri(""))
                .region(Region.of(S3TestGateway.REGION))
                .forcePathStyle(true)
                .credentialsProvider(StaticCredentialsProvider.create(
                        AwsBasicCredentials.create(S3TestGateway.TESTER, S3TestGateway.TESTER_KEY)))
                .build();
    }

    int port() {
        return port;
    }

    /** Everything the gateway printed so far, for assertions and failure messages. */
    String output() throws IOException {
        return Files.readString(log);
    }

    /** Ends the gateway as a crash would (SIGKILL): no shutdown hook, no request finished. */
    void kill() throws InterruptedException {
        process.destroyForcibly().waitFor(20, TimeUnit.SECONDS);
    }

    boolean isAlive() {
        return process.isAlive();
    }

    private void awaitHealthy() throws IOException, InterruptedException {
        HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(1)).build();
        long deadline = System.nanoTime() + STARTUP_LIMIT.toNanos();
        while (System.nanoTime() < deadline) {
            if (!process.isAlive()) {
                throw new IllegalStateException("gateway exited during startup:\n" + output());
            }
            try {
                HttpResponse<String> answer = http.send(
                        HttpRequest.newBuilder(uri("/healthcheck")).timeout(Duration.ofSeconds(2)).build(),
                        HttpResponse.BodyHandlers.ofString());
                if (answer.statusCode() == 200) {
                    return;
                }
            } catch (IOException notYetListening) {
                // The JVM is still starting; try again shortly.
            }
            Thread.sleep(200);
        }
        close();
        throw new IllegalStateException("gateway not healthy within " + STARTUP_LIMIT + ":\n" + output());
    }

    private static int freeLoopbackPort() throws IOException {
        try (var socket = new ServerSocket(0, 1, java.net.InetAddress.getLoopbackAddress())) {
            return socket.getLocalPort();
        }
    }

    @Override
    public void close() throws InterruptedException {
        process.destroy();
        if (!process.waitFor(20, TimeUnit.SECONDS)) {
            process.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
        }
    }
}
