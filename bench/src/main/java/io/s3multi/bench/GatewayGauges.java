package io.s3multi.bench;

import java.io.IOException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * What the load run watches in the gateway's JVM from outside: the heap in use right after a full GC
 * ({@code jcmd <pid> GC.run}, then {@code GC.heap_info}), its live threads and open file descriptors
 * ({@code /proc}), and its resident memory. A leak shows as one of these growing while the load stays the same.
 */
final class GatewayGauges {

    /** One reading. {@code heapAfterGcBytes} is -1 when jcmd could not tell. */
    record Reading(long heapAfterGcBytes, int threads, int fileDescriptors, long rssBytes) {
    }

    private static final Pattern USED = Pattern.compile("used (\\d+)K");

    private final long pid;

    GatewayGauges(long pid) {
        this.pid = pid;
    }

    Reading read() {
        return new Reading(heapAfterGc(), threads(), fileDescriptors(), statusKb("VmRSS:") * 1024);
    }

    private long heapAfterGc() {
        String info = jcmd("GC.run\nGC.heap_info\n");
        if (info == null) {
            return -1;
        }
        Matcher used = USED.matcher(info);
        return used.find() ? Long.parseLong(used.group(1)) * 1024 : -1;
    }

    /** Runs jcmd commands (one a line) in one attach, so that a reading costs one JVM start, not two. */
    private String jcmd(String commands) {
        Path file = null;
        try {
            file = Files.createTempFile("load-jcmd", ".txt");
            Files.writeString(file, commands);
            Process process = new ProcessBuilder("jcmd", Long.toString(pid), "-f", file.toString())
                    .redirectErrorStream(true).start();
            String output = new String(process.getInputStream().readAllBytes());
            boolean done = process.waitFor(60, TimeUnit.SECONDS);
            return done && process.exitValue() == 0 ? output : null;
        } catch (IOException e) {
            return null;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return null;
        } finally {
            if (file != null) {
                try {
                    Files.deleteIfExists(file);
                } catch (IOException ignored) {
                    // a temporary file of a few bytes
                }
            }
        }
    }

    private int threads() {
        return (int) statusKb("Threads:");
    }

    private int fileDescriptors() {
        int count = 0;
        try (DirectoryStream<Path> fds = Files.newDirectoryStream(Path.of("/proc", Long.toString(pid), "fd"))) {
            for (Path ignored : fds) {
                count++;
            }
        } catch (IOException e) {
            return -1;
        }
        return count;
    }

    /** A numeric field of {@code /proc/<pid>/status} (kB for memory fields), -1 when unknown. */
    private long statusKb(String field) {
        try {
            for (String line : Files.readAllLines(Path.of("/proc", Long.toString(pid), "status"))) {
                if (line.startsWith(field)) {
                    return Long.parseLong(line.substring(field.length()).trim().split("\\s+")[0]);
                }
            }
        } catch (IOException | RuntimeException e) {
            return -1;
        }
        return -1;
    }
}
