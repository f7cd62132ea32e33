package io.s3multi.swift.http;

import java.io.IOException;
import java.io.InputStream;

/**
 * A stream whose work is all in its block read: the single-byte {@link #read()} is a block read of one byte, so
 * that counting, checking and failing live in one method.
 */
public abstract class BlockReadInputStream extends InputStream {

    @Override
    public final int read() throws IOException {
        byte[] one = new byte[1];
        int count = read(one, 0, 1);
        return count < 0 ? -1 : one[0] & 0xFF;
    }

    @Override
    public abstract int read(byte[] buffer, int offset, int length) throws IOException;
}
