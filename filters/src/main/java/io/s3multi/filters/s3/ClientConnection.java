package io.s3multi.filters.s3;

import java.io.FilterInputStream;
import java.io.FilterOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.util.concurrent.TimeoutException;

/**
 * Remembers whether the client's connection failed under the request body the gateway read or under the answer
 * it wrote: a read or write of the servlet streams that threw an {@link IOException} (Jetty's "Early EOF", a reset,
 * a broken pipe). That is the client going away, not a fault of the gateway or of Swift, and is logged as such.
 * A stalled client (an idle timeout) is not counted: it is still there.
 *
 * <p>A request body that ends early cannot tell a client that closed its connection from one that only shut its
 * sending half: both ended their request before its Content-Length.
 */
final class ClientConnection {

    private volatile boolean failed;

    /** Whether a read of the request body or a write of the answer failed on the client's connection. */
    boolean failed() {
        return failed;
    }

    InputStream watch(InputStream in) {
        return new FilterInputStream(in) {
            @Override
            public int read() throws IOException {
                try {
                    return super.read();
                } catch (IOException e) {
                    throw noted(e);
                }
            }

            @Override
            public int read(byte[] buffer, int offset, int length) throws IOException {
                try {
                    return in.read(buffer, offset, length);
                } catch (IOException e) {
                    throw noted(e);
                }
            }
        };
    }

    OutputStream watch(OutputStream out) {
        return new FilterOutputStream(out) {
            @Override
            public void write(int b) throws IOException {
                try {
                    out.write(b);
                } catch (IOException e) {
                    throw noted(e);
                }
            }

            @Override
            public void write(byte[] buffer, int offset, int length) throws IOException {
                try {
                    out.write(buffer, offset, length);
                } catch (IOException e) {
                    throw noted(e);
                }
            }

            @Override
            public void flush() throws IOException {
                try {
                    out.flush();
                } catch (IOException e) {
                    throw noted(e);
                }
            }
        };
    }

    private IOException noted(IOException e) {
        if (!isTimeout(e)) {
            failed = true;
        }
        return e;
    }

    private static boolean isTimeout(Throwable failure) {
        for (Throwable t = failure; t != null; t = t.getCause() == t ? null : t.getCause()) {
            if (t instanceof TimeoutException || t instanceof java.net.SocketTimeoutException) {
                return true;
            }
        }
        return false;
    }
}
