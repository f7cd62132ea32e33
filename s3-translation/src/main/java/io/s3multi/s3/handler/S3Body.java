package io.s3multi.s3.handler;

import java.io.IOException;
import java.io.OutputStream;

/**
 * The body of an S3 answer, written once to the client. A body streamed out of Swift holds a backend
 * connection until it is closed, so whoever writes it closes it, also when writing fails.
 */
public interface S3Body extends AutoCloseable {

    /** The number of bytes {@link #writeTo} will write, or {@code -1} when it is not known in advance. */
    long length();

    /** Writes the whole body. Called at most once. */
    void writeTo(OutputStream out) throws IOException;

    /** Releases what the body holds (a Swift response, say); safe to call more than once. */
    @Override
    default void close() {
    }
}
