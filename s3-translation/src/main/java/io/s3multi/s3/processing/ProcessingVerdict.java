package io.s3multi.s3.processing;

import java.util.Objects;

/**
 * What the steps decided about an upload.
 *
 * @param decision publish, or reject and keep or delete what was uploaded
 * @param step     the step that rejected it ({@code ""} when published)
 * @param reason   why, in words for the client ({@code ""} when published)
 */
public record ProcessingVerdict(Decision decision, String step, String reason) {

    /** Publish the object; or do not, keeping the upload (its parts stay, for inspection) or deleting it. */
    public enum Decision { PUBLISH, REJECT_KEEP, REJECT_DELETE }

    private static final ProcessingVerdict PUBLISH = new ProcessingVerdict(Decision.PUBLISH, "", "");

    public ProcessingVerdict {
        Objects.requireNonNull(decision, "decision");
        Objects.requireNonNull(step, "step");
        Objects.requireNonNull(reason, "reason");
    }

    public static ProcessingVerdict publish() {
        return PUBLISH;
    }

    public boolean publishes() {
        return decision == Decision.PUBLISH;
    }
}
