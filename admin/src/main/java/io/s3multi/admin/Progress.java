package io.s3multi.admin;

import java.io.PrintStream;
import java.time.Duration;

/**
 * Progress of a long run on standard error: on a terminal one line rewritten in place with the counts and a rate;
 * otherwise (a pipe, a log file, a test) a plain line every {@code PLAIN_EVERY} items, so logs stay readable.
 */
final class Progress {

    private static final int PLAIN_EVERY = 1000;
    private static final long TERMINAL_EVERY_NANOS = Duration.ofMillis(200).toNanos();

    private final PrintStream out;
    private final boolean terminal;
    private final String unit;
    private final long started = System.nanoTime();
    private long count;
    private long lastShown;

    Progress(PrintStream out, boolean terminal, String unit) {
        this.out = out;
        this.terminal = terminal;
        this.unit = unit;
    }

    /** One more item done; {@code where} names what is being worked on (a bucket). */
    void step(String where) {
        count++;
        long now = System.nanoTime();
        if (terminal && now - lastShown >= TERMINAL_EVERY_NANOS) {
            lastShown = now;
            out.print("\r" + line(where, now) + "\u001b[K");
            out.flush();
        } else if (!terminal && count % PLAIN_EVERY == 0) {
            out.println("progress: " + line(where, now));
        }
    }

    /** The last line: the total and the mean rate. */
    void done() {
        long now = System.nanoTime();
        if (terminal) {
            out.print("\r\u001b[K");
        }
        if (terminal || count >= PLAIN_EVERY) {
            out.println("done: " + line("", now));
        }
    }

    long count() {
        return count;
    }

    private String line(String where, long now) {
        double seconds = Math.max(1e-3, (now - started) / 1e9);
        return String.format("%d %s, %.0f/s%s", count, unit, count / seconds, where.isEmpty() ? "" : " (" + where + ")");
    }
}
