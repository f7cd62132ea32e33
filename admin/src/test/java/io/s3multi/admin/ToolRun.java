package io.s3multi.admin;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.TimeUnit;

/** One run of the tool: its exit code and what it printed. */
record ToolRun(int exit, String out, String err) {

    private static final Path ADMIN_JAR = Path.of("target", "s3multi-admin.jar");

    /** Runs the tool in this JVM (fast; the same code as the jar's main, without its System.exit). */
    static ToolRun inProcess(String... args) {
        return inProcess(Clock.systemUTC(), args);
    }

    /** As {@link #inProcess(String...)}, with the tool's clock at {@code clock}. */
    static ToolRun inProcess(Clock clock, String... args) {
        var out = new ByteArrayOutputStream();
        var err = new ByteArrayOutputStream();
        int exit;
        try (var outStream = new PrintStream(out, true, StandardCharsets.UTF_8);
                var errStream = new PrintStream(err, true, StandardCharsets.UTF_8)) {
            exit = new AdminTool(new Terminal(outStream, errStream, false), clock).run(args);
        }
        return new ToolRun(exit, out.toString(StandardCharsets.UTF_8), err.toString(StandardCharsets.UTF_8));
    }

    /** Runs {@code java -jar target/s3multi-admin.jar args} as operators do, in a process of its own. */
    static ToolRun asProcess(String... args) throws IOException, InterruptedException {
        List<String> command = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java")
                .toString(), "-jar", ADMIN_JAR.toString()));
        command.addAll(Arrays.asList(args));
        Process process = new ProcessBuilder(command).start();
        process.getOutputStream().close();
        var err = new ByteArrayOutputStream();
        Thread errReader = new Thread(() -> {
            try {
                process.getErrorStream().transferTo(err);
            } catch (IOException ignored) {
                // the process ended
            }
        });
        errReader.start();
        String out = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        if (!process.waitFor(120, TimeUnit.SECONDS)) {
            process.destroyForcibly();
            throw new AssertionError("the tool did not end within 120 s: " + command);
        }
        errReader.join(10_000);
        return new ToolRun(process.exitValue(), out, err.toString(StandardCharsets.UTF_8));
    }

    /** The output lines (after the header) whose tab-separated columns include {@code column}. */
    List<String[]> rowsWith(String column) {
        return out.lines().skip(1).map(line -> line.split("\t", -1))
                .filter(cells -> Arrays.asList(cells).contains(column)).toList();
    }

    @Override
    public String toString() {
        return "exit " + exit + "\n--- out\n" + out + "--- err\n" + err;
    }
}
