package io.s3multi.swift.io;

import java.io.IOException;
import java.io.InputStream;
import java.util.Objects;

/**
 * An {@link InputStream} that works in blocks: its one-byte {@link #read()} is a block read of one byte, so a
 * subclass keeps all its logic (counting, checking, holding back) in {@link #read(byte[], int, int)} alone.
 */
public abstract class BlockInputStream extends InputStream {

    @Override
    public int read() throws IOException {
        byte[] one = new byte[1];
        int n = read(one, 0, 1);
        return n < 0 ? -1 : one[0] & 0xFF;
    }

    @Override
    public abstract int read(byte[] buffer, int offset, int length) throws IOException;

    /**
     * The start of a block read for a stream that fails for good: checks the arguments, throws the failure that
     * ended an earlier read again, and says whether nothing was asked for.
     *
     * @param earlier what an earlier read threw, or {@code null}
     * @return whether {@code length} is 0, so the read answers 0 without touching the stream
     */
    protected static boolean checkRead(byte[] buffer, int offset, int length, RuntimeException earlier) {
        Objects.checkFromIndexSize(offset, length, buffer.length);
        if (earlier != null) {
            throw earlier;
        }
        return length == 0;
    }
}
