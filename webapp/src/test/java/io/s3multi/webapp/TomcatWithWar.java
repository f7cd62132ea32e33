package io.s3multi.webapp;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.apache.catalina.Context;
import org.apache.catalina.connector.Connector;
import org.apache.catalina.startup.Tomcat;
import org.apache.tomcat.util.scan.StandardJarScanner;

/**
 * {@code target/s3multi.war}, exactly as built, deployed at the root of a real Tomcat 10.1 on a free loopback
 * port, configured as the README tells an operator: the connector passes {@code %2F} and {@code %5C} through, and
 * settings are given as {@code -Ds3multi.<key>} system properties (set here before the WAR starts, cleared at close).
 */
public final class TomcatWithWar implements AutoCloseable {

    private static final Path WAR = Path.of("target", "s3multi.war");

    private final Tomcat tomcat;
    private final Connector connector;
    private final Map<String, String> systemProperties;

    private TomcatWithWar(Tomcat tomcat, Connector connector, Map<String, String> systemProperties) {
        this.tomcat = tomcat;
        this.connector = connector;
        this.systemProperties = systemProperties;
    }

    /** Deploys the WAR with these {@code s3multi.*} system properties in force. */
    public static TomcatWithWar deploy(Path baseDir, Map<String, String> systemProperties) throws Exception {
        if (!Files.isRegularFile(WAR)) {
            throw new IllegalStateException("build the WAR first: " + WAR.toAbsolutePath());
        }
        systemProperties.forEach(System::setProperty);
        Files.createDirectories(baseDir.resolve("webapps"));
        var tomcat = new Tomcat();
        tomcat.setBaseDir(baseDir.toString());
        tomcat.setHostname("127.0.0.1");
        var connector = new Connector("HTTP/1.1");
        connector.setPort(0);
        connector.setProperty("address", "127.0.0.1");
        // Without it Tomcat answers 400 to any S3 key containing an encoded slash (README: deploying the WAR).
        connector.setEncodedSolidusHandling("passthrough");
        // ... and to any key containing an encoded backslash (%5C).
        connector.setEncodedReverseSolidusHandling("passthrough");
        // The 100 Continue only when the gateway reads the body (README: deploying the WAR, botocore clients).
        connector.setProperty("continueResponseTiming", "onRead");
        tomcat.setConnector(connector);
        tomcat.getHost().setAutoDeploy(false);
        tomcat.setAddDefaultWebXmlToWebapp(false);
        Context context = tomcat.addWebapp("", WAR.toAbsolutePath().toString());
        // The test classpath holds the project's jars too; the WAR must stand on its own WEB-INF/lib.
        ((StandardJarScanner) context.getJarScanner()).setScanClassPath(false);
        var deployed = new TomcatWithWar(tomcat, connector, Map.copyOf(systemProperties));
        try {
            tomcat.start();
        } catch (Exception e) {
            deployed.close();
            throw e;
        }
        return deployed;
    }

    public int port() {
        return connector.getLocalPort();
    }

    @Override
    public void close() throws Exception {
        systemProperties.keySet().forEach(System::clearProperty);
        tomcat.stop();
        tomcat.destroy();
    }
}
