package io.s3multi.swift.http;

import io.s3multi.swift.error.SwiftConnectionException;
import io.s3multi.swift.error.SwiftException;
import io.s3multi.swift.error.SwiftTimeoutException;
import io.s3multi.swift.error.SwiftTruncatedBodyException;
import io.s3multi.swift.error.SwiftUploadAbortedException;
import java.net.SocketTimeoutException;
import java.util.concurrent.TimeoutException;

/**
 * Turns whatever the transport failed with into the one {@link SwiftException} subclass that says what happened.
 *
 * <p>Jetty reports a broken exchange as an exception chain whose shape depends on where it broke (a
 * {@code TimeoutException} from the idle timeout, an {@code EofException} for an early close, a parser
 * complaint for garbage); the socket transport throws a {@code SocketTimeoutException} for silence (a read's
 * {@code SO_TIMEOUT}, or a write the watchdog stopped), an {@code EOFException} or reset for an early close. Callers should not have to know those shapes, so they are read here once.
 * Order matters: an upload we stopped on purpose breaks the connection too, and must not be reported as a
 * network failure.
 */
final class FailureClassifier {

    private FailureClassifier() {
    }

    /** A failure before the answer's status and headers arrived. */
    static SwiftException beforeAnswer(String what, Throwable failure, UploadStream upload, AbortSignal signal) {
        if (upload != null && upload.failure() != null) {
            return new SwiftUploadAbortedException(what + ": the upload body failed after "
                    + upload.bytesHandedOut() + " of " + describeLength(upload.declaredLength())
                    + " bytes; Swift did not get the whole body", upload.failure());
        }
        if (signal != null && signal.isAborted()) {
            return new SwiftUploadAbortedException(what + ": aborted"
                    + (upload == null ? "" : " after " + upload.bytesHandedOut() + " of "
                    + describeLength(upload.declaredLength()) + " bytes"), signal.reason());
        }
        if (isTimeout(failure)) {
            return new SwiftTimeoutException(what + ": no answer in time (" + rootMessage(failure) + ")", failure);
        }
        return new SwiftConnectionException(what + ": no usable answer (" + rootMessage(failure) + ")", failure);
    }

    /** A failure while reading the body of an answer that had begun. */
    static SwiftException whileReadingBody(String what, Throwable failure, long received, long expected) {
        if (isTimeout(failure)) {
            return new SwiftTimeoutException(what + ": the answer's body stalled after " + received
                    + " bytes (" + rootMessage(failure) + ")", failure);
        }
        return new SwiftTruncatedBodyException(what + ": the answer's body broke off after " + received
                + " of " + describeLength(expected) + " bytes (" + rootMessage(failure) + ")",
                received, expected, failure);
    }

    static boolean isTimeout(Throwable failure) {
        for (Throwable cause = failure; cause != null; cause = cause.getCause()) {
            if (cause instanceof TimeoutException || cause instanceof SocketTimeoutException) {
                return true;
            }
            if (cause.getCause() == cause) {
                break;
            }
        }
        return false;
    }

    private static String rootMessage(Throwable failure) {
        Throwable root = failure;
        while (root.getCause() != null && root.getCause() != root) {
            root = root.getCause();
        }
        String message = root.getMessage();
        return root.getClass().getSimpleName() + (message == null ? "" : ": " + message);
    }

    private static String describeLength(long length) {
        return length < 0 ? "an unknown number of" : Long.toString(length);
    }
}
