package io.s3multi.s3.fuzz;

import io.s3multi.s3.auth.S3AuthException;
import io.s3multi.s3.error.S3ErrorCode;
import io.s3multi.s3.error.S3Exception;
import io.s3multi.s3.integrity.S3IntegrityException;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Duration;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;

/**
 * The one property every fuzz test checks: an input from an untrusted client ends in success or in an S3 error the
 * client is to blame for, never in anything that becomes a {@code 500}.
 *
 * <p>Accepted endings of {@link #run}:
 * <ul>
 *   <li>normal return;</li>
 *   <li>an {@link S3Exception} (including the auth and integrity layers' own, {@link S3AuthException} and
 *       {@link S3IntegrityException}) whose code has a 4xx status, or {@code NotImplemented} (501, AWS's answer
 *       for a feature it has and the gateway does not; not a failure of the gateway).</li>
 * </ul>
 * Anything else (a {@code RuntimeException} of the JDK, an {@code Error}, an {@code InternalError} code) fails the
 * property with the input. An input that takes longer than {@link #SLOW} fails too, and a watchdog ends the test
 * JVM, naming the input, if one does not end within {@link #HUNG}: the parsers may not loop on any input.
 *
 * <p>Every call is counted per property; {@link #report} prints the counts and appends them to
 * {@code target/fuzz-counts.tsv}, which {@code dev/fuzz} adds up.
 */
public final class FuzzOracle {

    /** Longer than any parser needs for the bounded inputs of these tests, even on a loaded machine. */
    public static final Duration SLOW = Duration.ofSeconds(5);
    public static final Duration HUNG = Duration.ofSeconds(60);

    private static final Map<String, AtomicLong> COUNTS = new ConcurrentHashMap<>();
    private static final Watchdog WATCHDOG = new Watchdog();

    /** What a parse may throw; checked exceptions (I/O of the in-memory streams) count as failures too. */
    @FunctionalInterface
    public interface Parse {
        void run() throws Exception;
    }

    private FuzzOracle() {
    }

    /**
     * Runs one generated input and checks how it ended.
     *
     * @param property the property's name, for the counts
     * @param input    the input as it should be shown when the property fails
     * @return {@code "ok"}, or the wire code of the client error; for {@code Statistics.collect}
     */
    public static String run(String property, Object input, Parse parse) {
        COUNTS.computeIfAbsent(property, p -> new AtomicLong()).incrementAndGet();
        long start = System.nanoTime();
        WATCHDOG.started(property, input);
        String outcome;
        try {
            parse.run();
            outcome = "ok";
        } catch (Throwable thrown) {
            outcome = clientErrorCode(thrown, input);
        } finally {
            WATCHDOG.ended();
        }
        Duration took = Duration.ofNanos(System.nanoTime() - start);
        if (took.compareTo(SLOW) > 0) {
            throw new AssertionError(property + " took " + took + " on " + shown(input));
        }
        return outcome;
    }

    /** The wire code of a client error, or an {@link AssertionError} naming the input. */
    static String clientErrorCode(Throwable thrown, Object input) {
        if (!(thrown instanceof S3Exception s3)) {
            throw new AssertionError("not an S3 error: " + thrown + " on " + shown(input), thrown);
        }
        S3ErrorCode code = s3.code();
        boolean clientError = code.httpStatus() >= 400 && code.httpStatus() < 500
                || code == S3ErrorCode.NOT_IMPLEMENTED;
        if (!clientError) {
            throw new AssertionError("answered " + code.wireCode() + " (" + code.httpStatus() + ", from " + thrown
                    + ") on " + shown(input), thrown);
        }
        return code.wireCode();
    }

    /** Prints and records the number of inputs each property of {@code suite} ran since the last report. */
    public static synchronized void report(Class<?> suite) {
        Map<String, Long> ran = new TreeMap<>();
        COUNTS.forEach((property, count) -> {
            if (property.startsWith(suite.getSimpleName() + ".")) {
                ran.put(property, count.getAndSet(0));
            }
        });
        StringBuilder lines = new StringBuilder();
        ran.forEach((property, count) -> lines.append(property).append('\t').append(count).append('\n'));
        long total = ran.values().stream().mapToLong(Long::longValue).sum();
        System.out.print(lines.toString().lines().map(line -> "fuzz-count\t" + line + "\n")
                .reduce("", String::concat));
        System.out.println("fuzz-count\t" + suite.getSimpleName() + " total\t" + total);
        try {
            Path file = Path.of("target", "fuzz-counts.tsv");
            Files.createDirectories(file.getParent());
            Files.writeString(file, lines, StandardOpenOption.CREATE, StandardOpenOption.APPEND);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static String shown(Object input) {
        String text = input instanceof byte[] bytes ? Escapes.bytes(bytes) : Escapes.text(String.valueOf(input));
        return text.length() > 4000 ? text.substring(0, 4000) + "...(" + text.length() + " chars)" : text;
    }

    /** Ends the JVM, naming the input, when one parse runs past {@link #HUNG}: a hang must not pass as slow. */
    private static final class Watchdog {

        private volatile long startedAt;
        private volatile String property;
        private volatile Object input;
        private volatile Thread runner;

        Watchdog() {
            Thread thread = new Thread(this::watch, "fuzz-watchdog");
            thread.setDaemon(true);
            thread.start();
        }

        void started(String property, Object input) {
            this.property = property;
            this.input = input;
            this.runner = Thread.currentThread();
            this.startedAt = System.nanoTime();
        }

        void ended() {
            startedAt = 0;
        }

        private void watch() {
            while (true) {
                try {
                    Thread.sleep(1000);
                } catch (InterruptedException e) {
                    return;
                }
                long since = startedAt;
                if (since != 0 && System.nanoTime() - since > HUNG.toNanos()) {
                    StringBuilder stack = new StringBuilder();
                    for (StackTraceElement frame : runner.getStackTrace()) {
                        stack.append("\n\tat ").append(frame);
                    }
                    System.err.println("FUZZ HANG: " + property + " ran past " + HUNG + " on " + shown(input) + stack);
                    System.err.flush();
                    Runtime.getRuntime().halt(97);
                }
            }
        }
    }
}
