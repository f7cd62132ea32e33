package io.s3multi.s3.background;

/** Receives what a {@link BucketJob} did or, in a dry run, would do: for logs, metrics and the admin tool's output. */
@FunctionalInterface
public interface WorkLog {

    /** A log that drops everything. */
    WorkLog NONE = (container, object, action, reason, performed) -> { };

    /**
     * @param container the Swift container of the object acted on
     * @param object the object's name, or empty for an action on the container
     * @param action what was (or would be) done, such as {@code delete} or {@code abort-upload}
     * @param reason why, in words an operator understands
     * @param performed false in a dry run
     */
    void record(String container, String object, String action, String reason, boolean performed);
}
