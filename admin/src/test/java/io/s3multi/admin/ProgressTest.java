package io.s3multi.admin;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.Test;

class ProgressTest {

    @Test
    void plainLinesEveryThousandWhenNobodyWatches() {
        var bytes = new ByteArrayOutputStream();
        Progress progress = new Progress(new PrintStream(bytes, true, StandardCharsets.UTF_8), false, "objects");
        for (int i = 0; i < 2500; i++) {
            progress.step("photos");
        }
        progress.done();
        List<String> lines = bytes.toString(StandardCharsets.UTF_8).lines().toList();
        assertEquals(3, lines.size(), lines.toString());
        assertTrue(lines.get(0).matches("progress: 1000 objects, \\d+/s \\(photos\\)"), lines.get(0));
        assertTrue(lines.get(1).startsWith("progress: 2000 objects, "), lines.get(1));
        assertTrue(lines.get(2).matches("done: 2500 objects, \\d+/s"), lines.get(2));
    }

    @Test
    void oneLineRewrittenOnATerminal() {
        var bytes = new ByteArrayOutputStream();
        Progress progress = new Progress(new PrintStream(bytes, true, StandardCharsets.UTF_8), true, "buckets");
        progress.step("a");
        progress.done();
        String shown = bytes.toString(StandardCharsets.UTF_8);
        // the count and rate, the rest of the line erased; at the end the line cleared and the total printed
        assertTrue(shown.matches("\r1 buckets, \\d+/s \\(a\\)\u001b\\[K\r\u001b\\[Kdone: 1 buckets, \\d+/s\\R"),
                shown);
    }

    @Test
    void nothingForAShortRunWhenNobodyWatches() {
        var bytes = new ByteArrayOutputStream();
        Progress progress = new Progress(new PrintStream(bytes, true, StandardCharsets.UTF_8), false, "buckets");
        progress.step("a");
        progress.done();
        assertEquals("", bytes.toString(StandardCharsets.UTF_8));
    }
}
