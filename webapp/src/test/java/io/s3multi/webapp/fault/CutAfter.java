package io.s3multi.webapp.fault;

import java.io.FilterOutputStream;
import java.io.IOException;
import java.io.OutputStream;

/**
 * Passes on the first {@code limit} bytes written to it, then throws {@link Cut}: where a body fault strikes.
 */
final class CutAfter extends FilterOutputStream {

    /** The body reached the byte where the fault was to strike. */
    static final class Cut extends IOException {
        Cut(long bytes) {
            super("fault injected after " + bytes + " body bytes");
        }
    }

    private final long limit;
    private long written;

    CutAfter(OutputStream out, long limit) {
        super(out);
        this.limit = limit;
    }

    @Override
    public void write(int b) throws IOException {
        write(new byte[] {(byte) b}, 0, 1);
    }

    @Override
    public void write(byte[] bytes, int offset, int length) throws IOException {
        int allowed = (int) Math.min(length, limit - written);
        if (allowed > 0) {
            out.write(bytes, offset, allowed);
            written += allowed;
        }
        if (allowed < length) {
            out.flush();
            throw new Cut(written);
        }
    }
}
