package io.s3multi.s3.tus;

import io.s3multi.s3.integrity.RunningDigest;
import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.security.MessageDigest;
import java.util.Objects;
import java.util.Optional;

/**
 * The body of one PATCH (or of a creation POST with upload), read piece by piece into segments: it counts what it
 * handed out, refuses to go past the upload's length, and, with an {@code Upload-Checksum}, verifies the digest
 * before it hands out the body's last bytes, so the segment those bytes were going to is never stored
 * ({@code SwiftObjects.put} aborts when its body throws).
 */
final class PatchBody {

    /** The body's digest is not the one the client announced: tus status 460. */
    static final class ChecksumMismatch extends IOException {
        ChecksumMismatch() {
            super("Upload-Checksum mismatch", null);
        }
    }

    /** The body goes past the upload's length: 413. */
    static final class TooLong extends IOException {
        TooLong() {
            super("the body goes past Upload-Length", null);
        }
    }

    private final InputStream in;
    private final long announced;
    private final long limit;
    private final Optional<TusChecksum> checksum;
    private final RunningDigest digest;
    private long read;
    private boolean ended;

    /**
     * @param announced the body's {@code Content-Length}, or -1 when sent chunked
     * @param limit     the most bytes the upload can still take
     */
    PatchBody(InputStream in, long announced, long limit, Optional<TusChecksum> checksum) {
        this.in = Objects.requireNonNull(in, "in");
        this.announced = announced;
        this.limit = limit;
        this.checksum = checksum;
        this.digest = checksum.map(sum -> sum.algorithm().newDigest()).orElse(null);
    }

    /** Bytes handed out so far. */
    long read() {
        return read;
    }

    /** Whether the whole body has been handed out (verified, when a checksum was announced). */
    boolean ended() throws IOException {
        if (!ended && announced < 0) {
            peekEnd();
        }
        return ended || (announced >= 0 && read == announced);
    }

    /** How long the next piece of at most {@code bound} bytes is, when the length is known; else -1. */
    long nextPieceLength(long bound) {
        return announced < 0 ? -1 : Math.min(bound, announced - read);
    }

    /** The next piece: at most {@code bound} bytes of the body. */
    InputStream piece(long bound) {
        return new InputStream() {
            private long left = bound;

            @Override
            public int read() throws IOException {
                byte[] one = new byte[1];
                int n = read(one, 0, 1);
                return n < 0 ? -1 : one[0] & 0xff;
            }

            @Override
            public int read(byte[] buffer, int offset, int length) throws IOException {
                if (left == 0) {
                    return -1;
                }
                int n = PatchBody.this.read(buffer, offset, (int) Math.min(length, left));
                if (n > 0) {
                    left -= n;
                }
                return n;
            }
        };
    }

    private byte[] pending;

    private void peekEnd() throws IOException {
        int next = in.read();
        if (next < 0) {
            finish();
        } else {
            pending = new byte[] {(byte) next};
        }
    }

    private int read(byte[] buffer, int offset, int length) throws IOException {
        if (ended) {
            return -1;
        }
        int want = announced >= 0 ? (int) Math.min(length, announced - read) : length;
        if (want == 0) {
            finish();
            return -1;
        }
        int n;
        if (pending != null) {
            buffer[offset] = pending[0];
            pending = null;
            n = 1;
        } else {
            n = in.read(buffer, offset, want);
        }
        if (n < 0) {
            if (announced >= 0) {
                throw new EOFException("the body ended after " + read + " of " + announced + " bytes");
            }
            finish();
            return -1;
        }
        if (read + n > limit) {
            throw new TooLong();
        }
        if (digest != null) {
            digest.update(buffer, offset, n);
        }
        read += n;
        if (announced >= 0 && read == announced) {
            finish();   // before these last bytes are handed out
        }
        return n;
    }

    private void finish() throws IOException {
        if (ended) {
            return;
        }
        ended = true;
        if (digest != null && !MessageDigest.isEqual(digest.finish(), checksum.get().expected())) {
            throw new ChecksumMismatch();
        }
    }
}
