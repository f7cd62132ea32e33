package io.s3multi.webapp.s3;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * The key of the dev Swift's bucket-registry user {@code s3multi:registry}: random per cluster, written by
 * {@code dev/swift start} to {@code registry.key} in the dev state dir ({@code $S3MULTI_DEV_DIR}, default
 * {@code /var/tmp/s3multi-dev}); the system property {@code registry.key} overrides it.
 */
public final class DevRegistryKey {

    private DevRegistryKey() {
    }

    /** @throws IllegalStateException naming the file when there is no key */
    public static String read() {
        String override = System.getProperty("registry.key");
        if (override != null && !override.isBlank()) {
            return override.strip();
        }
        String stateDir = System.getenv().getOrDefault("S3MULTI_DEV_DIR", "/var/tmp/s3multi-dev");
        Path file = Path.of(stateDir, "registry.key");
        try {
            String key = Files.readString(file, StandardCharsets.UTF_8).strip();
            if (!key.isEmpty()) {
                return key;
            }
        } catch (IOException missing) {
            // reported below
        }
        throw new IllegalStateException("no bucket-registry key in " + file
                + ": start the dev Swift with dev/swift start (it writes one)");
    }
}
