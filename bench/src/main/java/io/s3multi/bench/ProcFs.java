package io.s3multi.bench;

import java.io.IOException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * What Linux's {@code /proc} tells about other processes: CPU time used, peak resident memory, and which
 * processes listen on a TCP port (so that a Swift proxy's parent and forked workers are all counted).
 *
 * <p>CPU times in {@code /proc/<pid>/stat} are in USER_HZ ticks, which Linux fixes at 100 per second for
 * user space on every common architecture. A process that has exited reads as zero.
 */
final class ProcFs {

    private static final double TICKS_PER_SECOND = 100.0;

    private ProcFs() {
    }

    /** User plus system CPU seconds the process has used so far (its own threads, not its children). */
    static double cpuSeconds(long pid) {
        try {
            String stat = Files.readString(Path.of("/proc", Long.toString(pid), "stat"));
            // The command name (field 2) may contain spaces and parentheses: count fields after the last ')'.
            String[] fields = stat.substring(stat.lastIndexOf(')') + 2).split(" ");
            long utime = Long.parseLong(fields[11]);
            long stime = Long.parseLong(fields[12]);
            return (utime + stime) / TICKS_PER_SECOND;
        } catch (IOException | RuntimeException e) {
            return 0;
        }
    }

    /**
     * CPU seconds of the process's JIT compiler threads ({@code C1 CompilerThread<n>}, {@code C2 CompilerThread<n>}
     * in {@code /proc/<pid>/task/<tid>/stat}): what a JVM spends compiling rather than serving. A thread that has
     * ended is not counted: HotSpot keeps one thread per compiler (all there are on 2 cores), more come and go on
     * larger machines unless the JVM runs with {@code -XX:-UseDynamicNumberOfCompilerThreads}.
     */
    static double jitCpuSeconds(long pid) {
        double sum = 0;
        try (DirectoryStream<Path> tasks = Files.newDirectoryStream(Path.of("/proc", Long.toString(pid), "task"))) {
            for (Path task : tasks) {
                String stat = Files.readString(task.resolve("stat"));
                String name = stat.substring(stat.indexOf('(') + 1, stat.lastIndexOf(')'));
                if (name.startsWith("C1 Compiler") || name.startsWith("C2 Compiler")) {
                    sum += ticks(stat);
                }
            }
        } catch (IOException | RuntimeException e) {
            return sum;
        }
        return sum;
    }

    private static double ticks(String stat) {
        String[] fields = stat.substring(stat.lastIndexOf(')') + 2).split(" ");
        return (Long.parseLong(fields[11]) + Long.parseLong(fields[12])) / TICKS_PER_SECOND;
    }

    /** Peak resident set size (VmHWM) in bytes, or -1 when unknown. */
    static long peakRssBytes(long pid) {
        try {
            for (String line : Files.readAllLines(Path.of("/proc", Long.toString(pid), "status"))) {
                if (line.startsWith("VmHWM:")) {
                    String kb = line.substring("VmHWM:".length()).trim().split("\\s+")[0];
                    return Long.parseLong(kb) * 1024;
                }
            }
        } catch (IOException | RuntimeException e) {
            return -1;
        }
        return -1;
    }

    /** Processes holding a listening IPv4 or IPv6 TCP socket on {@code port}. Needs permission to read their fds. */
    static List<Long> pidsListeningOn(int port) {
        Set<String> inodes = new HashSet<>();
        inodes.addAll(listeningInodes(Path.of("/proc/net/tcp"), port));
        inodes.addAll(listeningInodes(Path.of("/proc/net/tcp6"), port));
        List<Long> pids = new ArrayList<>();
        if (inodes.isEmpty()) {
            return pids;
        }
        try (DirectoryStream<Path> procs = Files.newDirectoryStream(Path.of("/proc"), "[0-9]*")) {
            for (Path proc : procs) {
                if (holdsAny(proc.resolve("fd"), inodes)) {
                    pids.add(Long.parseLong(proc.getFileName().toString()));
                }
            }
        } catch (IOException e) {
            return pids;
        }
        return pids;
    }

    private static Set<String> listeningInodes(Path table, int port) {
        Set<String> inodes = new HashSet<>();
        String portHex = String.format(Locale.ROOT, ":%04X", port);
        try {
            for (String line : Files.readAllLines(table)) {
                String[] f = line.trim().split("\\s+");
                // local_address is ip:port in hex, st 0A is LISTEN, field 9 is the socket's inode.
                if (f.length > 9 && f[1].endsWith(portHex) && "0A".equals(f[3])) {
                    inodes.add("socket:[" + f[9] + "]");
                }
            }
        } catch (IOException e) {
            return inodes;
        }
        return inodes;
    }

    private static boolean holdsAny(Path fdDir, Set<String> socketLinks) {
        try (DirectoryStream<Path> fds = Files.newDirectoryStream(fdDir)) {
            for (Path fd : fds) {
                try {
                    if (socketLinks.contains(Files.readSymbolicLink(fd).toString())) {
                        return true;
                    }
                } catch (IOException | UnsupportedOperationException e) {
                    // The fd closed while we looked: not ours.
                }
            }
        } catch (IOException e) {
            return false;
        }
        return false;
    }
}
