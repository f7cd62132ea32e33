package io.s3multi.webapp.deploy;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * The WAR in Debian 12's own Tomcat 10.1 (package {@code tomcat10}), deployed as the README tells operators, in a
 * private {@code CATALINA_BASE} so that no root-owned state is touched and the system service stays as it is.
 *
 * <p>The base is laid out as the package lays out {@code /var/lib/tomcat10}: {@code conf} (a copy of
 * {@code /etc/tomcat10}), {@code lib}, {@code logs}, {@code webapps}, {@code work}. In {@code conf/server.xml} only
 * what the README names changes: the HTTP Connector's {@link #S3_CONNECTOR_ATTRIBUTES}, and its address and port
 * (127.0.0.1, any free port). Debian's default {@code webapps/ROOT} gives way to {@code webapps/ROOT.war}. Tomcat is
 * started as the package's systemd unit starts it: {@code /usr/libexec/tomcat10/tomcat-start.sh} (which runs
 * {@code catalina.sh run} in the foreground) with the unit's environment, plus {@code S3MULTI_CONF}.
 */
final class DebianTomcat {

    static final Path CATALINA_HOME = Path.of("/usr/share/tomcat10");
    static final Path PACKAGE_CONF = Path.of("/etc/tomcat10");
    static final Path PACKAGE_BASE = Path.of("/var/lib/tomcat10");
    static final Path START_SCRIPT = Path.of("/usr/libexec/tomcat10/tomcat-start.sh");

    /** What the README adds to the package's HTTP Connector (README: Running). */
    static final String S3_CONNECTOR_ATTRIBUTES = "encodedSolidusHandling=\"passthrough\""
            + " encodedReverseSolidusHandling=\"passthrough\" continueResponseTiming=\"onRead\"";

    private static final String PACKAGE_CONNECTOR = "<Connector port=\"8080\" protocol=\"HTTP/1.1\"";
    private static final Pattern BOUND_PORT =
            Pattern.compile("Starting ProtocolHandler \\[\"http-nio-127\\.0\\.0\\.1-auto-\\d+-(\\d+)\"\\]");
    private static final Pattern STARTED = Pattern.compile("Server startup in");
    private DebianTomcat() {
    }

    /** Lays out a base in a new directory under {@code parent}, deploys the WAR there and starts Tomcat. */
    static DeployedWar start(Path parent) throws Exception {
        DeployedWar.requireWar();
        Path base = Files.createTempDirectory(Files.createDirectories(parent), "tomcat10-base-").toAbsolutePath();
        copyTree(PACKAGE_CONF, base.resolve("conf"));
        copyTree(PACKAGE_BASE.resolve("lib"), base.resolve("lib"));
        copyTree(PACKAGE_BASE.resolve("webapps"), base.resolve("webapps"));
        for (String dir : List.of("logs", "work", "temp")) {
            Files.createDirectories(base.resolve(dir));
        }
        configureConnector(base.resolve("conf").resolve("server.xml"));
        deleteTree(base.resolve("webapps").resolve("ROOT"));
        Files.copy(DeployedWar.WAR, base.resolve("webapps").resolve("ROOT.war"));
        Path conf = DeployedWar.writeGatewayConf(base.resolve("s3multi.properties"));

        // The environment the package's unit gives tomcat-start.sh (its CATALINA_TMPDIR is a private /tmp).
        Map<String, String> environment = Map.of(
                "PATH", DeployedWar.PATH,
                "HOME", base.toString(),
                "CATALINA_HOME", CATALINA_HOME.toString(),
                "CATALINA_BASE", base.toString(),
                "CATALINA_TMPDIR", base.resolve("temp").toString(),
                "JAVA_OPTS", "-Djava.awt.headless=true",
                "S3MULTI_CONF", conf.toString());
        ServerProcess process = ServerProcess.start(List.of("/bin/sh", START_SCRIPT.toString()), environment, base,
                base.resolve("logs").resolve("console.log"));
        return DeployedWar.await("Debian's tomcat10", process, BOUND_PORT, STARTED);
    }

    /** The package's HTTP Connector, on 127.0.0.1 and a free port, with the README's attributes for S3. */
    static void configureConnector(Path serverXml) throws IOException {
        String xml = Files.readString(serverXml, StandardCharsets.UTF_8);
        int at = xml.indexOf(PACKAGE_CONNECTOR);
        if (at < 0 || at != xml.lastIndexOf(PACKAGE_CONNECTOR)) {
            throw new IllegalStateException("not one " + PACKAGE_CONNECTOR + " in " + serverXml);
        }
        Files.writeString(serverXml, xml.replace(PACKAGE_CONNECTOR, "<Connector address=\"127.0.0.1\" port=\"0\""
                + " protocol=\"HTTP/1.1\"\n               " + S3_CONNECTOR_ATTRIBUTES), StandardCharsets.UTF_8);
    }

    private static void copyTree(Path from, Path to) throws IOException {
        try (Stream<Path> tree = Files.walk(from)) {
            for (Path source : tree.toList()) {
                Path target = to.resolve(from.relativize(source).toString());
                if (Files.isDirectory(source)) {
                    Files.createDirectories(target);
                } else {
                    Files.copy(source, target, StandardCopyOption.COPY_ATTRIBUTES);
                }
            }
        }
    }

    private static void deleteTree(Path root) throws IOException {
        if (!Files.exists(root)) {
            return;
        }
        try (Stream<Path> tree = Files.walk(root)) {
            tree.sorted(Comparator.reverseOrder()).forEach(path -> {
                try {
                    Files.delete(path);
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                }
            });
        }
    }
}
