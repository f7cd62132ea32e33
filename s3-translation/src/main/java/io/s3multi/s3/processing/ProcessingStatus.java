package io.s3multi.s3.processing;

/**
 * The processing state of an upload as Swift records it.
 *
 * @param state  where the upload is
 * @param step   the step running ({@link State#PROCESSING}) or that rejected it ({@link State#REJECTED}), else
 *               {@code ""}
 * @param reason why it was rejected, else {@code ""}
 */
public record ProcessingStatus(State state, String step, String reason) {

    /**
     * {@code NONE}: nothing recorded (no steps configured, or not completed yet); {@code PROCESSING}: steps are
     * running or waiting to be resumed; {@code PUBLISHED}: every step passed, the object is at its key;
     * {@code REJECTED}: a step refused it, it was not published.
     */
    public enum State { NONE, PROCESSING, PUBLISHED, REJECTED }

    private static final ProcessingStatus NONE = new ProcessingStatus(State.NONE, "", "");

    public ProcessingStatus {
        if (state == null || step == null || reason == null) {
            throw new NullPointerException("state, step and reason are required");
        }
    }

    public static ProcessingStatus none() {
        return NONE;
    }
}
