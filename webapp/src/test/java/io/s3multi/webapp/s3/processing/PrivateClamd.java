package io.s3multi.webapp.s3.processing;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;

/**
 * A real clamd of its own on 127.0.0.1, started by {@code dev/clamd} with the EICAR test signature as its whole
 * database; it stops when closed, and by itself after 15 minutes should a test run die.
 */
public final class PrivateClamd implements AutoCloseable {

    private static final Path SCRIPT = Path.of("..", "dev", "clamd");

    private final Path dir;
    private final int port;

    private PrivateClamd(Path dir, int port) {
        this.dir = dir;
        this.port = port;
    }

    public static PrivateClamd start() throws IOException, InterruptedException {
        Files.createDirectories(Path.of("target"));
        Path dir = Files.createTempDirectory(Path.of("target"), "clamd-");
        Process start = new ProcessBuilder(SCRIPT.toString(), "start", dir.toString(), "900")
                .redirectErrorStream(true).start();
        if (!start.waitFor(60, TimeUnit.SECONDS)) {
            start.destroyForcibly();
            throw new IllegalStateException("dev/clamd start took over 60 s");
        }
        String output = new String(start.getInputStream().readAllBytes(), StandardCharsets.UTF_8).trim();
        if (start.exitValue() != 0) {
            throw new IllegalStateException("dev/clamd start failed (run dev/clamd install): " + output);
        }
        String[] lastLine = output.lines().reduce((first, second) -> second).orElse("").split(" ");
        return new PrivateClamd(dir, Integer.parseInt(lastLine[0]));
    }

    /** {@code 127.0.0.1:<port>}, for {@code filter.s3multi.processing_clamd_address}. */
    public String address() {
        return "127.0.0.1:" + port;
    }

    @Override
    public void close() throws IOException, InterruptedException {
        Process stop = new ProcessBuilder(SCRIPT.toString(), "stop", dir.toString()).redirectErrorStream(true).start();
        stop.waitFor(30, TimeUnit.SECONDS);
    }
}
