package io.s3multi.bench;

import static org.junit.jupiter.api.Assertions.assertDoesNotThrow;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.jar.Attributes;
import java.util.jar.JarOutputStream;
import java.util.jar.Manifest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A B gateway jar without its lib/ is refused before the run starts, saying what to copy; one with it runs. */
class LauncherJarTest {

    @TempDir
    Path dir;

    private Path jar(String classPath) throws IOException {
        return jar("s3multi.jar", classPath);
    }

    private Path jar(String name, String classPath) throws IOException {
        Manifest manifest = new Manifest();
        manifest.getMainAttributes().put(Attributes.Name.MANIFEST_VERSION, "1.0");
        if (classPath != null) {
            manifest.getMainAttributes().put(Attributes.Name.CLASS_PATH, classPath);
        }
        Path jar = dir.resolve(name);
        try (OutputStream out = Files.newOutputStream(jar); JarOutputStream ignored = new JarOutputStream(out,
                manifest)) {
            return jar;
        }
    }

    @Test
    void aLauncherJarWithoutItsLibIsRefusedWithWhatToCopy() throws IOException {
        Path jar = jar("lib/filters.jar lib/swift-client.jar");
        IllegalArgumentException refused = assertThrows(IllegalArgumentException.class,
                () -> LauncherJar.requireRunnable(jar, "b-gateway-jar"));
        assertTrue(refused.getMessage().contains("names lib/ beside it, which is missing"), refused.getMessage());
        assertTrue(refused.getMessage().contains("webapp/target/lib/"), refused.getMessage());
    }

    @Test
    void aLauncherJarWithItsLibOrASelfContainedJarRuns() throws IOException {
        // The build leaves lib/slf4j-jdk14.jar out on purpose; the JVM skips it.
        Path jar = jar("lib/filters.jar lib/slf4j-jdk14.jar");
        Files.createDirectories(dir.resolve("lib"));
        Files.createFile(dir.resolve("lib/filters.jar"));
        assertDoesNotThrow(() -> LauncherJar.requireRunnable(jar, "b-gateway-jar"));
        Path selfContained = jar("whole.jar", null);
        assertDoesNotThrow(() -> LauncherJar.requireRunnable(selfContained, "b-gateway-jar"));
    }

    @Test
    void aMissingJarIsRefused() {
        assertThrows(IllegalArgumentException.class,
                () -> LauncherJar.requireRunnable(dir.resolve("absent.jar"), "b-gateway-jar"));
    }

    @Test
    void theOptionsCheckEachJarOnlyWhenATargetRunsIt() throws IOException {
        Path withoutLib = jar("lib/filters.jar");
        Path selfContained = jar("whole.jar", null);
        IllegalArgumentException refused = assertThrows(IllegalArgumentException.class, () -> BenchOptions.parse(
                new String[] {"--targets", "s3multi,s3multi-b", "--gateway-jar", selfContained.toString(),
                        "--b-gateway-jar", withoutLib.toString()}));
        assertTrue(refused.getMessage().startsWith("--b-gateway-jar "), refused.getMessage());
        assertDoesNotThrow(() -> BenchOptions.parse(new String[] {"--targets", "s3multi", "--gateway-jar",
                selfContained.toString(), "--b-gateway-jar", withoutLib.toString()}));
        assertThrows(IllegalArgumentException.class, () -> BenchOptions.parse(new String[] {
                "--targets", "s3multi", "--gateway-jar", withoutLib.toString()}));
        assertDoesNotThrow(() -> BenchOptions.parse(new String[] {"--targets", "swift", "--gateway-jar",
                withoutLib.toString()}));
    }
}
