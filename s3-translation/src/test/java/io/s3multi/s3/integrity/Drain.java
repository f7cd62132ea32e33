package io.s3multi.s3.integrity;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;

/** Reads a stream the way a consumer copying it to Swift would, remembering what it got before any failure. */
public final class Drain {

    public final ByteArrayOutputStream received = new ByteArrayOutputStream();
    public RuntimeException failure;

    private Drain() {
    }

    /** Reads to end of stream with a buffer of {@code bufferSize} (1 means the single-byte {@code read()}). */
    public static Drain of(InputStream in, int bufferSize) throws IOException {
        Drain drain = new Drain();
        byte[] buffer = new byte[bufferSize];
        try {
            while (true) {
                if (bufferSize == 1) {
                    int b = in.read();
                    if (b < 0) {
                        break;
                    }
                    drain.received.write(b);
                } else {
                    int n = in.read(buffer, 0, buffer.length);
                    if (n < 0) {
                        break;
                    }
                    drain.received.write(buffer, 0, n);
                }
            }
        } catch (RuntimeException e) {
            drain.failure = e;
        }
        return drain;
    }

    public int count() {
        return received.size();
    }
}
