package io.s3multi.webapp.deploy;

import io.s3multi.webapp.s3.S3TestGateway;
import java.io.IOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Duration;
import java.util.regex.Pattern;

/**
 * {@code target/s3multi.war}, exactly as built, running in a servlet container that a test started as users run
 * it ({@link DebianTomcat}, {@link JettyDistribution}), on a free port of 127.0.0.1. The gateway's configuration is a
 * file named by {@code S3MULTI_CONF} in the container's environment, as the README tells operators. Closing it stops
 * the container.
 */
final class DeployedWar implements AutoCloseable {

    static final Path WAR = Path.of("target", "s3multi.war");

    /** The configuration an operator writes: the shipped file, with the Swift URL and the registry key set. */
    static final Path SHIPPED_CONF = Path.of("..", "conf", "proxy-server.properties");

    /** A service's PATH; containers get no other variable of the test's environment. */
    static final String PATH = "/usr/local/sbin:/usr/local/bin:/usr/sbin:/usr/bin:/sbin:/bin";

    private static final Duration START_TIMEOUT = Duration.ofMinutes(3);

    private final String name;
    private final ServerProcess process;
    private final int port;

    private DeployedWar(String name, ServerProcess process, int port) {
        this.name = name;
        this.process = process;
        this.port = port;
    }

    /**
     * Waits until the container's log names the port it bound ({@code boundPort}'s first group) and says it has
     * started; stops it when it does not.
     */
    static DeployedWar await(String name, ServerProcess process, Pattern boundPort, Pattern started)
            throws InterruptedException {
        try {
            int port = Integer.parseInt(process.awaitLogLine(boundPort, START_TIMEOUT));
            process.awaitLogLine(started, START_TIMEOUT);
            return new DeployedWar(name, process, port);
        } catch (RuntimeException | InterruptedException e) {
            process.close();
            throw e;
        }
    }

    int port() {
        return port;
    }

    URI endpoint() {
        return URI.create("http://127.0.0.1:" + port);
    }

    @Override
    public void close() {
        process.close();
    }

    @Override
    public String toString() {
        return name + " (pid " + process.pid() + ") on port " + port;
    }

    /** Writes the gateway's configuration for the dev Swift to {@code file} and answers it. */
    static Path writeGatewayConf(Path file) throws IOException {
        Files.copy(SHIPPED_CONF, file);
        Files.writeString(file, String.join("\n", "",
                "# set by the operator (here: the test) for this deployment",
                "swift_url = " + S3TestGateway.SWIFT_URL,
                "filter.s3api.bucket_registry_key = " + S3TestGateway.REGISTRY_KEY, ""),
                StandardCharsets.UTF_8, StandardOpenOption.APPEND);
        return file.toAbsolutePath();
    }

    static void requireWar() {
        if (!Files.isRegularFile(WAR)) {
            throw new IllegalStateException("build the WAR first: " + WAR.toAbsolutePath());
        }
    }
}
