package io.s3multi.swift.http;

import io.s3multi.swift.io.BlockInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.InterruptedIOException;
import java.util.concurrent.CancellationException;
import java.util.function.Consumer;

/**
 * The body of Swift's answer as it arrives, which fails loudly instead of ending quietly.
 *
 * <p>Counts the bytes it hands out. A broken connection or an end before the declared
 * {@code Content-Length} throws {@link io.s3multi.swift.error.SwiftTruncatedBodyException}; a stall longer
 * than the idle timeout throws {@link io.s3multi.swift.error.SwiftTimeoutException}. Once it has thrown it
 * keeps throwing. Closing it before the end aborts the exchange, so the connection, which still carries
 * the rest of the body, is dropped instead of returned to the pool.
 */
final class ResponseBodyStream extends BlockInputStream {

    private final InputStream jettyBody;
    private final Consumer<Throwable> exchangeAbort;
    private final long expectedLength;
    private final String what;
    private long received;
    private boolean ended;
    private boolean closed;
    private IOException failure;

    /**
     * @param expectedLength the declared {@code Content-Length}, or -1 when the body is chunked
     * @param what           method and path, for messages
     */
    ResponseBodyStream(InputStream jettyBody, Consumer<Throwable> exchangeAbort, long expectedLength, String what) {
        this.jettyBody = jettyBody;
        this.exchangeAbort = exchangeAbort;
        this.expectedLength = expectedLength;
        this.what = what;
        this.ended = expectedLength == 0;
    }

    @Override
    public int read(byte[] buffer, int offset, int length) throws IOException {
        if (failure != null) {
            throw failure;
        }
        if (closed) {
            throw new IOException(what + ": the answer's body was already closed");
        }
        if (ended) {
            return -1;
        }
        if (length == 0) {
            return 0;
        }
        int count;
        try {
            count = jettyBody.read(buffer, offset, length);
        } catch (InterruptedIOException interrupted) {
            // The caller's thread was interrupted: its own doing, not Swift's. Jetty cleared the flag.
            Thread.currentThread().interrupt();
            exchangeAbort.accept(interrupted);
            throw interrupted;
        } catch (IOException broken) {
            throw fail(FailureClassifier.whileReadingBody(what, unwrap(broken), received, expectedLength));
        }
        if (count < 0) {
            if (expectedLength >= 0 && received < expectedLength) {
                throw fail(FailureClassifier.whileReadingBody(what,
                        new IOException("end of body before its Content-Length"), received, expectedLength));
            }
            ended = true;
            return -1;
        }
        received += count;
        if (expectedLength >= 0 && received >= expectedLength) {
            ended = true;
        }
        return count;
    }

    /**
     * Reads and throws away what is left, up to {@code limit} bytes, so that a small body leaves the
     * connection reusable; a longer body is cut off by aborting the exchange.
     */
    void discard(long limit) throws IOException {
        if (ended && failure == null && !closed) {
            return;   // a HEAD's, a 204's or an empty PUT answer's body: nothing to read, so no scratch array
        }
        byte[] scratch = new byte[8192];
        long discarded = 0;
        while (discarded <= limit) {
            int count = read(scratch, 0, scratch.length);
            if (count < 0) {
                return;
            }
            discarded += count;
        }
        close();
    }

    /** Whether the whole body has been read. */
    boolean isAtEnd() {
        return ended;
    }

    long bytesReceived() {
        return received;
    }

    @Override
    public void close() {
        if (closed) {
            return;
        }
        closed = true;
        if (!ended) {
            exchangeAbort.accept(new CancellationException(what + ": body closed before its end"));
        }
        try {
            jettyBody.close();
        } catch (IOException ignored) {
            // Nothing is left to release: the exchange is complete or aborted.
        }
    }

    private IOException fail(IOException typed) {
        failure = typed;
        exchangeAbort.accept(typed);
        return typed;
    }

    // Jetty's stream wraps the exchange's failure in a plain IOException; the cause says what happened.
    private static Throwable unwrap(IOException broken) {
        return broken.getClass() == IOException.class && broken.getCause() != null ? broken.getCause() : broken;
    }
}
