package io.s3multi.filters.pipeline;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.ServiceLoader;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/**
 * The configuration reference and the shipped configuration file agree with the settings' declarations.
 *
 * <p>When a declaration changes, regenerate the reference with
 * {@code mvn -pl filters -am test -Dtest=ConfigurationReferenceTest -Dsurefire.failIfNoSpecifiedTests=false
 * -Dreference.update=true} and commit {@code docs/CONFIGURATION.md}.
 */
class ConfigurationReferenceTest {

    // surefire runs in the module directory
    private static final Path REFERENCE = Path.of("..", "docs", "CONFIGURATION.md");
    private static final Path SHIPPED = Path.of("..", "conf", ConfigLoader.DEFAULT_RESOURCE);
    /** A key line of the file, set ({@code key = value}) or documented ({@code #key = default}). */
    private static final Pattern KEY_LINE = Pattern.compile("^(#?)([a-z0-9_.]+) =(.*)$");

    private static List<DeclaredSettings> stages() {
        var stages = new ArrayList<DeclaredSettings>();
        ServiceLoader.load(FilterFactory.class).forEach(factory -> stages.add(factory.settings()));
        return stages;
    }

    private static List<DeclaredSettings> everything() {
        var all = new ArrayList<DeclaredSettings>();
        all.add(TopLevelSettings.ALL);
        all.addAll(stages());
        return all;
    }

    @Test
    void theCommittedReferenceIsTheOneTheDeclarationsGive() throws IOException {
        String generated = ConfigurationReference.markdown(stages());
        if (Boolean.getBoolean("reference.update")) {
            Files.writeString(REFERENCE, generated, StandardCharsets.UTF_8);
        }
        assertEquals(generated, Files.readString(REFERENCE, StandardCharsets.UTF_8),
                "docs/CONFIGURATION.md is out of date: rerun this test with -Dreference.update=true");
    }

    @Test
    void everyStageOfThisBuildIsInTheReference() {
        List<String> names = stages().stream().map(DeclaredSettings::stage).toList();
        assertEquals(List.of("catch_errors", "proxy_logging", "healthcheck", "upload_page", "cors", "tempauth",
                "s3token", "tus", "s3multi", "s3api", "proxy_server"), names);
    }

    @Test
    void theShippedFileDocumentsEveryDeclaredKeyWithItsDefault() throws IOException {
        List<String> lines = Files.readAllLines(SHIPPED, StandardCharsets.UTF_8);
        for (DeclaredSettings declared : everything()) {
            for (Setting<?> setting : declared.settings()) {
                String key = declared.key(setting.name());
                String documented = ("#" + key + " = " + setting.defaultValue()).trim();
                boolean set = lines.stream().anyMatch(line -> line.startsWith(key + " ="));
                assertTrue(set || lines.stream().anyMatch(line -> line.trim().equals(documented)),
                        "conf/proxy-server.properties neither sets " + key + " nor documents '" + documented + "'");
            }
        }
    }

    @Test
    void theShippedFileNamesNoUndeclaredKey() throws IOException {
        for (String line : Files.readAllLines(SHIPPED, StandardCharsets.UTF_8)) {
            Matcher keyLine = KEY_LINE.matcher(line);
            if (keyLine.matches()) {
                String key = keyLine.group(2);
                assertTrue(everything().stream().anyMatch(declared -> accepts(declared, key)),
                        "conf/proxy-server.properties names " + key + ", which no declaration has");
            }
        }
    }

    private static boolean accepts(DeclaredSettings declared, String key) {
        String prefix = declared.key("");
        if (!key.startsWith(prefix)) {
            return false;
        }
        String name = key.substring(prefix.length());
        return declared.defaults().containsKey(name) || declared.prefixes().stream().anyMatch(name::startsWith);
    }
}
