package io.s3multi.webapp;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/**
 * conf/systemd/s3multi.service starts what the build makes, with the configuration and secrets where the
 * production example and docs/OPERATIONS.md put them, and keeps its hardening. (It is not installed or started
 * here; {@code systemd-analyze verify conf/systemd/s3multi.service} checks its syntax where systemd is present.)
 */
class SystemdUnitTest {

    private static final Path UNIT = Path.of("..", "conf", "systemd", "s3multi.service");
    private static final Path OPERATIONS = Path.of("..", "docs", "OPERATIONS.md");
    private static final String INSTALL_DIR = "/opt/s3multi/";
    private static final String CONF = "/etc/s3multi/proxy-server.properties";
    private static final String SECRETS = "/etc/s3multi/secrets.args";

    private static List<String> unit() throws IOException {
        return Files.readAllLines(UNIT, StandardCharsets.UTF_8);
    }

    private static String value(String key) throws IOException {
        List<String> values = unit().stream().filter(line -> line.startsWith(key + "="))
                .map(line -> line.substring(key.length() + 1)).toList();
        assertEquals(1, values.size(), key + " should be set once: " + values);
        return values.get(0);
    }

    @Test
    void execStartRunsTheLauncherJarOfTheBuildWithTheProductionConfiguration() throws IOException {
        Matcher finalName = Pattern.compile("<finalName>([^<]+)</finalName>")
                .matcher(Files.readString(Path.of("pom.xml"), StandardCharsets.UTF_8));
        assertTrue(finalName.find());
        String jar = INSTALL_DIR + finalName.group(1) + ".jar";   // the launcher jar, next to lib/ as in target/
        assertEquals("/usr/bin/java $JAVA_OPTS @" + SECRETS + " -jar " + jar + " --conf " + CONF,
                value("ExecStart"));
        // and the launcher takes those arguments
        assertEquals(Path.of(CONF), LauncherArguments.parse("--conf", CONF).confFile());
    }

    @Test
    void theProductionExampleAndTheDocsNameTheSamePaths() throws IOException {
        String production = Files.readString(ProductionConfigTest.PRODUCTION, StandardCharsets.UTF_8);
        String operations = Files.readString(OPERATIONS, StandardCharsets.UTF_8);
        for (String path : List.of(CONF, SECRETS)) {
            assertTrue(production.contains(path), "the production example should name " + path);
            assertTrue(operations.contains(path), "docs/OPERATIONS.md should name " + path);
        }
        assertTrue(operations.contains("conf/systemd/s3multi.service"));
    }

    @Test
    void itRunsAsItsOwnUserHardenedAndRestartsOnFailure() throws IOException {
        assertEquals("s3multi", value("User"));
        assertEquals("yes", value("NoNewPrivileges"));
        assertEquals("strict", value("ProtectSystem"));
        assertEquals("yes", value("PrivateTmp"));
        assertEquals("/var/log/s3multi", value("ReadWritePaths"));
        assertEquals("on-failure", value("Restart"));
        assertEquals("2", value("RestartPreventExitStatus"), "a refused configuration (exit 2) is not retried");
        assertTrue(Integer.parseInt(value("LimitNOFILE")) >= 65536);
        // Longer than the launcher's graceful stop, so systemd does not kill requests that are finishing.
        assertTrue(Integer.parseInt(value("TimeoutStopSec")) > S3MultiServer.STOP_TIMEOUT.toSeconds());
    }
}
