package io.s3multi.webapp.s3;

import java.io.InputStream;

/**
 * A stream of {@code length} pseudo-random bytes made on the fly (xorshift), the same for the same seed, so a
 * test can upload gigabytes and know what it sent without holding any of it.
 */
public final class PatternStream extends InputStream {

    private final long length;
    private long position;
    private long state;

    public PatternStream(long length) {
        this(length, 0x9E3779B97F4A7C15L);
    }

    public PatternStream(long length, long seed) {
        this.length = length;
        this.state = seed == 0 ? 1 : seed;
    }

    @Override
    public int read() {
        byte[] one = new byte[1];
        return read(one, 0, 1) < 0 ? -1 : one[0] & 0xFF;
    }

    @Override
    public int read(byte[] buffer, int offset, int count) {
        if (position >= length) {
            return -1;
        }
        int n = (int) Math.min(count, length - position);
        for (int i = 0; i < n; i++) {
            if (((position + i) & 7) == 0) {
                state ^= state << 13;
                state ^= state >>> 7;
                state ^= state << 17;
            }
            buffer[offset + i] = (byte) (state >>> (((position + i) & 7) * 8));
        }
        position += n;
        return n;
    }

    @Override
    public int available() {
        return (int) Math.min(Integer.MAX_VALUE, length - position);
    }
}
