package io.s3multi.bench;

import java.io.InputStream;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.SplittableRandom;

/**
 * The bytes every benchmark uploads: a virtual object of any length whose byte at position {@code p} is
 * {@code pattern[p % pattern.length]}.
 *
 * <p>Generating data must cost the client next to nothing and must not hold the object in memory, so the
 * pattern is one random buffer of a little over 1 MiB, filled once. Its length is not a power of two, so
 * parts (whole MiB) do not start on the same pattern offset and no two parts are identical. Random bytes
 * keep any compression on the way honest.
 */
final class Payload {

    private static final int PATTERN_LENGTH = (1 << 20) + 4093;

    private final byte[] pattern;

    Payload(long seed) {
        pattern = new byte[PATTERN_LENGTH];
        new SplittableRandom(seed).nextBytes(pattern);
    }

    /** The bytes {@code [offset, offset + length)} of the virtual object, generated while read. */
    InputStream stream(long offset, long length) {
        return new PatternInputStream(pattern, offset, length);
    }

    /** A small body held in memory, for the small-object suite. */
    byte[] bytes(long offset, int length) {
        byte[] out = new byte[length];
        for (int i = 0; i < length; i++) {
            out[i] = pattern[(int) ((offset + i) % pattern.length)];
        }
        return out;
    }

    /** MD5 (hex) of the first {@code length} bytes, computed by streaming them. */
    String md5(long length) {
        MessageDigest md5 = newMd5();
        long done = 0;
        int start = 0;
        while (done < length) {
            int n = (int) Math.min(pattern.length - start, length - done);
            md5.update(pattern, start, n);
            done += n;
            start = 0;
        }
        return HexFormat.of().formatHex(md5.digest());
    }

    static MessageDigest newMd5() {
        try {
            return MessageDigest.getInstance("MD5");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every JVM has MD5", e);
        }
    }

    /** Reads the pattern from a moving position; bulk reads copy straight out of the pattern. */
    private static final class PatternInputStream extends InputStream {

        private final byte[] pattern;
        private long position;
        private long remaining;

        PatternInputStream(byte[] pattern, long offset, long length) {
            this.pattern = pattern;
            this.position = offset % pattern.length;
            this.remaining = length;
        }

        @Override
        public int read() {
            if (remaining == 0) {
                return -1;
            }
            int b = pattern[(int) position] & 0xff;
            advance(1);
            return b;
        }

        @Override
        public int read(byte[] buffer, int off, int len) {
            if (len == 0) {
                return 0;
            }
            if (remaining == 0) {
                return -1;
            }
            int n = (int) Math.min(Math.min(len, remaining), pattern.length - position);
            System.arraycopy(pattern, (int) position, buffer, off, n);
            advance(n);
            return n;
        }

        @Override
        public int available() {
            return (int) Math.min(Integer.MAX_VALUE, remaining);
        }

        private void advance(int n) {
            remaining -= n;
            position += n;
            if (position == pattern.length) {
                position = 0;
            }
        }
    }
}
