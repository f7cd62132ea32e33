package io.s3multi.admin;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Properties;

/**
 * The dev Swift and Keystone as dev/swift and dev/keystone set them up: URLs, users, and the random keys that
 * {@code dev/swift start} writes to the dev state dir ({@code $S3MULTI_DEV_DIR}, default
 * {@code /var/tmp/s3multi-dev}; system properties of the same names override them).
 */
final class DevFixture {

    static final String SWIFT_URL = System.getProperty("swift.url", "http://127.0.0.1:8081");
    static final String KEYSTONE_URL = System.getProperty("keystone.url", "http://127.0.0.1:5000/v3");
    static final String KEYSTONE_SWIFT_URL = System.getProperty("keystone.swift.url", "http://127.0.0.1:8083");
    static final String TESTER = "test:tester";
    static final String TESTER_KEY = "testing";
    static final String TESTER_ACCOUNT = "AUTH_test";
    static final String SERVICE_USER = "s3multi:service";
    /** The gateway's own Keystone user of the dev fixture (admin + ResellerAdmin). */
    static final String KEYSTONE_GATEWAY_USER = "s3multi";
    static final String KEYSTONE_GATEWAY_PASSWORD = "s3multipass";
    /** A Keystone member user of the dev fixture and its project. */
    static final String KEYSTONE_DEMO_USER = "demo";
    static final String KEYSTONE_DEMO_PROJECT = "demo";

    private DevFixture() {
    }

    static String registryKey() {
        return key("registry.key");
    }

    static String serviceKey() {
        return key("service.key");
    }

    /**
     * A gateway configuration over the dev Swift: tempauth (test:tester) and s3token (the dev Keystone, its
     * verdicts cached {@code cacheTtlSeconds}), the bucket registry and the service identity.
     */
    static Properties gatewayConfiguration(int cacheTtlSeconds) {
        Properties p = new Properties();
        p.setProperty("pipeline", "catch_errors proxy_logging healthcheck tempauth s3token s3multi s3api proxy_server");
        p.setProperty("server.host", "127.0.0.1");
        p.setProperty("swift_url", SWIFT_URL);
        p.setProperty("service_user", SERVICE_USER);
        p.setProperty("service_key", serviceKey());
        p.setProperty("filter.tempauth.user_test_tester", TESTER_KEY + " .admin");
        p.setProperty("filter.s3api.bucket_registry_user", "s3multi:registry");
        p.setProperty("filter.s3api.bucket_registry_key", registryKey());
        p.setProperty("filter.s3token.auth_url", KEYSTONE_URL);
        p.setProperty("filter.s3token.service_user", KEYSTONE_GATEWAY_USER);
        p.setProperty("filter.s3token.service_password", KEYSTONE_GATEWAY_PASSWORD);
        p.setProperty("filter.s3token.swift_url", KEYSTONE_SWIFT_URL);
        p.setProperty("filter.s3token.cache_ttl", Integer.toString(cacheTtlSeconds));
        return p;
    }

    /** Writes {@code properties} to a new file under target/. */
    static Path write(Properties properties) {
        try {
            Path file = Files.createTempFile(Path.of("target"), "admin-gateway-", ".properties");
            try (var out = Files.newBufferedWriter(file)) {
                properties.store(out, "written by an admin integration test");
            }
            return file;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static String key(String name) {
        String override = System.getProperty(name);
        if (override != null && !override.isBlank()) {
            return override.strip();
        }
        Path file = Path.of(System.getenv().getOrDefault("S3MULTI_DEV_DIR", "/var/tmp/s3multi-dev"), name);
        try {
            return Files.readString(file).strip();
        } catch (IOException e) {
            throw new UncheckedIOException("no " + name + " (dev/swift start writes " + file + ")", e);
        }
    }
}
