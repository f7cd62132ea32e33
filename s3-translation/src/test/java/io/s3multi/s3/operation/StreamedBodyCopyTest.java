package io.s3multi.s3.operation;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;

/**
 * A streamed answer goes to the client in whole buffers, however small the pieces it arrives in, unless it trickles:
 * then what arrived goes out once the hold time has passed.
 */
class StreamedBodyCopyTest {

    private static final int PIECE = 16 * 1024;

    @Test
    void piecesArrivingQuicklyGoOutAsWholeBuffers() throws Exception {
        byte[] body = randomBytes(5 * StreamedBodyCopy.BUFFER_SIZE + 1000);
        var out = new RecordingOutput();

        new StreamedBodyCopy(() -> 0L).copy(new Pieces(body, PIECE), body.length, out);

        assertArrayEquals(body, out.toByteArray());
        assertEquals(List.of(65536, 65536, 65536, 65536, 65536, 1000), out.writes);
    }

    @Test
    void aTricklingBodyGoesOutOnceTheHoldTimeHasPassed() throws Exception {
        byte[] body = randomBytes(10 * 1000);
        var clock = new AtomicLong();
        long step = StreamedBodyCopy.MAX_HOLD.toNanos() / 2;
        var out = new RecordingOutput();

        // every read takes half the hold time: every second piece finds the hold time over
        new StreamedBodyCopy(() -> clock.getAndAdd(step)).copy(new Pieces(body, 1000), body.length, out);

        assertArrayEquals(body, out.toByteArray());
        assertEquals(List.of(2000, 2000, 2000, 2000, 2000), out.writes);
    }

    @Test
    void aSmallBodyIsOneWriteOfABufferItsOwnSize() throws Exception {
        byte[] body = randomBytes(4096);
        var out = new RecordingOutput();

        new StreamedBodyCopy(() -> 0L).copy(new Pieces(body, 1000), body.length, out);

        assertArrayEquals(body, out.toByteArray());
        assertEquals(List.of(4096), out.writes);
    }

    private static byte[] randomBytes(int size) {
        byte[] bytes = new byte[size];
        new Random(size).nextBytes(bytes);
        return bytes;
    }

    /** Hands out at most {@code piece} bytes a read, as a transport hands out what one network read brought. */
    private static final class Pieces extends InputStream {
        private final ByteArrayInputStream bytes;
        private final int piece;

        Pieces(byte[] body, int piece) {
            this.bytes = new ByteArrayInputStream(body);
            this.piece = piece;
        }

        @Override
        public int read() {
            return bytes.read();
        }

        @Override
        public int read(byte[] buffer, int offset, int length) {
            return bytes.read(buffer, offset, Math.min(length, piece));
        }
    }

    private static final class RecordingOutput extends ByteArrayOutputStream {
        final List<Integer> writes = new ArrayList<>();

        @Override
        public synchronized void write(byte[] buffer, int offset, int length) {
            writes.add(length);
            super.write(buffer, offset, length);
        }
    }
}
