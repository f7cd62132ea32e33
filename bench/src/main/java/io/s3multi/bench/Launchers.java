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
        int port = ServerProcess.freePort();
        List<String> command = new ArrayList<>(List.of(javaBin(), "-Xmx" + xmx));
        command.addAll(javaOptions);
        command.addAll(List.of(
                "-Ds3multi.pipeline=" + S3MULTI_PIPELINE,
                "-Ds3multi.server.host=127.0.0.1",
                "-Ds3multi.server.port=" + port,
                "-Ds3multi.swift_url=" + swift,
                "-Ds3multi.filter.s3api.bucket_registry_key=" + devRegistryKey(),
                "-jar", jar.toString(), "--conf", conf.toString()));
        return ServerProcess.start("s3multi", command, URI.create("http://127.0.0.1:" + port), "/healthcheck",
                workDir.resolve("s3multi.log"), PATIENCE);
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
     * The dev Swift's key for the registry user: {@code $REGISTRY_KEY} (as {@code dev/swift env} exports it), else
     * the {@code registry.key} that {@code dev/swift start} writes to its state dir.
     */
    private static String devRegistryKey() throws IOException {
        String key = System.getenv("REGISTRY_KEY");
        if (key != null && !key.isBlank()) {
            return key.strip();
        }
        Path file = Path.of(System.getenv().getOrDefault("S3MULTI_DEV_DIR", "/var/tmp/s3multi-dev"), "registry.key");
        if (!Files.isReadable(file)) {
            throw new IOException("no bucket-registry key: set REGISTRY_KEY or start the dev Swift (dev/swift start"
                    + " writes " + file + ")");
        }
        return Files.readString(file, StandardCharsets.UTF_8).strip();
    }

    private static String javaBin() {
        return Path.of(System.getProperty("java.home"), "bin", "java").toString();
    }
}
