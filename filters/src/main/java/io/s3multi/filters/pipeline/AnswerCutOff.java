package io.s3multi.filters.pipeline;

import java.io.IOException;
import org.eclipse.jetty.io.QuietException;

/**
 * An answer failed after it was committed, and the stage that saw it has logged it: the container must only cut
 * the connection, so that the client sees a truncated answer, never a wrong one. Stages in between (catch_errors)
 * rethrow it without logging again, and Jetty, which knows {@link QuietException}, logs it at debug level only:
 * in the embedded server one failed download is one log line.
 */
public final class AnswerCutOff extends IOException implements QuietException {

    private static final long serialVersionUID = 1L;

    public AnswerCutOff(String transId, Throwable cause) {
        super("answer of " + transId + " cut off (logged where it failed)", cause);
    }
}
