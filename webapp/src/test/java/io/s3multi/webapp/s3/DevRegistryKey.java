package io.s3multi.webapp.s3;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * The keys of the dev Swift's gateway users, random per cluster and written by {@code dev/swift start} to the dev
 * state dir ({@code $S3MULTI_DEV_DIR}, default {@code /var/tmp/s3multi-dev}): {@code registry.key} of the
 * bucket-registry user {@code s3multi:registry}, {@code service.key} of the service identity
 * {@code s3multi:service}. The system properties of the same names override them.
 */
public final class DevRegistryKey {

    private DevRegistryKey() {
    }

    /** The bucket registry's key. @throws IllegalStateException naming the file when there is no key */
    public static String read() {
        return read("registry.key", "bucket-registry");
    }

    /** The service identity's key. @throws IllegalStateException naming the file when there is no key */
    public static String service() {
        return read("service.key", "service-identity");
    }

    private static String read(String name, String what) {
        String override = System.getProperty(name);
        if (override != null && !override.isBlank()) {
            return override.strip();
        }
        String stateDir = System.getenv().getOrDefault("S3MULTI_DEV_DIR", "/var/tmp/s3multi-dev");
        Path file = Path.of(stateDir, name);
        try {
            String key = Files.readString(file, StandardCharsets.UTF_8).strip();
            if (!key.isEmpty()) {
                return key;
            }
        } catch (IOException missing) {
            // reported below
        }
        throw new IllegalStateException("no " + what + " key in " + file
                + ": start the dev Swift with dev/swift start (it writes one)");
    }
}
