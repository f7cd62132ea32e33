package io.s3multi.s3.background;

import io.s3multi.swift.SwiftBackend;
import io.s3multi.swift.SwiftClientConfig;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * The dev Swift's service identity {@code s3multi:service}: its key is random per cluster, written by
 * {@code dev/swift start} to {@code service.key} in the dev state dir; the system property {@code service.key}
 * overrides it.
 */
final class DevService {

    static final String SWIFT_URL = System.getProperty("swift.url", "http://127.0.0.1:8081");
    static final String USER = "s3multi:service";

    private DevService() {
    }

    static String key() {
        String key = System.getProperty("service.key");
        if (key != null) {
            return key;
        }
        Path file = Path.of(System.getenv().getOrDefault("S3MULTI_DEV_DIR", "/var/tmp/s3multi-dev"), "service.key");
        try {
            return Files.readString(file).strip();
        } catch (IOException e) {
            throw new UncheckedIOException("no service-identity key (dev/swift start writes " + file + ")", e);
        }
    }

    static SwiftBackend backend() {
        return SwiftBackend.start(SwiftClientConfig.defaults(URI.create(SWIFT_URL)));
    }

    static ServiceAccounts accounts(SwiftBackend backend) {
        return new ServiceAccounts(backend, USER, key());
    }
}
