package io.s3multi.webapp;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.TimeUnit;
import java.util.jar.JarFile;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** target/s3multi.jar run the way the README says: {@code java -jar webapp/target/s3multi.jar}. */
class LauncherJarIT {

    private static final Path JAR = Path.of("target", "s3multi.jar");
    private static final Path LIB = Path.of("target", "lib");
    private static final Pattern LISTENING = Pattern.compile("listening on http://127\\.0\\.0\\.1:(\\d+)/");
    private static final Pattern ACCESS_LINE = Pattern.compile(
            "^\\d{4}-\\d\\d-\\d\\dT\\d\\d:\\d\\d:\\d\\d\\.\\d{3}(Z|[+-]\\d\\d:\\d\\d) INFO s3multi\\.access - .*"
                    + " GET /healthcheck 200 0 2 \\d+ms tx[0-9a-f]{21}-[0-9a-f]{10} - - - -$", Pattern.MULTILINE);

    /** The launcher as a child process whose output is collected as it comes. */
    private static final class Launcher implements AutoCloseable {

        final Process process;
        final StringBuffer output = new StringBuffer();

        Launcher(String... args) throws IOException {
            var command = new java.util.ArrayList<String>();
            command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
            command.add("-jar");
            command.add(JAR.toString());
            command.addAll(Arrays.asList(args));
            process = new ProcessBuilder(command).redirectErrorStream(true).start();
            Thread reader = new Thread(() -> {
                try (var lines = new BufferedReader(new InputStreamReader(process.getInputStream(),
                        StandardCharsets.UTF_8))) {
                    for (String line = lines.readLine(); line != null; line = lines.readLine()) {
                        append(line);
                    }
                } catch (IOException e) {
                    append(e.toString());
                }
            });
            reader.setDaemon(true);
            reader.start();
        }

        private void append(String line) {
            synchronized (output) {
                output.append(line).append('\n');
                output.notifyAll();
            }
        }

        /** Waits until the output matches {@code pattern} (woken by each new line), or fails after 30 s. */
        Matcher await(Pattern pattern) throws InterruptedException {
            long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
            synchronized (output) {
                for (long left = deadline - System.nanoTime(); left > 0; left = deadline - System.nanoTime()) {
                    Matcher matcher = pattern.matcher(output);
                    if (matcher.find()) {
                        return matcher;
                    }
                    TimeUnit.NANOSECONDS.timedWait(output, left);
                }
            }
            throw new AssertionError("no match for " + pattern + " in:\n" + output);
        }

        @Override
        public void close() throws InterruptedException {
            if (process.isAlive()) {
                process.destroyForcibly();
                process.waitFor(10, TimeUnit.SECONDS);
            }
        }
    }

    private static int closedPort() throws IOException {
        try (var socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            return socket.getLocalPort();
        }
    }

    @Test
    void startsServesLogsAndStopsGracefullyOnSigterm(@TempDir Path dir) throws Exception {
        Path conf = Files.writeString(dir.resolve("gateway.properties"), String.join("\n",
                "pipeline = catch_errors proxy_logging healthcheck proxy_server",
                "server.port = 8080",
                "filter.proxy_server.swift_url = http://127.0.0.1:" + closedPort()));
        try (var launcher = new Launcher("--conf", conf.toString(), "--port", "0")) {
            int port = Integer.parseInt(launcher.await(LISTENING).group(1));
            assertNotEquals(8080, port, "--port overrides server.port");
            var http = HttpClient.newHttpClient();
            URI base = URI.create("http://127.0.0.1:" + port + "/");
            HttpResponse<String> health = http.send(HttpRequest.newBuilder(base.resolve("healthcheck")).build(),
                    HttpResponse.BodyHandlers.ofString());
            assertEquals(200, health.statusCode());
            assertEquals("OK", health.body());
            HttpResponse<String> swift = http.send(HttpRequest.newBuilder(base.resolve("v1/AUTH_test")).build(),
                    HttpResponse.BodyHandlers.ofString());
            assertEquals(502, swift.statusCode());
            // slf4j-simple from lib/, configured by the jar's simplelogger.properties: timestamped access lines
            launcher.await(ACCESS_LINE);

            // SIGTERM through the handle: Process.destroy() would also close our end of its output.
            launcher.process.toHandle().destroy();
            assertTrue(launcher.process.waitFor(30, TimeUnit.SECONDS), "still running after SIGTERM");
            assertEquals(143, launcher.process.exitValue(), "128 + SIGTERM");
            launcher.await(Pattern.compile("Stopped oejs\\.Server"));
        }
    }

    @Test
    void aRefusedConfigurationExitsWithStatus2AndShowsThePipeline(@TempDir Path dir) throws Exception {
        Path conf = Files.writeString(dir.resolve("bad.properties"), "pipeline = proxy_server healthcheck\n");
        try (var launcher = new Launcher("--conf", conf.toString())) {
            assertTrue(launcher.process.waitFor(30, TimeUnit.SECONDS));
            assertEquals(2, launcher.process.exitValue());
            launcher.await(Pattern.compile(Pattern.quote(
                    "refusing to start: pipeline 'proxy_server healthcheck': proxy_server must be last")));
        }
    }

    @Test
    void theManifestClassPathNamesExactlyTheJarsInLib() throws IOException {
        String classPath;
        try (var jar = new JarFile(JAR.toFile())) {
            classPath = jar.getManifest().getMainAttributes().getValue("Class-Path");
            assertEquals(S3MultiLauncher.class.getName(), jar.getManifest().getMainAttributes().getValue("Main-Class"));
        }
        Set<String> listed = new TreeSet<>(Arrays.asList(classPath.trim().split(" +")));
        // slf4j-jdk14 is the WAR's logging binding; the launcher uses slf4j-simple and leaves it out of lib/.
        assertTrue(listed.remove("lib/slf4j-jdk14.jar"), classPath);
        Set<String> present;
        try (Stream<Path> files = Files.list(LIB)) {
            present = files.map(f -> "lib/" + f.getFileName()).collect(Collectors.toCollection(TreeSet::new));
        }
        assertEquals(present, listed);
    }
}
