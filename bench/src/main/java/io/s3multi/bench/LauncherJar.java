package io.s3multi.bench;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.jar.Attributes;
import java.util.jar.JarFile;
import java.util.jar.Manifest;

/**
 * Checks, before anything starts, that a gateway jar the benchmark is to launch can run: the directories its
 * manifest's {@code Class-Path} names (s3multi's {@code lib/}) must be beside it. The launcher jar holds only the
 * launcher; the gateway's own code ({@code lib/filters.jar}, {@code lib/s3-translation.jar},
 * {@code lib/swift-client.jar}) is in {@code lib/}, under names without versions, so another build's {@code lib/}
 * cannot stand in for a missing one: a B gateway run on the A build's {@code lib/} would be the A gateway under
 * another name. Single entries may be missing on purpose (the build leaves {@code slf4j-jdk14}, a dependency of the
 * WAR, out of {@code lib/}; the JVM skips a missing entry), so only whole directories are required.
 */
final class LauncherJar {

    private LauncherJar() {
    }

    /** @throws IllegalArgumentException naming what is missing and what to copy, if {@code jar} cannot run */
    static void requireRunnable(Path jar, String option) {
        if (!Files.isRegularFile(jar)) {
            throw new IllegalArgumentException("--" + option + " " + jar + ": no such file");
        }
        Path beside = jar.toAbsolutePath().getParent();
        Set<String> missing = new TreeSet<>();
        for (String entry : classPath(jar, option)) {
            Path directory = Path.of(entry).getParent();
            if (directory != null && !Files.isDirectory(beside.resolve(directory))) {
                missing.add(directory + "/");
            }
        }
        if (!missing.isEmpty()) {
            throw new IllegalArgumentException("--" + option + " " + jar + ": its manifest's Class-Path names "
                    + String.join(", ", missing) + " beside it, which is missing. Copy the lib/ directory of the same"
                    + " build (webapp/target/lib/) next to the jar: the jar holds only the launcher, the gateway's"
                    + " code is in lib/.");
        }
    }

    private static List<String> classPath(Path jar, String option) {
        try (JarFile file = new JarFile(jar.toFile())) {
            Manifest manifest = file.getManifest();
            String value = manifest == null ? null : manifest.getMainAttributes().getValue(Attributes.Name.CLASS_PATH);
            return value == null || value.isBlank() ? List.of() : List.of(value.trim().split("\\s+"));
        } catch (IOException notAJar) {
            throw new IllegalArgumentException("--" + option + " " + jar + ": not a jar (" + notAJar.getMessage() + ")",
                    notAJar);
        }
    }
}
