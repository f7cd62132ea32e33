package io.s3multi.filters.testing;

import java.io.InputStream;

/**
 * A deterministic stream of {@code length} bytes that never exists in memory as a whole: byte {@code i} is a
 * cheap function of {@code i}, so both ends of a transfer can digest it independently.
 */
public final class PatternStream extends InputStream {

    private final long length;
    private long position;

    public PatternStream(long length) {
        this.length = length;
    }

    static byte at(long i) {
        return (byte) ((i * 31) ^ (i >>> 11));
    }

    @Override
    public int read() {
        return position < length ? at(position++) & 0xff : -1;
    }

    @Override
    public int read(byte[] buffer, int offset, int count) {
        if (position >= length) {
            return -1;
        }
        int n = (int) Math.min(count, length - position);
        for (int i = 0; i < n; i++) {
            buffer[offset + i] = at(position++);
        }
        return n;
    }
}
