package io.s3multi.bench;

import java.io.IOException;
import java.io.Writer;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Properties;

/**
 * The command lines of the gateways the benchmark runs itself: s3multi from its launcher jar, with the
 * project's configuration file and the stages multipart needs, and S3Proxy with its openstack-swift
 * backend on the same Swift tempauth user.
 */
final class Launchers {

    /** The stages the benchmark runs s3multi with: those of conf/proxy-server.properties (cors included). */
    static final String S3MULTI_PIPELINE =
            "catch_errors proxy_logging healthcheck cors tempauth s3multi s3api proxy_server";

    private static final Duration PATIENCE = Duration.ofSeconds(90);

    private Launchers() {
    }

    /**
     * s3multi with {@code conf} (the project's {@code conf/proxy-server.properties}), overriding by system
     * properties only the pipeline, the port, the Swift URL and the bucket registry's key (which the
     * configuration does not ship).
     */
    static ServerProcess s3multi(Path jar, Path conf, String xmx, List<String> javaOptions, URI swift,
            Path workDir) throws IOException, InterruptedException {
        return s3multi("s3multi", jar, conf, xmx, javaOptions, swift, workDir, null);
    }

    /**
     * The same gateway named {@code name} (its log file), serving HTTPS with {@code tls}'s certificate when
     * {@code tls} is not {@code null}.
     */
    static ServerProcess s3multi(String name, Path jar, Path conf, String xmx, List<String> javaOptions, URI swift,
            Path workDir, BenchTls tls) throws IOException, InterruptedException {
        int port = ServerProcess.freePort();
        int metricsPort = ServerProcess.freePort();
        List<String> command = new ArrayList<>(List.of(javaBin(), "-Xmx" + xmx));
        command.addAll(recommendedGc(javaOptions, Runtime.getRuntime().availableProcessors()));
        command.addAll(javaOptions);
        if (tls != null) {
            command.addAll(tls.gatewayOptions());
        }
        command.addAll(List.of(
                "-Ds3multi.pipeline=" + S3MULTI_PIPELINE,
                "-Ds3multi.server.host=127.0.0.1",
                "-Ds3multi.server.port=" + port,
                // its counter of Swift requests gives the Swift requests per S3 request
                "-Ds3multi.metrics.port=" + metricsPort,
                "-Ds3multi.swift_url=" + swift,
                "-Ds3multi.filter.s3api.bucket_registry_key=" + devKey("REGISTRY_KEY", "registry.key"),
                "-jar", jar.toString(), "--conf", conf.toString()));
        return ServerProcess.start(name, command, URI.create((tls == null ? "http" : "https") + "://127.0.0.1:"
                + port), "/healthcheck", workDir.resolve(name + ".log"), PATIENCE, tls)
                .withMetrics(URI.create("http://127.0.0.1:" + metricsPort + "/metrics"));
    }

    /**
     * The collector docs/OPERATIONS.md recommends for the gateway on a machine of {@code cores}: the serial one on
     * two cores or fewer (less CPU per request than the JVM's default G1 there, docs/BENCHMARKS.md), nothing
     * (the JVM's choice) on more, and nothing when {@code javaOptions} choose one ({@code -XX:+Use...GC}).
     */
    static List<String> recommendedGc(List<String> javaOptions, int cores) {
        boolean chosen = javaOptions.stream().anyMatch(o -> o.startsWith("-XX:+Use") && o.endsWith("GC"));
        return chosen || cores > 2 ? List.of() : List.of("-XX:+UseSerialGC");
    }

    /** S3Proxy (the jar with dependencies) serving the Swift tempauth user's account as its buckets. */
    static ServerProcess s3proxy(Path jar, String xmx, URI swift, String user, String key, Path workDir)
            throws IOException, InterruptedException {
        int port = ServerProcess.freePort();
        Properties p = new Properties();
        p.setProperty("s3proxy.endpoint", "http://127.0.0.1:" + port);
        p.setProperty("s3proxy.authorization", "aws-v2-or-v4");
        p.setProperty("s3proxy.identity", user);
        p.setProperty("s3proxy.credential", key);
        p.setProperty("jclouds.provider", "openstack-swift");
        p.setProperty("jclouds.endpoint", swift + "/auth/v1.0");
        p.setProperty("jclouds.identity", user);
        p.setProperty("jclouds.credential", key);
        Path properties = workDir.resolve("s3proxy.properties");
        try (Writer out = Files.newBufferedWriter(properties, StandardCharsets.UTF_8)) {
            p.store(out, "written by the s3multi benchmark");
        }
        List<String> command = List.of(javaBin(), "-Xmx" + xmx, "-jar", jar.toString(),
                "--properties", properties.toString());
        return ServerProcess.start("s3proxy", command, URI.create("http://127.0.0.1:" + port), "/",
                workDir.resolve("s3proxy.log"), PATIENCE);
    }

    /**
     * A key of the dev Swift's gateway users: {@code $<variable>} (as {@code dev/swift env} exports it), else the
     * {@code file} that {@code dev/swift start} writes to its state dir ({@code registry.key}, {@code service.key}).
     */
    static String devKey(String variable, String file) throws IOException {
        String key = System.getenv(variable);
        if (key != null && !key.isBlank()) {
            return key.strip();
        }
        Path path = Path.of(System.getenv().getOrDefault("S3MULTI_DEV_DIR", "/var/tmp/s3multi-dev"), file);
        if (!Files.isReadable(path)) {
            throw new IOException("no " + file + ": set " + variable + " or start the dev Swift (dev/swift start"
                    + " writes " + path + ")");
        }
        return Files.readString(path, StandardCharsets.UTF_8).strip();
    }

    private static String javaBin() {
        return Path.of(System.getProperty("java.home"), "bin", "java").toString();
    }
}
