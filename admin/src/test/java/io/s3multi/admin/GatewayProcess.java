package io.s3multi.admin;

import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;

/** The gateway as operators run it, {@code java -jar webapp/target/s3multi.jar --conf FILE}, on a free port. */
final class GatewayProcess implements AutoCloseable {

    private static final Path LAUNCHER_JAR = Path.of("..", "webapp", "target", "s3multi.jar");
    private static final Duration STARTUP_LIMIT = Duration.ofSeconds(90);

    private final Process process;
    private final Path log;
    private final int port;

    private GatewayProcess(Process process, Path log, int port) {
        this.process = process;
        this.log = log;
        this.port = port;
    }

    static GatewayProcess start(Path conf) throws IOException, InterruptedException {
        int port;
        try (var socket = new ServerSocket(0, 1, java.net.InetAddress.getLoopbackAddress())) {
            port = socket.getLocalPort();
        }
        Path log = Files.createTempFile(Path.of("target"), "gateway-", ".log");
        Process process = new ProcessBuilder(List.of(Path.of(System.getProperty("java.home"), "bin", "java")
                .toString(), "-Xmx256m", "-jar", LAUNCHER_JAR.toString(), "--conf", conf.toString(), "--port",
                Integer.toString(port))).redirectErrorStream(true).redirectOutput(log.toFile()).start();
        var gateway = new GatewayProcess(process, log, port);
        gateway.awaitHealthy();
        return gateway;
    }

    URI endpoint() {
        return URI.create("http://127.0.0.1:" + port);
    }

    String output() throws IOException {
        return Files.readString(log);
    }

    private void awaitHealthy() throws IOException, InterruptedException {
        HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(1)).build();
        long deadline = System.nanoTime() + STARTUP_LIMIT.toNanos();
        while (System.nanoTime() < deadline) {
            if (!process.isAlive()) {
                throw new IllegalStateException("gateway exited during startup:\n" + output());
            }
            try {
                HttpResponse<Void> answer = http.send(HttpRequest.newBuilder(endpoint().resolve("/healthcheck"))
                        .timeout(Duration.ofSeconds(2)).build(), HttpResponse.BodyHandlers.discarding());
                if (answer.statusCode() == 200) {
                    return;
                }
            } catch (IOException notYetListening) {
                // still starting
            }
            Thread.sleep(200);
        }
        close();
        throw new IllegalStateException("gateway not healthy within " + STARTUP_LIMIT + ":\n" + output());
    }

    @Override
    public void close() throws InterruptedException {
        process.destroy();
        if (!process.waitFor(20, TimeUnit.SECONDS)) {
            process.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
        }
    }
}
