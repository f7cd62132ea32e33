package io.s3multi.s3.operation;

import io.s3multi.s3.error.S3Exception;
import java.io.IOException;
import java.io.OutputStream;
import java.util.Optional;
import java.util.function.BiConsumer;

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
     * Writes the whole body, as {@link #writeTo(OutputStream)}, for a body that may learn headers of its answer
     * while it works: it may give them to {@code lateHeaders} before its first byte, never after (the headers are
     * sent with the first byte). Called at most once, instead of {@link #writeTo(OutputStream)}.
     */
    default void writeTo(OutputStream out, BiConsumer<String, String> lateHeaders) throws IOException {
        writeTo(out);
    }

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
