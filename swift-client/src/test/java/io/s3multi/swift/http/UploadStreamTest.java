package io.s3multi.swift.http;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import org.junit.jupiter.api.Test;

class UploadStreamTest {

    /** Like a digest-verifying stream: hands out its bytes, then throws instead of reporting its end. */
    private static final class FailsAtEnd extends InputStream {
        private final InputStream data;
        private final IOException verdict;

        FailsAtEnd(byte[] bytes, IOException verdict) {
            this.data = new ByteArrayInputStream(bytes);
            this.verdict = verdict;
        }

        @Override
        public int read() throws IOException {
            int b = data.read();
            if (b < 0) {
                throw verdict;
            }
            return b;
        }

        @Override
        public int read(byte[] buffer, int offset, int length) throws IOException {
            int count = data.read(buffer, offset, length);
            if (count < 0) {
                throw verdict;
            }
            return count;
        }
    }

    private static byte[] bytes(int size) {
        byte[] bytes = new byte[size];
        for (int i = 0; i < size; i++) {
            bytes[i] = (byte) (i * 31);
        }
        return bytes;
    }

    /** Reads like Jetty does: into a fixed buffer; returns what it was handed before any failure. */
    private static ByteArrayOutputStream drain(InputStream in, int bufferSize) {
        ByteArrayOutputStream received = new ByteArrayOutputStream();
        byte[] buffer = new byte[bufferSize];
        try {
            for (int count = in.read(buffer); count >= 0; count = in.read(buffer)) {
                received.write(buffer, 0, count);
            }
        } catch (IOException expected) {
            // the test looks at what was handed out
        }
        return received;
    }

    @Test
    void handsOutExactlyTheDeclaredBytes() throws IOException {
        byte[] body = bytes(10_000);
        UploadStream upload = new UploadStream(new ByteArrayInputStream(body), body.length);
        assertFalse(upload.wasTouched());

        assertArrayEquals(body, drain(upload, 4096).toByteArray());
        assertEquals(-1, upload.read());
        assertTrue(upload.wasTouched());
        assertEquals(body.length, upload.bytesHandedOut());
        assertEquals(null, upload.failure());
    }

    @Test
    void aStreamThatFailsAtItsEndNeverHandsOutItsLastBytes() {
        byte[] body = bytes(10_000);
        IOException badDigest = new IOException("bad digest");
        UploadStream upload = new UploadStream(new FailsAtEnd(body, badDigest), body.length);

        ByteArrayOutputStream handedOut = drain(upload, 4096);

        assertTrue(handedOut.size() < body.length, "handed out " + handedOut.size() + " of " + body.length);
        assertSame(badDigest, upload.failure());
    }

    @Test
    void theEndIsCheckedEvenWhenTheLastReadIsExactlyTheRest() {
        byte[] body = bytes(4096);
        IOException badDigest = new IOException("bad digest");
        UploadStream upload = new UploadStream(new FailsAtEnd(body, badDigest), body.length);

        assertEquals(0, drain(upload, 4096).size());
        assertSame(badDigest, upload.failure());
    }

    @Test
    void aShortStreamFails() {
        UploadStream upload = new UploadStream(new ByteArrayInputStream(bytes(99)), 100);
        assertEquals(99, drain(upload, 64).size());
        assertInstanceOf(EOFException.class, upload.failure());
    }

    @Test
    void aLongStreamFailsBeforeTheDeclaredEnd() {
        UploadStream upload = new UploadStream(new ByteArrayInputStream(bytes(101)), 100);
        assertTrue(drain(upload, 64).size() < 100);
        assertTrue(upload.failure().getMessage().contains("longer"));
    }

    @Test
    void aRuntimeFailureIsKeptAsThrownAndReportedAsIOException() {
        IllegalStateException boom = new IllegalStateException("boom");
        UploadStream upload = new UploadStream(new InputStream() {
            @Override
            public int read() {
                throw boom;
            }
        }, 10);
        assertThrows(IOException.class, () -> upload.read(new byte[10], 0, 10));
        assertSame(boom, upload.failure());
        assertThrows(IOException.class, upload::read, "keeps failing");
    }

    @Test
    void anEmptyBodyIsCheckedBeforeSending() throws IOException {
        new UploadStream(InputStream.nullInputStream(), 0).confirmEmpty();
        IOException badDigest = new IOException("bad digest");
        UploadStream upload = new UploadStream(new FailsAtEnd(new byte[0], badDigest), 0);
        assertThrows(IOException.class, upload::confirmEmpty);
        assertSame(badDigest, upload.failure());
    }

    @Test
    void closingDoesNotCloseTheCallersStream() throws IOException {
        boolean[] closed = {false};
        InputStream source = new ByteArrayInputStream(bytes(3)) {
            @Override
            public void close() {
                closed[0] = true;
            }
        };
        new UploadStream(source, 3).close();
        assertFalse(closed[0]);
    }

    @Test
    void anUnknownLengthPassesEverythingThrough() {
        byte[] body = bytes(5000);
        UploadStream upload = new UploadStream(new ByteArrayInputStream(body), -1);
        assertArrayEquals(body, drain(upload, 1000).toByteArray());
        assertEquals(null, upload.failure());
    }
}
