package io.s3multi.webapp.deploy;

import java.io.File;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A servlet container started by a test as a process of its own, its output in a log file. The test owns it:
 * {@link #close()} stops exactly this process and whatever it started (SIGTERM, as systemd stops a service, then
 * SIGKILL after a grace period), and a JVM shutdown hook does the same if the test run ends without closing it,
 * so no container outlives its test.
 */
final class ServerProcess implements AutoCloseable {

    private static final Duration STOP_GRACE = Duration.ofSeconds(30);
    private static final Duration POLL = Duration.ofMillis(200);

    private final Process process;
    private final Path log;
    private final Thread shutdownHook;

    private ServerProcess(Process process, Path log) {
        this.process = process;
        this.log = log;
        this.shutdownHook = new Thread(this::stop, "stop " + process.pid());
        Runtime.getRuntime().addShutdownHook(shutdownHook);
    }

    /** Starts {@code command} in {@code directory} with only {@code environment}, output and errors to {@code log}. */
    static ServerProcess start(List<String> command, Map<String, String> environment, Path directory, Path log)
            throws IOException {
        var builder = new ProcessBuilder(command).directory(directory.toFile())
                .redirectErrorStream(true).redirectOutput(log.toFile())
                .redirectInput(ProcessBuilder.Redirect.from(new File("/dev/null")));
        builder.environment().clear();
        builder.environment().putAll(environment);
        return new ServerProcess(builder.start(), log);
    }

    /**
     * Waits until the log has a line matching {@code pattern} and answers the line's first group.
     *
     * @throws IllegalStateException with the log's tail when the process ends or {@code timeout} passes first
     */
    String awaitLogLine(Pattern pattern, Duration timeout) throws InterruptedException {
        Instant deadline = Instant.now().plus(timeout);
        while (true) {
            Matcher found = pattern.matcher(logText());
            if (found.find()) {
                return found.groupCount() > 0 ? found.group(1) : found.group();
            }
            if (!process.isAlive() || Instant.now().isAfter(deadline)) {
                throw new IllegalStateException((process.isAlive() ? "no " : "the process ended without ")
                        + pattern + " in " + log + " after " + timeout + ":\n" + tail());
            }
            Thread.sleep(POLL.toMillis());
        }
    }

    /**
     * Waits for the process to end by itself and answers its exit status.
     *
     * @throws IllegalStateException with the log's tail when it is still running after {@code timeout}
     */
    int awaitExit(Duration timeout) throws InterruptedException {
        if (!process.waitFor(timeout.toMillis(), TimeUnit.MILLISECONDS)) {
            throw new IllegalStateException("still running after " + timeout + ": " + log + "\n" + tail());
        }
        return process.exitValue();
    }

    long pid() {
        return process.pid();
    }

    /** The end of the log, for failure messages. */
    String tail() {
        String text = logText();
        return text.substring(Math.max(0, text.length() - 4000));
    }

    private String logText() {
        try {
            return Files.readString(log, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Override
    public void close() {
        stop();
        Runtime.getRuntime().removeShutdownHook(shutdownHook);
    }

    private void stop() {
        List<ProcessHandle> children = process.descendants().toList();
        process.destroy();
        try {
            if (!process.waitFor(STOP_GRACE.toMillis(), TimeUnit.MILLISECONDS)) {
                process.destroyForcibly();
                process.waitFor(STOP_GRACE.toMillis(), TimeUnit.MILLISECONDS);
            }
        } catch (InterruptedException e) {
            process.destroyForcibly();
            Thread.currentThread().interrupt();
        }
        children.stream().filter(ProcessHandle::isAlive).forEach(ProcessHandle::destroyForcibly);
    }
}
