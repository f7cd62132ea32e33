package io.s3multi.bench;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.InputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ExecutorService;
import org.junit.jupiter.api.Test;

class SmallObjectSuiteTest {

    /** Records every request in the order the suite sends them; answers at once. */
    private static final class RecordingTarget implements BenchTarget {

        final List<String> requests = new ArrayList<>();

        @Override
        public String name() {
            return "recording";
        }

        @Override
        public ProcessGroup gateway() {
            return ProcessGroup.none();
        }

        @Override
        public ProcessGroup proxy() {
            return ProcessGroup.none();
        }

        @Override
        public void prepare() {
        }

        @Override
        public void uploadMultipart(String key, Payload payload, long size, long partSize, ExecutorService parallel) {
            throw new UnsupportedOperationException();
        }

        @Override
        public InputStream open(String key) {
            throw new UnsupportedOperationException();
        }

        @Override
        public synchronized void put(String key, byte[] body) {
            requests.add("PUT " + key);
        }

        @Override
        public synchronized void get(String key) {
            requests.add("GET " + key);
        }

        @Override
        public synchronized void head(String key) {
            requests.add("HEAD " + key);
        }

        @Override
        public synchronized void delete(String key) {
            requests.add("DELETE " + key);
        }

        @Override
        public void close() {
        }
    }

    @Test
    void theWarmUpRunsTheTimedPhasesOperationsInTheirOrderOnKeysOfTheirShape() throws Exception {
        RecordingTarget target = new RecordingTarget();
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        SmallObjectSuite suite = new SmallObjectSuite(new byte[16], 2, Duration.ofNanos(1), Duration.ofNanos(4),
                new Report(new PrintStream(out, true, StandardCharsets.UTF_8)));

        List<SmallObjectSuite.Phase> timed = suite.run(List.of(target));

        List<String> requests = target.requests;
        int timedRequests = timed.stream().mapToInt(p -> p.latencies().length).sum();
        List<String> warmUp = requests.subList(0, requests.size() - timedRequests);
        // a target that is not a JVM gets one round of PUT, GET, HEAD (each worker sends one request at least per
        // phase, however short)
        assertEquals(List.of("PUT", "GET", "HEAD"), phasesOf(warmUp), String.join("\n", warmUp));
        assertEquals(List.of("PUT", "GET", "HEAD"), phasesOf(requests.subList(warmUp.size(), requests.size())));
        Set<String> putKeys = new HashSet<>();
        for (String request : requests) {
            String key = request.substring(request.indexOf(' ') + 1);
            assertTrue(key.matches("small/[01]/[0-9]+"), request);
            if (request.startsWith("PUT ")) {
                assertTrue(putKeys.add(key), "a PUT of a key written before: " + request);
            } else {
                assertTrue(putKeys.contains(key), "a read of a key never written: " + request);
            }
        }
        assertFalse(requests.stream().anyMatch(r -> r.startsWith("DELETE")), String.join("\n", requests));
    }

    /** The operations of {@code requests} with repeats folded: PUT PUT GET HEAD HEAD -> PUT GET HEAD. */
    private static List<String> phasesOf(List<String> requests) {
        List<String> phases = new ArrayList<>();
        for (String request : requests) {
            String op = request.substring(0, request.indexOf(' '));
            if (phases.isEmpty() || !phases.get(phases.size() - 1).equals(op)) {
                phases.add(op);
            }
        }
        return phases;
    }
}
