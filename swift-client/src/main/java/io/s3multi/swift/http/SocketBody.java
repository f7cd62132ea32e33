package io.s3multi.swift.http;

import io.s3multi.swift.io.BlockInputStream;
import java.io.EOFException;
import java.io.IOException;
import java.nio.channels.ClosedByInterruptException;
import java.io.InterruptedIOException;
import java.net.SocketTimeoutException;

/**
 * The body of one answer as it comes off a {@link SocketConnection}, framed by {@code Content-Length}, by chunks,
 * or by the connection's end. At the body's end the connection goes back to the pool (or is closed when it cannot
 * carry another request); a failure or an early {@link #close} closes it, since the rest of the body is still on
 * it. What a broken body means is left to {@link ResponseBodyStream}, which counts and classifies.
 */
final class SocketBody extends BlockInputStream {

    /** How the end of the body is known. */
    enum Framing { LENGTH, CHUNKED, UNTIL_CLOSE }

    private static final int MAX_CHUNK_LINE = 4096;

    private final ConnectionLease lease;
    private final SocketConnection connection;
    private final Framing framing;
    private long remaining;
    private boolean ended;
    private boolean failed;

    /** @param length the {@code Content-Length} with {@link Framing#LENGTH}; ignored otherwise */
    SocketBody(ConnectionLease lease, Framing framing, long length) {
        this.lease = lease;
        this.connection = lease.connection();
        this.framing = framing;
        this.remaining = framing == Framing.LENGTH ? length : 0;
        if (framing == Framing.LENGTH && length == 0) {
            end();
        }
    }

    @Override
    public int read(byte[] target, int offset, int length) throws IOException {
        if (ended) {
            return -1;
        }
        if (failed) {
            throw new IOException("the answer's body failed earlier");
        }
        if (length == 0) {
            return 0;
        }
        try {
            return framing == Framing.CHUNKED ? readChunked(target, offset, length) : readPlain(target, offset, length);
        } catch (ClosedByInterruptException interrupted) {
            fail();
            InterruptedIOException typed = new InterruptedIOException("interrupted while reading Swift's answer");
            typed.initCause(interrupted);
            throw typed;
        } catch (SocketTimeoutException stalled) {
            fail();
            // A SocketTimeoutException is an InterruptedIOException, which would pass for the caller's interrupt.
            throw new IOException("the answer's body stalled", stalled);
        } catch (IOException broken) {
            fail();
            throw broken;
        }
    }

    private int readPlain(byte[] target, int offset, int length) throws IOException {
        int wanted = framing == Framing.LENGTH ? (int) Math.min(length, remaining) : length;
        int count = connection.read(target, offset, wanted);
        if (count < 0) {
            if (framing == Framing.LENGTH) {
                throw new EOFException("the connection ended " + remaining + " bytes before the body's end");
            }
            end();
            return -1;
        }
        if (framing == Framing.LENGTH) {
            remaining -= count;
            if (remaining == 0) {
                end();
            }
        }
        return count;
    }

    private int readChunked(byte[] target, int offset, int length) throws IOException {
        if (remaining == 0) {
            remaining = nextChunkSize();
            if (remaining == 0) {
                while (!connection.readLine(MAX_CHUNK_LINE).isEmpty()) {
                    // Trailers: Swift sends none, and none would be passed on.
                }
                end();
                return -1;
            }
        }
        int count = connection.read(target, offset, (int) Math.min(length, remaining));
        if (count < 0) {
            throw new EOFException("the connection ended inside a chunk");
        }
        remaining -= count;
        if (remaining == 0 && !connection.readLine(MAX_CHUNK_LINE).isEmpty()) {
            throw new IOException("a chunk is longer than its size");
        }
        return count;
    }

    private long nextChunkSize() throws IOException {
        String line = connection.readLine(MAX_CHUNK_LINE);
        int extension = line.indexOf(';');
        String size = (extension >= 0 ? line.substring(0, extension) : line).strip();
        try {
            long parsed = Long.parseLong(size, 16);
            if (parsed < 0 || size.isEmpty()) {
                throw new NumberFormatException(size);
            }
            return parsed;
        } catch (NumberFormatException notHex) {
            throw new IOException("not a chunk size: " + (line.length() > 40 ? line.substring(0, 40) : line), notHex);
        }
    }

    private void end() {
        ended = true;
        if (framing == Framing.UNTIL_CLOSE) {
            lease.discard();
        } else {
            lease.release();
        }
    }

    private void fail() {
        failed = true;
        lease.discard();
    }

    /** Before the end: the rest of the body is still on the connection, so it is closed. */
    @Override
    public void close() {
        if (!ended) {
            failed = true;
            lease.discard();
        }
    }
}
