package io.s3multi.bench;

import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;

/**
 * The options of {@code bench/load}: {@code --name value} pairs, each with a default.
 *
 * @param duration  how long the clients work (e.g. {@code 10m}, {@code 90s})
 * @param clients   concurrent S3 clients (threads, each with its own keys)
 * @param xmx       the gateway's {@code -Xmx}
 * @param sample    interval of the gateway gauges (heap after a full GC, threads, descriptors, RSS)
 * @param swiftUrl  the dev Swift's tempauth proxy
 * @param user      tempauth user (S3 access key) of the clients
 * @param key       its key (S3 secret)
 * @param conf      the gateway's configuration file
 * @param jar       the gateway's launcher jar
 * @param workDir   where the gateway's log goes
 */
record LoadOptions(Duration duration, int clients, String xmx, Duration sample, URI swiftUrl, String user,
                   String key, Path conf, Path jar, Path workDir) {

    static String usage() {
        return """
                usage: bench/load [--duration 10m] [--clients 64] [--xmx 256m] [--sample 30s]
                                  [--swift-url http://127.0.0.1:8081] [--user test:tester] [--key testing]
                                  [--conf conf/proxy-server.properties] [--jar webapp/target/s3multi.jar]
                                  [--work-dir bench/target]
                """;
    }

    static LoadOptions parse(String[] args) {
        Duration duration = Duration.ofMinutes(10);
        int clients = 64;
        String xmx = "256m";
        Duration sample = Duration.ofSeconds(30);
        URI swiftUrl = URI.create("http://127.0.0.1:8081");
        String user = "test:tester";
        String key = "testing";
        Path conf = Path.of("conf", "proxy-server.properties");
        Path jar = Path.of("webapp", "target", "s3multi.jar");
        Path workDir = Path.of("bench", "target");
        for (int i = 0; i < args.length; i += 2) {
            if (i + 1 >= args.length) {
                throw new IllegalArgumentException("missing value of " + args[i]);
            }
            String value = args[i + 1];
            switch (args[i]) {
                case "--duration" -> duration = duration(value);
                case "--clients" -> clients = Integer.parseInt(value);
                case "--xmx" -> xmx = value;
                case "--sample" -> sample = duration(value);
                case "--swift-url" -> swiftUrl = URI.create(value);
                case "--user" -> user = value;
                case "--key" -> key = value;
                case "--conf" -> conf = Path.of(value);
                case "--jar" -> jar = Path.of(value);
                case "--work-dir" -> workDir = Path.of(value);
                default -> throw new IllegalArgumentException("unknown option " + args[i]);
            }
        }
        if (clients < 1 || duration.isNegative() || duration.isZero() || sample.toSeconds() < 1) {
            throw new IllegalArgumentException("clients, duration and sample must be positive");
        }
        return new LoadOptions(duration, clients, xmx, sample, swiftUrl, user, key, conf, jar, workDir);
    }

    /** {@code 90s}, {@code 10m}, {@code 1h}, or seconds without a unit. */
    static Duration duration(String text) {
        char unit = text.charAt(text.length() - 1);
        String number = Character.isDigit(unit) ? text : text.substring(0, text.length() - 1);
        long amount = Long.parseLong(number);
        return switch (unit) {
            case 'm' -> Duration.ofMinutes(amount);
            case 'h' -> Duration.ofHours(amount);
            default -> Duration.ofSeconds(amount);
        };
    }
}
