package io.s3multi.s3.operation;

import io.s3multi.s3.error.S3Exception;
import java.io.IOException;
import java.io.OutputStream;
import java.util.Optional;

/**
 * The body of an S3 answer, written once to the client. A body streamed out of Swift holds a backend
 * connection until it is closed, so whoever writes it closes it, also when writing fails.
 */
public interface S3Body extends AutoCloseable {

    /** The number of bytes {@link #writeTo} will write, or {@code -1} when it is not known in advance. */
    long length();

    /** Writes the whole body. Called at most once. */
    void writeTo(OutputStream out) throws IOException;

    /**
     * The S3 error this body wrote in place of its content after the answer's status had gone out, if it did
     * (CompleteMultipartUpload answers 200 at once and may end in an {@code <Error>} document); empty otherwise.
     * Read it after {@link #writeTo}: the status alone would report success.
     */
    default Optional<S3Exception> errorWritten() {
        return Optional.empty();
    }

    /** Releases what the body holds (a Swift response, say); safe to call more than once. */
    @Override
    default void close() {
    }
}
