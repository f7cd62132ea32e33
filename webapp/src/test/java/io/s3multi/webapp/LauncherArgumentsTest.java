package io.s3multi.webapp;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import org.junit.jupiter.api.Test;

class LauncherArgumentsTest {

    @Test
    void nothingMeansTheUsualLookupAndTheConfiguredPort() {
        var arguments = LauncherArguments.parse();
        assertNull(arguments.confFile());
        assertNull(arguments.port());
    }

    @Test
    void confAndPortInBothSpellings() {
        assertEquals(new LauncherArguments(Path.of("a.properties"), 9000, false),
                LauncherArguments.parse("--conf", "a.properties", "--port", "9000"));
        assertEquals(new LauncherArguments(Path.of("b.properties"), 0, false),
                LauncherArguments.parse("--port=0", "--conf=b.properties"));
        assertTrue(LauncherArguments.parse("--port", "1", "--help").help());
    }

    @Test
    void mistakesAreNamed() {
        assertEquals("--port 'http' is not a port between 0 and 65535",
                assertThrows(IllegalArgumentException.class, () -> LauncherArguments.parse("--port", "http"))
                        .getMessage());
        assertEquals("--conf needs a value",
                assertThrows(IllegalArgumentException.class, () -> LauncherArguments.parse("--conf")).getMessage());
        assertEquals("unknown argument '-p'",
                assertThrows(IllegalArgumentException.class, () -> LauncherArguments.parse("-p", "1")).getMessage());
    }
}
