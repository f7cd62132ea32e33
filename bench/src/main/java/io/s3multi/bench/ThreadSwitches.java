package io.s3multi.bench;

import java.io.IOException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The context switches of every thread of some processes at one moment, per thread, from
 * {@code /proc/<pid>/task/<tid>/status} ({@code voluntary_ctxt_switches}: the thread waited, for a lock, a queue or
 * I/O; {@code nonvoluntary_ctxt_switches}: the scheduler took the core away).
 *
 * <p>Linux keeps these counts per thread only ({@code /proc/<pid>/status} shows the main thread's; the process's
 * totals, with its ended threads, are only in its own {@code getrusage}). A difference of two sums over the threads
 * alive at each reading goes wrong when threads end in between: they take their whole count with them, and it went
 * negative (Jetty's pool ends a thread after a minute idle). So {@link #since} compares thread by thread: a thread's
 * switches since the earlier reading (all of them for a thread started since), summed over the threads alive now. A
 * thread that ended in between is left out; it had been idle for its pool's idle timeout before it ended, so its
 * switches in the interval are about one. A thread is known by its id and start time, because Linux reuses ids.
 */
final class ThreadSwitches {

    private final Map<String, long[]> byThread;

    private ThreadSwitches(Map<String, long[]> byThread) {
        this.byThread = byThread;
    }

    /** The threads of {@code pids} now, from the real {@code /proc}. */
    static ThreadSwitches read(List<Long> pids) {
        return read(Path.of("/proc"), pids);
    }

    /** The threads of {@code pids} under {@code proc} (a directory laid out as {@code /proc}). */
    static ThreadSwitches read(Path proc, List<Long> pids) {
        Map<String, long[]> byThread = new HashMap<>();
        for (long pid : pids) {
            Path taskDir = proc.resolve(Long.toString(pid)).resolve("task");
            try (DirectoryStream<Path> tasks = Files.newDirectoryStream(taskDir)) {
                for (Path task : tasks) {
                    readThread(pid, task, byThread);
                }
            } catch (IOException e) {
                // the process has ended: none of its threads
            }
        }
        return new ThreadSwitches(byThread);
    }

    private static void readThread(long pid, Path task, Map<String, long[]> byThread) {
        try {
            String stat = Files.readString(task.resolve("stat"));
            // field 22, start time: the 20th after the command name, which may hold spaces and parentheses
            String startTime = stat.substring(stat.lastIndexOf(')') + 2).split(" ")[19];
            long[] counts = new long[2];
            for (String line : Files.readAllLines(task.resolve("status"))) {
                if (line.startsWith("voluntary_ctxt_switches:")) {
                    counts[0] = Long.parseLong(line.substring(line.indexOf(':') + 1).trim());
                } else if (line.startsWith("nonvoluntary_ctxt_switches:")) {
                    counts[1] = Long.parseLong(line.substring(line.indexOf(':') + 1).trim());
                }
            }
            byThread.put(pid + "/" + task.getFileName() + "@" + startTime, counts);
        } catch (IOException | RuntimeException e) {
            // the thread ended while we looked: as if it had ended before
        }
    }

    /** Voluntary and involuntary switches of the threads alive now since {@code earlier}; never negative. */
    long[] since(ThreadSwitches earlier) {
        long[] sum = new long[2];
        for (Map.Entry<String, long[]> thread : byThread.entrySet()) {
            long[] before = earlier.byThread.getOrDefault(thread.getKey(), new long[2]);
            sum[0] += thread.getValue()[0] - before[0];
            sum[1] += thread.getValue()[1] - before[1];
        }
        return sum;
    }
}
