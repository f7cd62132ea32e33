package io.s3multi.swift.http;

import io.s3multi.swift.io.BlockInputStream;
import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.util.Objects;

/**
 * Hands a caller's upload stream to Jetty so that Swift can never receive a complete body by accident.
 *
 * <p>With a declared length it hands out exactly that many bytes, and <em>before</em> it hands out the
 * final ones it reads the caller's stream once more and requires its end. A stream that checks a digest
 * when it reaches its end (and throws on a mismatch) therefore fails the upload while Swift still lacks
 * bytes, so Swift stores nothing. A stream that ends early, runs long, or throws at any point fails the
 * upload the same way. The first failure is kept, exactly as thrown, to become the cause of a
 * {@link io.s3multi.swift.error.SwiftUploadAbortedException}.
 *
 * <p>Closing it does not close the caller's stream: the caller owns that, and a request retried after a
 * 401 must find it intact.
 */
final class UploadStream extends BlockInputStream {

    private final InputStream source;
    private final long declaredLength;
    private long handedOut;
    private volatile boolean ended;
    private volatile boolean touched;
    private volatile Throwable failure;

    /** @param declaredLength the exact body length, or -1 for a body of unknown length (sent chunked) */
    UploadStream(InputStream source, long declaredLength) {
        this.source = Objects.requireNonNull(source, "source");
        if (declaredLength < -1) {
            throw new IllegalArgumentException("length must be -1 (unknown) or at least 0: " + declaredLength);
        }
        this.declaredLength = declaredLength;
    }

    @Override
    public int read(byte[] buffer, int offset, int length) throws IOException {
        Objects.checkFromIndexSize(offset, length, buffer.length);
        touched = true;
        rethrowEarlierFailure();
        if (ended) {
            return -1;
        }
        if (length == 0) {
            return 0;
        }
        try {
            return declaredLength < 0 ? readUnbounded(buffer, offset, length) : readBounded(buffer, offset, length);
        } catch (IOException | RuntimeException | Error thrown) {
            throw recordFailure(thrown);
        }
    }

    private int readUnbounded(byte[] buffer, int offset, int length) throws IOException {
        int count = source.read(buffer, offset, length);
        if (count < 0) {
            ended = true;
        } else {
            handedOut += count;
        }
        return count;
    }

    private int readBounded(byte[] buffer, int offset, int length) throws IOException {
        long remaining = declaredLength - handedOut;
        if (remaining == 0) {
            requireSourceEnd();
            ended = true;
            return -1;
        }
        int count = fill(buffer, offset, (int) Math.min(length, remaining));
        if (count < 0) {
            throw new EOFException("the upload body ended after " + handedOut + " of its declared "
                    + declaredLength + " bytes");
        }
        if (count == remaining) {
            // These are the final bytes: confirm the end before Swift can have them.
            requireSourceEnd();
            ended = true;
        }
        handedOut += count;
        return count;
    }

    /**
     * Reads until {@code length} bytes are there or the source ends. A servlet's input hands out whatever one
     * network read brought (often 8 KiB); passed on as it came, every such piece would become its own write
     * to Swift, and the Swift proxy pays per piece it receives. Whole buffers halve its CPU per byte.
     */
    private int fill(byte[] buffer, int offset, int length) throws IOException {
        int filled = 0;
        while (filled < length) {
            int count = source.read(buffer, offset + filled, length - filled);
            if (count < 0) {
                return filled == 0 ? -1 : filled;
            }
            filled += count;
        }
        return filled;
    }

    /** For an empty body, which Jetty may never read: checks the caller's stream before anything is sent. */
    void confirmEmpty() throws IOException {
        touched = true;
        try {
            requireSourceEnd();
            ended = true;
        } catch (IOException | RuntimeException | Error thrown) {
            throw recordFailure(thrown);
        }
    }

    private void requireSourceEnd() throws IOException {
        if (source.read() >= 0) {
            throw new IOException("the upload body is longer than its declared " + declaredLength + " bytes");
        }
    }

    private IOException recordFailure(Throwable thrown) {
        if (failure == null) {
            failure = thrown;
        }
        return thrown instanceof IOException io ? io : new IOException(thrown);
    }

    private void rethrowEarlierFailure() throws IOException {
        Throwable earlier = failure;
        if (earlier != null) {
            throw new IOException("the upload body failed earlier", earlier);
        }
    }

    /** Whether the body's last byte is still to be handed out (so the request cannot have completed). */
    boolean isMidBody() {
        return !ended;
    }

    /** Whether anyone has read from it yet: if not, the request can be sent again. */
    boolean wasTouched() {
        return touched;
    }

    /** What the caller's stream (or the length check) threw, or {@code null}. */
    Throwable failure() {
        return failure;
    }

    long bytesHandedOut() {
        return handedOut;
    }

    long declaredLength() {
        return declaredLength;
    }

    @Override
    public void close() {
        // The caller owns the source stream; see the class comment.
    }
}
