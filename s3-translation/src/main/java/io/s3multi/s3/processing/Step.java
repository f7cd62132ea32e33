package io.s3multi.s3.processing;

import io.s3multi.swift.error.SwiftException;
import java.io.IOException;

/** One processing step: looks at an assembled upload and passes or rejects it. */
interface Step {

    /** The step's name in {@code processing_steps} and in the processing state. */
    String name();

    /**
     * @return {@link Outcome#PASS}, or a rejection
     * @throws IOException when the step could not decide (clamd unreachable, the webhook failing every attempt):
     *                     the upload stays unpublished and a retried Complete resumes at this step
     */
    Outcome run(ProcessedUpload upload) throws SwiftException, IOException, InterruptedException;

    /**
     * What a step decided.
     *
     * @param delete for a rejection: whether the step asks for the upload to be deleted ({@code null}: as configured)
     */
    record Outcome(boolean passed, Boolean delete, String reason) {

        static final Outcome PASS = new Outcome(true, null, "");

        static Outcome reject(String reason) {
            return new Outcome(false, null, reason);
        }

        static Outcome reject(boolean delete, String reason) {
            return new Outcome(false, delete, reason);
        }
    }
}
