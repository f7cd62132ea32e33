package io.s3multi.webapp.deploy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * The WAR in a Jetty 12 distribution ({@code org.eclipse.jetty:jetty-home} at the project's Jetty version, unpacked
 * by the build into {@code target/}), deployed as the README tells operators: a new {@code JETTY_BASE} made with
 * {@code java -jar $JETTY_HOME/start.jar --add-modules=ee10-deploy,ee10-annotations,http}, the README's settings in
 * {@code start.d/s3multi.ini} ({@link #SETTINGS}) and {@code etc/s3multi-http-config.xml}
 * ({@link #HTTP_CONFIG_XML}), the WAR as
 * {@code webapps/ROOT.war}, and Jetty started in the foreground with {@code java -jar $JETTY_HOME/start.jar} from
 * the base, {@code S3MULTI_CONF} in its environment.
 */
final class JettyDistribution {

    /** Where failsafe says the build unpacked jetty-home (system property {@code jetty.home}). */
    static final Path JETTY_HOME = Path.of(System.getProperty("jetty.home", "target/jetty-home"));

    static final String MODULES = "--add-modules=ee10-deploy,ee10-annotations,http";

    /** {@code start.d/s3multi.ini} as the README has it (README: Running), with a free port instead of 8080. */
    static final List<String> SETTINGS = List.of("jetty.http.host=127.0.0.1", "jetty.http.port=0",
            "jetty.httpConfig.uriCompliance=UNSAFE", "jetty.httpConfig.headerCacheSize=0",
            "etc/s3multi-http-config.xml");

    /** {@code etc/s3multi-http-config.xml} as the README has it: header values as sent, whatever Jetty knows. */
    static final List<String> HTTP_CONFIG_XML = List.of("<?xml version=\"1.0\"?>",
            "<!DOCTYPE Configure PUBLIC \"-//Jetty//Configure//EN\" \"https://jetty.org/configure_10_0.dtd\">",
            "<Configure id=\"httpConfig\" class=\"org.eclipse.jetty.server.HttpConfiguration\">",
            "  <Set name=\"headerCacheCaseSensitive\">true</Set>",
            "</Configure>");

    private static final Pattern BOUND_PORT = Pattern.compile("Started oejs\\.ServerConnector@\\w+\\{HTTP/1\\.1, "
            + "\\(http/1\\.1\\)\\}\\{127\\.0\\.0\\.1:(\\d+)\\}");
    private static final Pattern STARTED = Pattern.compile("Started oejs\\.Server@");
    private static final Duration START_TIMEOUT = Duration.ofMinutes(3);

    private JettyDistribution() {
    }

    /** Makes a JETTY_BASE in a new directory under {@code parent}, deploys the WAR there and starts Jetty. */
    static DeployedWar start(Path parent) throws Exception {
        DeployedWar.requireWar();
        Path startJar = JETTY_HOME.resolve("start.jar").toAbsolutePath();
        if (!Files.isRegularFile(startJar)) {
            throw new IllegalStateException("no jetty-home at " + JETTY_HOME.toAbsolutePath()
                    + " (the webapp module unpacks it before the integration tests)");
        }
        Path base = Files.createTempDirectory(Files.createDirectories(parent), "jetty-base-").toAbsolutePath();
        Map<String, String> environment = Map.of(
                "PATH", DeployedWar.PATH,
                "HOME", base.toString(),
                "S3MULTI_CONF", DeployedWar.writeGatewayConf(base.resolve("s3multi.properties")).toString());
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        try (ServerProcess addModules = ServerProcess.start(List.of(java, "-jar", startJar.toString(), MODULES),
                environment, base, base.resolve("add-modules.log"))) {
            if (addModules.awaitExit(START_TIMEOUT) != 0) {
                throw new IllegalStateException(MODULES + " failed:\n" + addModules.tail());
            }
        }
        Files.write(Files.createDirectories(base.resolve("etc")).resolve("s3multi-http-config.xml"), HTTP_CONFIG_XML);
        Files.write(base.resolve("start.d").resolve("s3multi.ini"), SETTINGS);
        // Jetty unpacks the WAR into JETTY_BASE/work when that exists, else into /tmp.
        Files.createDirectories(base.resolve("work"));
        Files.copy(DeployedWar.WAR, base.resolve("webapps").resolve("ROOT.war"));

        ServerProcess process = ServerProcess.start(List.of(java, "-jar", startJar.toString()), environment, base,
                base.resolve("jetty.log"));
        return DeployedWar.await("jetty-home", process, BOUND_PORT, STARTED);
    }
}
