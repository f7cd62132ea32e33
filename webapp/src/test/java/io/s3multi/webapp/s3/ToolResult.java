package io.s3multi.webapp.s3;

/**
 * What a command-line tool did.
 *
 * @param command  the command line, for messages
 * @param exitCode the exit status; -1 when it was killed after its timeout
 * @param stdout   standard output, UTF-8
 * @param stderr   standard error, UTF-8
 * @param timedOut whether it ran out of time and was killed
 */
public record ToolResult(String command, int exitCode, String stdout, String stderr, boolean timedOut) {

    public boolean succeeded() {
        return exitCode == 0 && !timedOut;
    }

    /** Everything for an assertion message. */
    public String describe() {
        return command + "\nexit " + exitCode + (timedOut ? " (timed out)" : "") + "\n--- stdout\n" + stdout
                + "\n--- stderr\n" + stderr;
    }

    /** This result, or an {@link AssertionError} describing it when the tool failed. */
    public ToolResult requireSuccess() {
        if (!succeeded()) {
            throw new AssertionError(describe());
        }
        return this;
    }

    @Override
    public String toString() {
        return describe();
    }
}
