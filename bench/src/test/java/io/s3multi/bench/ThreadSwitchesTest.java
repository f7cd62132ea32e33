package io.s3multi.bench;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ThreadSwitchesTest {

    private static final long PID = 4242;

    @TempDir
    Path proc;

    @Test
    void aThreadThatEndsBetweenTheReadingsTakesNothingAwayFromTheOthers() throws IOException {
        thread(1, 100, 40, 3);
        thread(2, 200, 5000, 70);   // a pool thread that will end, idle, during the interval
        ThreadSwitches before = ThreadSwitches.read(proc, List.of(PID));
        thread(1, 100, 90, 4);
        ended(2);
        thread(3, 300, 7, 1);       // started during the interval: all of its switches count

        // the sums over the threads alive at each reading, as the column was computed, gave 97 - 5040 = -4943
        assertArrayEquals(new long[] {50 + 7, 1 + 1}, ThreadSwitches.read(proc, List.of(PID)).since(before));
    }

    @Test
    void aThreadIdReusedByANewThreadCountsFromZero() throws IOException {
        thread(5, 100, 1000, 10);
        ThreadSwitches before = ThreadSwitches.read(proc, List.of(PID));
        thread(5, 900, 12, 2);       // same id, later start: another thread

        assertArrayEquals(new long[] {12, 2}, ThreadSwitches.read(proc, List.of(PID)).since(before));
    }

    @Test
    void aCommandNameWithSpacesAndParenthesesIsReadAndAnEndedProcessCountsNothing() throws IOException {
        thread(6, 100, 10, 0, "C2 Compiler) (Thread0");
        ThreadSwitches before = ThreadSwitches.read(proc, List.of(PID, 99L));
        thread(6, 100, 25, 1, "C2 Compiler) (Thread0");

        assertArrayEquals(new long[] {15, 1}, ThreadSwitches.read(proc, List.of(PID, 99L)).since(before));
    }

    private void thread(long tid, long startTime, long voluntary, long involuntary) throws IOException {
        thread(tid, startTime, voluntary, involuntary, "s3multi-" + tid);
    }

    private void thread(long tid, long startTime, long voluntary, long involuntary, String name) throws IOException {
        Path task = Files.createDirectories(proc.resolve(Long.toString(PID)).resolve("task").resolve(Long.toString(tid)));
        // /proc/<pid>/task/<tid>/stat: pid (comm) state, then fields 4..52; field 22 is the start time in ticks
        StringBuilder stat = new StringBuilder(tid + " (" + name + ") S");
        for (int field = 4; field <= 52; field++) {
            stat.append(' ').append(field == 22 ? startTime : field);
        }
        Files.writeString(task.resolve("stat"), stat + "\n");
        Files.writeString(task.resolve("status"), "Name:\t" + name + "\nState:\tS (sleeping)\n"
                + "voluntary_ctxt_switches:\t" + voluntary + "\nnonvoluntary_ctxt_switches:\t" + involuntary + "\n");
    }

    private void ended(long tid) throws IOException {
        Path task = proc.resolve(Long.toString(PID)).resolve("task").resolve(Long.toString(tid));
        Files.delete(task.resolve("stat"));
        Files.delete(task.resolve("status"));
        Files.delete(task);
    }
}
