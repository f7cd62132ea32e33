package io.s3multi.s3.background;

import io.s3multi.swift.SwiftBackend;
import io.s3multi.swift.SwiftClientConfig;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * The dev Swift's service identity {@code s3multi:service} and bucket-registry user {@code s3multi:registry}: their
 * keys are random per cluster, written by {@code dev/swift start} to {@code service.key} and {@code registry.key}
 * in the dev state dir; the system properties of those names override them.
 */
final class DevService {

    static final String SWIFT_URL = System.getProperty("swift.url", "http://127.0.0.1:8081");
    static final String USER = "s3multi:service";

    private DevService() {
    }

    static final String REGISTRY_USER = "s3multi:registry";

    static String key() {
        return devKey("service.key");
    }

    static String registryKey() {
        return devKey("registry.key");
    }

    /** A key of the dev cluster: the system property of that name, or the file in its state dir. */
    private static String devKey(String name) {
        String key = System.getProperty(name);
        if (key != null) {
            return key;
        }
        Path file = Path.of(System.getenv().getOrDefault("S3MULTI_DEV_DIR", "/var/tmp/s3multi-dev"), name);
        try {
            return Files.readString(file).strip();
        } catch (IOException e) {
            throw new UncheckedIOException("no " + name + " (dev/swift start writes " + file + ")", e);
        }
    }

    static SwiftBackend backend() {
        return SwiftBackend.start(SwiftClientConfig.defaults(URI.create(SWIFT_URL)));
    }

    static ServiceAccounts accounts(SwiftBackend backend) {
        return new ServiceAccounts(backend, USER, key());
    }
}
