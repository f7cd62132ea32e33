package io.s3multi.bench;

import java.net.URI;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The command line, {@code --name value} pairs, with defaults sized so that the whole run finishes in
 * under ten minutes on a 2-core machine. {@code --help} lists them.
 */
record BenchOptions(int objectMib, int partMib, int concurrency, int repetitions, int smallKib, int seconds,
                    int warmUpSeconds, int multipartWarmUps,
                    List<String> targets, List<String> suites, URI swiftUrl, URI s3apiUrl, String user,
                    String key, Path gatewayJar, Path gatewayConf, String gatewayXmx, List<String> gatewayJavaOptions,
                    Path bGatewayJar, List<String> bGatewayJavaOptions, Path s3proxyJar,
                    int heapParts, int heapPartMib, Path workDir, int workerObjects,
                    String workerContainer) {

    static final Map<String, String> DEFAULTS = defaults();

    private static Map<String, String> defaults() {
        Map<String, String> d = new LinkedHashMap<>();
        d.put("size-mib", "256");
        d.put("part-mib", "16");
        d.put("concurrency", "4");
        d.put("repetitions", "3");
        d.put("small-kib", "64");
        d.put("seconds", "10");
        d.put("warm-up-seconds", "15");
        d.put("multipart-warm-ups", "1");
        d.put("targets", "s3multi,s3multi-sdk-defaults,s3api,swift,s3proxy,s3multi-versioned,s3api-versioned,"
                + "swift-versioned");
        d.put("suites", "multipart,small");
        d.put("swift-url", "http://127.0.0.1:8081");
        d.put("s3api-url", "http://127.0.0.1:8082");
        d.put("user", "test:tester");
        d.put("key", "testing");
        d.put("gateway-jar", "webapp/target/s3multi.jar");
        d.put("gateway-conf", "conf/proxy-server.properties");
        d.put("gateway-xmx", "512m");
        d.put("gateway-java-options", "");
        d.put("b-gateway-jar", "");
        d.put("b-gateway-java-options", "");
        d.put("s3proxy-jar", "");
        d.put("heap-parts", "16");
        d.put("heap-part-mib", "64");
        d.put("work-dir", System.getProperty("java.io.tmpdir"));
        d.put("worker-objects", "100000");
        d.put("worker-container", "");
        return d;
    }

    static BenchOptions parse(String[] args) {
        Map<String, String> v = new LinkedHashMap<>(DEFAULTS);
        for (int i = 0; i < args.length; i += 2) {
            String name = args[i].startsWith("--") ? args[i].substring(2) : "";
            if (!v.containsKey(name) || i + 1 >= args.length) {
                throw new IllegalArgumentException("unknown option or missing value: " + args[i]);
            }
            v.put(name, args[i + 1]);
        }
        BenchOptions o = new BenchOptions(integer(v, "size-mib"), integer(v, "part-mib"), integer(v, "concurrency"),
                integer(v, "repetitions"), integer(v, "small-kib"), integer(v, "seconds"),
                integer(v, "warm-up-seconds"), integer(v, "multipart-warm-ups"),
                List.of(v.get("targets").split(",")), List.of(v.get("suites").split(",")),
                URI.create(v.get("swift-url")), URI.create(v.get("s3api-url")), v.get("user"), v.get("key"),
                Path.of(v.get("gateway-jar")), Path.of(v.get("gateway-conf")), v.get("gateway-xmx"),
                words(v.get("gateway-java-options")),
                Path.of(v.get("b-gateway-jar").isEmpty() ? v.get("gateway-jar") : v.get("b-gateway-jar")),
                words(v.get("b-gateway-java-options")),
                v.get("s3proxy-jar").isEmpty() ? null : Path.of(v.get("s3proxy-jar")),
                integer(v, "heap-parts"), integer(v, "heap-part-mib"), Path.of(v.get("work-dir")),
                integer(v, "worker-objects"), v.get("worker-container"));
        for (String t : o.targets) {
            if (!List.of("s3multi", "s3multi-sdk-defaults", "s3api", "swift", "s3proxy", "s3multi-versioned",
                    "s3api-versioned", "swift-versioned", "s3multi-https", "s3multi-https-sdk-defaults",
                    "s3multi-b", "s3multi-b-https").contains(t)) {
                throw new IllegalArgumentException("unknown target: " + t);
            }
        }
        // Before anything starts: a run whose gateway cannot start is not worth its warm-up.
        if (o.targets.stream().anyMatch(t -> t.startsWith("s3multi") && !t.startsWith("s3multi-b"))) {
            LauncherJar.requireRunnable(o.gatewayJar, "gateway-jar");
        }
        if (o.targets.stream().anyMatch(t -> t.startsWith("s3multi-b"))) {
            LauncherJar.requireRunnable(o.bGatewayJar, v.get("b-gateway-jar").isEmpty() ? "gateway-jar"
                    : "b-gateway-jar");
        }
        for (String s : o.suites) {
            if (!List.of("multipart", "small", "heap", "worker").contains(s)) {
                throw new IllegalArgumentException("unknown suite: " + s);
            }
        }
        return o;
    }

    /** Extra JVM options of the s3multi gateway (a profiler's, say), separated by spaces. */
    private static List<String> words(String value) {
        return value.isBlank() ? List.of() : List.of(value.trim().split("\\s+"));
    }

    static String usage() {
        StringBuilder b = new StringBuilder("bench/run [--option value ...]; options and defaults:\n");
        DEFAULTS.forEach((k, d) -> b.append("  --").append(k).append(' ').append(d.isEmpty() ? "(none)" : d)
                .append('\n'));
        return b.toString();
    }

    long objectBytes() {
        return objectMib * (1L << 20);
    }

    long partBytes() {
        return partMib * (1L << 20);
    }

    boolean wantsTarget(String name) {
        return targets.contains(name);
    }

    private static int integer(Map<String, String> v, String name) {
        int value = Integer.parseInt(v.get(name));
        if (value <= 0) {
            throw new IllegalArgumentException("--" + name + " must be positive");
        }
        return value;
    }
}
