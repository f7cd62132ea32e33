package io.s3multi.s3.xml;

import io.s3multi.swift.io.BlockInputStream;
import java.io.IOException;
import java.io.InputStream;

/**
 * A request body read by the XML parser, with a byte cap and a record of how the stream itself failed.
 *
 * <p>The parser wraps whatever goes wrong beneath it, and it raises {@link IOException}s of its own (a
 * malformed UTF-8 sequence is one). To tell the client's bad XML from a body that was too long or a stream that
 * broke, this class notes both facts where they happen instead of guessing later from a chain of causes:
 * {@link #overflowed()} once byte {@code cap + 1} has arrived, {@link #failure()} for anything the underlying
 * stream threw (an {@code IOException}, or a runtime failure such as a checksum verifier's
 * {@code S3Exception}). It never asks the underlying stream for more than {@code cap + 1} bytes in total, and it
 * does not close it: the body belongs to the caller.
 */
final class CappedBody extends BlockInputStream {

    private final InputStream body;
    private final long cap;
    private long count;
    private boolean overflowed;
    private Exception failure;

    CappedBody(InputStream body, long cap) {
        this.body = body;
        this.cap = cap;
    }

    boolean overflowed() {
        return overflowed;
    }

    /** What the underlying stream threw, or null. */
    Exception failure() {
        return failure;
    }

    @Override
    public int read(byte[] buffer, int offset, int length) throws IOException {
        if (overflowed) {
            throw tooLong();
        }
        if (length == 0) {
            return 0;
        }
        int n;
        try {
            n = body.read(buffer, offset, (int) Math.min(length, cap + 1 - count));
        } catch (IOException | RuntimeException e) {
            failure = e;
            throw e;
        }
        if (n > 0) {
            count += n;
            if (count > cap) {
                overflowed = true;
                throw tooLong();
            }
        }
        return n;
    }

    @Override
    public void close() {
        // The caller owns the request body.
    }

    private IOException tooLong() {
        return new IOException("request body longer than " + cap + " bytes");
    }
}
