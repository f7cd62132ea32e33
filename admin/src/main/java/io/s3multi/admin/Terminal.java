package io.s3multi.admin;

import java.io.PrintStream;

/**
 * Where the tool writes: results on {@code out} (one line per item, tab-separated, for scripts), messages and
 * progress on {@code err}; {@code interactive} when a person watches (then progress rewrites one line).
 */
record Terminal(PrintStream out, PrintStream err, boolean interactive) {

    Progress progress(String unit) {
        return new Progress(err, interactive, unit);
    }
}
