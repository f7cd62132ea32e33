package io.s3multi.webapp;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.TreeMap;
import java.util.zip.ZipEntry;
import java.util.zip.ZipFile;
import java.util.zip.ZipInputStream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** What target/s3multi.war carries, and what it must not. */
class WarContentsIT {

    private static final Path WAR = Path.of("target", "s3multi.war");

    /** Every class file of every WEB-INF/lib jar, mapped to its jar. */
    private static final TreeMap<String, String> LIBRARY_CLASSES = new TreeMap<>();
    private static final List<String> ENTRIES = new ArrayList<>();

    @BeforeAll
    static void read() throws IOException {
        try (var war = new ZipFile(WAR.toFile())) {
            for (ZipEntry entry : java.util.Collections.list(war.entries())) {
                ENTRIES.add(entry.getName());
                if (entry.getName().startsWith("WEB-INF/lib/") && entry.getName().endsWith(".jar")) {
                    try (var jar = new ZipInputStream(war.getInputStream(entry))) {
                        for (ZipEntry inner = jar.getNextEntry(); inner != null; inner = jar.getNextEntry()) {
                            LIBRARY_CLASSES.put(inner.getName(), entry.getName());
                        }
                    }
                }
            }
        }
    }

    private static String text(String entryName) throws IOException {
        try (var war = new ZipFile(WAR.toFile()); InputStream in = war.getInputStream(war.getEntry(entryName))) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
    }

    @Test
    void noServerAndNoServletApi() {
        for (String forbidden : List.of("org/eclipse/jetty/server/Server.class",
                "org/eclipse/jetty/ee10/servlet/ServletContextHandler.class", "jakarta/servlet/Servlet.class",
                "org/slf4j/simple/SimpleLogger.class", "io/s3multi/webapp/S3MultiLauncher.class")) {
            assertFalse(LIBRARY_CLASSES.containsKey(forbidden), forbidden + " in " + LIBRARY_CLASSES.get(forbidden));
        }
        assertFalse(ENTRIES.stream().anyMatch(e -> e.startsWith("WEB-INF/classes/io/")), ENTRIES.toString());
        assertFalse(ENTRIES.contains("WEB-INF/classes/simplelogger.properties"));
    }

    @Test
    void theClientTheStagesAndALoggingBindingTheContainerUnderstands() {
        for (String needed : List.of("org/eclipse/jetty/client/HttpClient.class",
                "io/s3multi/filters/pipeline/PipelineInitializer.class",
                "META-INF/services/jakarta.servlet.ServletContainerInitializer",
                "META-INF/services/io.s3multi.filters.pipeline.FilterFactory",
                "org/slf4j/jul/JDK14LoggerAdapter.class")) {
            assertTrue(LIBRARY_CLASSES.containsKey(needed), needed);
        }
    }

    @Test
    void aMinimalWebXmlWithoutFilterOrder() throws IOException {
        String webXml = text("WEB-INF/web.xml");
        assertTrue(webXml.contains("metadata-complete=\"true\""), webXml);
        assertTrue(webXml.contains("version=\"6.0\""), webXml);
        assertFalse(webXml.contains("<filter"), webXml);
    }

    @Test
    void theDefaultConfigurationIsConfProxyServerProperties() throws IOException {
        assertArrayEquals(Files.readAllBytes(Path.of("..", "conf", "proxy-server.properties")),
                text("WEB-INF/classes/proxy-server.properties").getBytes(StandardCharsets.UTF_8));
        assertEquals(1, ENTRIES.stream().filter(e -> e.endsWith("proxy-server.properties")).count());
    }
}
