package io.s3multi.filters.proxylogging;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.LockSupport;
import java.util.function.BooleanSupplier;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;
import org.slf4j.Marker;
import org.slf4j.event.Level;
import org.slf4j.helpers.LegacyAbstractLogger;

class AccessLogWriterTest {

    @Test
    void aSlowConsoleDoesNotHoldUpTheRequestAndNoLineIsLost() throws Exception {
        var console = new GatedLogger();
        try (var writer = new AccessLogWriter(console)) {
            // the console takes no line until opened; the request threads' writes return all the same
            assertTimeoutPreemptively(Duration.ofSeconds(5), () -> IntStream.range(0, 3).forEach(
                    i -> writer.write(record("tx" + i))));
            console.open.countDown();
            assertTrue(writer.flush(Duration.ofSeconds(5)));
            assertEquals(List.of("tx0", "tx1", "tx2"), console.transIds());
        }
    }

    @Test
    void closingWritesTheLinesStillWaiting() throws Exception {
        var console = new GatedLogger();
        var writer = new AccessLogWriter(console);
        writer.write(record("tx0"));
        writer.write(record("tx1"));
        console.open.countDown();
        writer.close();
        assertEquals(List.of("tx0", "tx1"), console.transIds());
        writer.write(record("tx2"));   // after close, on the caller's thread
        assertEquals(List.of("tx0", "tx1", "tx2"), console.transIds());
    }

    @Test
    void aFullQueueIsWrittenByTheRequestThreadNotDropped() throws Exception {
        var console = new GatedLogger();
        try (var writer = new AccessLogWriter(console)) {
            int lines = AccessLogWriter.CAPACITY + 2;
            Thread opener = new Thread(() -> {
                // opens once the request thread writes a line itself: the queue (and the one being written) is full
                while (console.lines.stream().noneMatch(line -> line.contains("tx-overflow"))) {
                    Thread.onSpinWait();
                }
                console.open.countDown();
            });
            console.onCallerThread = Thread.currentThread();
            opener.start();
            for (int i = 0; i < lines - 1; i++) {
                writer.write(record("tx" + i));
            }
            writer.write(record("tx-overflow"));
            opener.join(TimeUnit.SECONDS.toMillis(10));
            assertTrue(writer.flush(Duration.ofSeconds(10)));
            assertEquals(lines, console.lines.size());
        }
    }

    @Test
    void anIdleWriterStopsLookingUntilTheNextLineWakesIt() throws Exception {
        var console = new GatedLogger();
        console.open.countDown();
        Set<Thread> before = accessLogThreads();
        try (var writer = new AccessLogWriter(console)) {
            Thread thread = accessLogThreads().stream().filter(t -> !before.contains(t)).findFirst().orElseThrow();
            writer.write(record("tx0"));
            // looks that find nothing for a second, then a wait without a timeout: no wake-ups while idle
            assertTrue(eventually(() -> console.lines.size() == 1 && thread.getState() == Thread.State.WAITING),
                    () -> "writer thread " + thread.getState());
            writer.write(record("tx1"));
            assertTrue(eventually(() -> console.lines.size() == 2), "the next line wakes it, no flush needed");
        }
    }

    private static Set<Thread> accessLogThreads() {
        return Thread.getAllStackTraces().keySet().stream().filter(t -> t.getName().equals("access-log"))
                .collect(Collectors.toSet());
    }

    private static boolean eventually(BooleanSupplier condition) {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
        while (!condition.getAsBoolean()) {
            if (System.nanoTime() > deadline) {
                return false;
            }
            LockSupport.parkNanos(TimeUnit.MILLISECONDS.toNanos(5));
        }
        return true;
    }

    private static AccessRecord record(String transId) {
        return new AccessRecord(Instant.EPOCH, "127.0.0.1", "GET", "/b/k", null, 200, 0, 0, Duration.ZERO, transId,
                "GetObject", "test:tester", null, null);
    }

    /** A logger that keeps lines, and on the writer's thread takes none until {@link #open}. */
    private static final class GatedLogger extends LegacyAbstractLogger {

        final CountDownLatch open = new CountDownLatch(1);
        final List<String> lines = new CopyOnWriteArrayList<>();
        volatile Thread onCallerThread;

        List<String> transIds() {
            return lines.stream().map(line -> line.split(" ")[8]).toList();
        }

        @Override
        protected void handleNormalizedLoggingCall(Level level, Marker marker, String message, Object[] arguments,
                Throwable throwable) {
            if (Thread.currentThread() != onCallerThread) {
                try {
                    if (!open.await(30, TimeUnit.SECONDS)) {
                        throw new IllegalStateException("never opened");
                    }
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
            }
            lines.add(message);
        }

        @Override
        protected String getFullyQualifiedCallerName() {
            return null;
        }

        @Override
        public boolean isTraceEnabled() {
            return true;
        }

        @Override
        public boolean isDebugEnabled() {
            return true;
        }

        @Override
        public boolean isInfoEnabled() {
            return true;
        }

        @Override
        public boolean isWarnEnabled() {
            return true;
        }

        @Override
        public boolean isErrorEnabled() {
            return true;
        }
    }
}
