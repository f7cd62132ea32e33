package io.s3multi.filters.pipeline;

import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.Reader;
import java.net.URL;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Properties;
import java.util.TreeSet;

/**
 * Finds {@code proxy-server.properties}, reads it and applies system-property overrides.
 *
 * <p>The first of these that is given wins:
 * <ol>
 *   <li>the file passed to {@link #load(Path)} (the launcher's {@code --conf FILE});</li>
 *   <li>the file named by system property {@value #CONF_PROPERTY};</li>
 *   <li>the file named by environment variable {@value #CONF_ENV};</li>
 *   <li>the default copy {@value #DEFAULT_RESOURCE} on the classpath (the jar and the WAR carry one).</li>
 * </ol>
 *
 * <p>Then every system property {@code s3multi.<key>} (other than {@value #CONF_PROPERTY}) replaces or adds
 * {@code <key>}, e.g. {@code -Ds3multi.server.port=9000} or
 * {@code -Ds3multi.filter.proxy_server.swift_url=http://swift:8080}. An override of a key nobody knows is
 * refused at validation like any other unknown key, so a typo cannot pass silently.
 *
 * <p>Files are read as UTF-8. The loader takes its inputs as arguments so tests and containers can supply
 * their own; {@link #fromSystem(ClassLoader)} uses the real ones.
 */
public final class ConfigLoader {

    public static final String CONF_PROPERTY = "s3multi.conf";
    public static final String CONF_ENV = "S3MULTI_CONF";
    public static final String OVERRIDE_PREFIX = "s3multi.";
    public static final String DEFAULT_RESOURCE = "proxy-server.properties";

    private final Properties systemProperties;
    private final Map<String, String> environment;
    private final ClassLoader classLoader;

    public ConfigLoader(Properties systemProperties, Map<String, String> environment, ClassLoader classLoader) {
        this.systemProperties = Objects.requireNonNull(systemProperties, "systemProperties");
        this.environment = Objects.requireNonNull(environment, "environment");
        this.classLoader = Objects.requireNonNull(classLoader, "classLoader");
    }

    /** A loader over this JVM's system properties and environment, finding the default copy with {@code loader}. */
    public static ConfigLoader fromSystem(ClassLoader loader) {
        return new ConfigLoader(System.getProperties(), System.getenv(), loader);
    }

    /** Loads from the property, the environment or the classpath, in that order. */
    public GatewayConfig load() {
        return load(null);
    }

    /**
     * Loads the configuration.
     *
     * @param explicitFile the launcher's {@code --conf} argument, or {@code null}
     * @throws PipelineConfigException when no configuration can be found or read, or its shape is wrong
     */
    public GatewayConfig load(Path explicitFile) {
        var properties = new Properties();
        String origin;
        String fromProperty = systemProperties.getProperty(CONF_PROPERTY);
        String fromEnvironment = environment.get(CONF_ENV);
        if (explicitFile != null) {
            origin = readFile(explicitFile, "--conf", properties);
        } else if (fromProperty != null && !fromProperty.isBlank()) {
            origin = readFile(Path.of(fromProperty.trim()), "system property " + CONF_PROPERTY, properties);
        } else if (fromEnvironment != null && !fromEnvironment.isBlank()) {
            origin = readFile(Path.of(fromEnvironment.trim()), "environment variable " + CONF_ENV, properties);
        } else {
            origin = readDefaultCopy(properties);
        }
        List<String> overridden = applyOverrides(properties);
        if (!overridden.isEmpty()) {
            origin += ", overridden by -D" + String.join(" -D", overridden);
        }
        return GatewayConfig.fromProperties(properties, origin);
    }

    private List<String> applyOverrides(Properties properties) {
        var overridden = new ArrayList<String>();
        for (String name : new TreeSet<>(systemProperties.stringPropertyNames())) {
            if (name.startsWith(OVERRIDE_PREFIX) && !name.equals(CONF_PROPERTY)
                    && name.length() > OVERRIDE_PREFIX.length()) {
                properties.setProperty(name.substring(OVERRIDE_PREFIX.length()), systemProperties.getProperty(name));
                overridden.add(name);
            }
        }
        return overridden;
    }

    private static String readFile(Path file, String namedBy, Properties into) {
        String origin = "file " + file.toAbsolutePath() + " (from " + namedBy + ")";
        try (Reader reader = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
            into.load(reader);
            return origin;
        } catch (IOException | IllegalArgumentException e) {
            throw unreadable(origin, e);
        }
    }

    private String readDefaultCopy(Properties into) {
        URL resource = classLoader.getResource(DEFAULT_RESOURCE);
        if (resource == null) {
            throw new PipelineConfigException("", "none", List.of("no configuration: pass --conf FILE, set -D"
                    + CONF_PROPERTY + " or " + CONF_ENV + ", or put " + DEFAULT_RESOURCE + " on the classpath"));
        }
        String origin = "default copy " + resource;
        try (InputStream in = resource.openStream();
                Reader reader = new InputStreamReader(in, StandardCharsets.UTF_8)) {
            into.load(reader);
            return origin;
        } catch (IOException | IllegalArgumentException e) {
            throw unreadable(origin, e);
        }
    }

    private static PipelineConfigException unreadable(String origin, Exception cause) {
        var failure = new PipelineConfigException("", origin, List.of("cannot read the configuration: " + cause));
        failure.initCause(cause);
        return failure;
    }
}
