package io.s3multi.s3.operation;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.time.Duration;
import java.util.function.LongSupplier;

/**
 * Copies a streamed answer (an object read from Swift) to the client in whole buffers.
 *
 * <p>Swift's body arrives in the pieces the transport read (16 KiB or less with Jetty's HTTP client); written and
 * flushed one by one, every piece cost the gateway a trip through Jetty's output and a system call of its own,
 * and over TLS a record of its own. So reads fill the buffer first, and a buffer goes out when it is full. A body
 * that trickles (a large object of many small segments, which Swift fetches one by one) must still reach the
 * client as it comes, or the client's read timeout could expire while the bytes wait here: whatever arrived goes
 * out once {@link #MAX_HOLD} has passed since the last hand-over, checked after every read. Nothing else is held:
 * a read that blocks holds the client as long without this buffer.
 */
final class StreamedBodyCopy {

    static final int BUFFER_SIZE = 64 * 1024;
    static final Duration MAX_HOLD = Duration.ofMillis(100);

    private final LongSupplier nanoTime;

    StreamedBodyCopy(LongSupplier nanoTime) {
        this.nanoTime = nanoTime;
    }

    /** @param length the declared length, or -1: a small body needs no more buffer than itself */
    void copy(InputStream in, long length, OutputStream out) throws IOException {
        // A 4 KiB GET would allocate 64 KiB otherwise; one byte more lets the read see the end without a second buffer.
        byte[] buffer = new byte[length >= 0 && length < BUFFER_SIZE ? (int) length + 1 : BUFFER_SIZE];
        long maxHold = MAX_HOLD.toNanos();
        long handedOver = nanoTime.getAsLong();
        int filled = 0;
        for (int read; (read = in.read(buffer, filled, buffer.length - filled)) != -1; ) {
            filled += read;
            long now = nanoTime.getAsLong();
            if (filled == buffer.length || now - handedOver >= maxHold) {
                out.write(buffer, 0, filled);
                out.flush();
                filled = 0;
                handedOver = now;
            }
        }
        if (filled > 0) {
            out.write(buffer, 0, filled);
        }
    }
}
