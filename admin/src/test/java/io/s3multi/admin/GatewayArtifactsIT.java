package io.s3multi.admin;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.TreeSet;
import java.util.stream.Stream;
import java.util.zip.ZipEntry;
import java.util.zip.ZipFile;
import java.util.zip.ZipInputStream;
import org.junit.jupiter.api.Test;

/**
 * OpenStack4j's pins stay in the admin tool: the gateway's launcher (webapp/target/s3multi.jar and its lib/) and its WAR carry no Guava, SnakeYAML, OkHttp/Okio, OpenStack4j, nor a Jackson of OpenStack4j's
 * 2.14 line. The same scan over the tool's own lib/ finds every one of them (so the scan can fail).
 */
class GatewayArtifactsIT {

    private static final Path WEBAPP = Path.of("..", "webapp", "target");
    /** Class-file prefixes of OpenStack4j and of the libraries it pins. */
    private static final Map<String, String> PINNED = Map.of(
            "org/openstack4j/", "openstack4j",
            "com/google/common/", "guava",
            "org/yaml/snakeyaml/", "snakeyaml",
            "okhttp3/", "okhttp",
            "okio/", "okio");
    private static final String JACKSON_VERSION = "META-INF/maven/com.fasterxml.jackson.core/jackson-databind/"
            + "pom.properties";

    @Test
    void theLauncherCarriesNoneOfThem() throws IOException {
        List<Path> jars = new ArrayList<>();
        jars.add(WEBAPP.resolve("s3multi.jar"));
        try (Stream<Path> lib = Files.list(WEBAPP.resolve("lib"))) {
            lib.forEach(jars::add);
        }
        TreeSet<String> found = new TreeSet<>();
        for (Path jar : jars) {
            try (InputStream in = Files.newInputStream(jar)) {
                found.addAll(pinsIn(in));
            }
        }
        assertEquals(new TreeSet<>(), found, "in the launcher's jars " + jars);
    }

    @Test
    void theWarCarriesNoneOfThem() throws IOException {
        TreeSet<String> found = new TreeSet<>();
        try (ZipFile war = new ZipFile(WEBAPP.resolve("s3multi.war").toFile())) {
            for (ZipEntry entry : Collections.list(war.entries())) {
                if (entry.getName().startsWith("WEB-INF/lib/") && entry.getName().endsWith(".jar")) {
                    try (InputStream in = war.getInputStream(entry)) {
                        found.addAll(pinsIn(in));
                    }
                }
            }
        }
        assertEquals(new TreeSet<>(), found, "in the WAR's WEB-INF/lib");
    }

    @Test
    void theToolCarriesThemAll() throws IOException {
        TreeSet<String> found = new TreeSet<>();
        try (Stream<Path> lib = Files.list(Path.of("target", "lib"))) {
            for (Path jar : lib.toList()) {
                try (InputStream in = Files.newInputStream(jar)) {
                    found.addAll(pinsIn(in));
                }
            }
        }
        assertTrue(found.containsAll(PINNED.values()), found.toString());
    }

    /** The names of the pinned libraries one jar holds classes of; "jackson 2.14" for a Jackson of that line. */
    private static List<String> pinsIn(InputStream jar) throws IOException {
        List<String> pins = new ArrayList<>();
        try (ZipInputStream entries = new ZipInputStream(jar)) {
            for (ZipEntry entry = entries.getNextEntry(); entry != null; entry = entries.getNextEntry()) {
                String name = entry.getName();
                PINNED.forEach((prefix, library) -> {
                    if (name.startsWith(prefix) && name.endsWith(".class") && !pins.contains(library)) {
                        pins.add(library);
                    }
                });
                if (name.equals(JACKSON_VERSION)) {
                    Properties properties = new Properties();
                    properties.load(entries);
                    if (properties.getProperty("version", "").startsWith("2.14")) {
                        pins.add("jackson 2.14");
                    }
                }
            }
        }
        return pins;
    }
}
