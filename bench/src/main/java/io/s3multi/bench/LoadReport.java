package io.s3multi.bench;

import io.s3multi.bench.LoadTally.Op;
import java.io.PrintStream;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Prints the load run as it goes (one line per sample) and its verdict: errors, and whether the gateway's
 * heap after GC, threads and file descriptors stayed flat. "Flat" compares the highest reading of the last
 * third of the run with the highest of the first third (the first sample under load excluded, as warm-up):
 * heap may grow by at most 16 MiB, threads by 8, descriptors by 16. Readings after the deadline (clients
 * finishing, the idle gateway) are printed but not judged.
 */
final class LoadReport {

    private static final long HEAP_SLACK = 16L * 1024 * 1024;
    private static final int THREAD_SLACK = 8;
    private static final int FD_SLACK = 16;

    private record Sample(long seconds, long ops, long failed, GatewayGauges.Reading reading) {
    }

    private final PrintStream out;
    private final LoadOptions options;
    private final List<Sample> samples = new ArrayList<>();
    private GatewayGauges.Reading afterLoad;

    LoadReport(PrintStream out, LoadOptions options) {
        this.out = out;
        this.options = options;
        out.printf(Locale.ROOT, "load: %d clients for %s, gateway -Xmx%s, gauges every %s%n", options.clients(),
                options.duration(), options.xmx(), options.sample());
        out.printf(Locale.ROOT, "%7s %9s %7s %8s %14s %8s %6s %8s%n", "t (s)", "ops", "errors", "ops/s",
                "heap@GC (MiB)", "threads", "fds", "RSS MiB");
    }

    /** Records a reading with the time and counts of when it was complete (a full GC under load takes a while). */
    void sample(GatewayGauges.Reading reading, Duration elapsed, LoadTally tally) {
        long ops = tally.totalDone() + tally.totalFailed();
        Sample previous = samples.isEmpty() ? null : samples.get(samples.size() - 1);
        Sample sample = new Sample(elapsed.toSeconds(), ops, tally.totalFailed(), reading);
        samples.add(sample);
        double rate = previous == null || sample.seconds == previous.seconds ? 0
                : (double) (ops - previous.ops) / (sample.seconds - previous.seconds);
        out.printf(Locale.ROOT, "%7d %9d %7d %8.1f %14s %8d %6d %8d%n", sample.seconds, ops, sample.failed, rate,
                mib(reading.heapAfterGcBytes()), reading.threads(), reading.fileDescriptors(),
                reading.rssBytes() / (1024 * 1024));
        out.flush();
    }

    void afterLoad(GatewayGauges.Reading reading) {
        afterLoad = reading;
        out.printf(Locale.ROOT, "idle after the load: heap@GC %s MiB, %d threads, %d fds%n",
                mib(reading.heapAfterGcBytes()), reading.threads(), reading.fileDescriptors());
    }

    /** Prints the counts and the verdict; true when there was no error and nothing grew. */
    boolean summary(LoadTally tally, ProcessGroup gateway) {
        out.println();
        var counts = new StringBuilder("operations:");
        for (Op op : Op.values()) {
            counts.append(' ').append(op).append(' ').append(tally.done(op));
            if (tally.failed(op) > 0) {
                counts.append(" (").append(tally.failed(op)).append(" failed)");
            }
            counts.append(',');
        }
        out.println(counts.substring(0, counts.length() - 1));
        out.printf(Locale.ROOT, "object bytes moved: %.1f GiB; gateway CPU %.0f s, peak RSS %d MiB%n",
                tally.bytes() / (1024.0 * 1024 * 1024), gateway.cpuSeconds(), gateway.peakRssBytes() / (1024 * 1024));
        tally.failureKinds().forEach((kind, n) -> out.println("  failures " + kind + ": " + n));
        tally.firstFailures().forEach(failure -> out.println("  " + failure));

        // Under load: after the idle reading and the warm-up sample, up to the deadline.
        List<Sample> underLoad = samples.stream().skip(2)
                .filter(s -> s.seconds <= options.duration().toSeconds()).toList();
        int third = Math.max(1, underLoad.size() / 3);
        List<Sample> early = underLoad.subList(0, Math.min(third, underLoad.size()));
        List<Sample> late = underLoad.subList(Math.max(0, underLoad.size() - third), underLoad.size());
        long heapGrowth = max(late, s -> s.reading.heapAfterGcBytes()) - max(early, s -> s.reading.heapAfterGcBytes());
        long threadGrowth = max(late, s -> s.reading.threads()) - max(early, s -> s.reading.threads());
        long fdGrowth = max(late, s -> s.reading.fileDescriptors()) - max(early, s -> s.reading.fileDescriptors());
        boolean flat = heapGrowth <= HEAP_SLACK && threadGrowth <= THREAD_SLACK && fdGrowth <= FD_SLACK;
        out.printf(Locale.ROOT, "verdict: %d errors; heap after GC %+.1f MiB, threads %+d, fds %+d "
                        + "(last third against first third of the run): %s%n",
                tally.totalFailed(), heapGrowth / (1024.0 * 1024), threadGrowth, fdGrowth,
                flat ? "flat" : "GROWING");
        return tally.totalFailed() == 0 && flat && underLoad.size() >= 3;
    }

    private static long max(List<Sample> samples, java.util.function.ToLongFunction<Sample> value) {
        return samples.stream().mapToLong(value).max().orElse(0);
    }

    private static String mib(long bytes) {
        return bytes < 0 ? "?" : String.format(Locale.ROOT, "%.1f", bytes / (1024.0 * 1024));
    }
}
