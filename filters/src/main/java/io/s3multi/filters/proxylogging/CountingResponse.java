package io.s3multi.filters.proxylogging;

import jakarta.servlet.ServletOutputStream;
import jakarta.servlet.WriteListener;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpServletResponseWrapper;
import java.io.IOException;
import java.io.OutputStreamWriter;
import java.io.PrintWriter;
import java.nio.charset.Charset;
import java.util.concurrent.atomic.AtomicLong;

/**
 * A response whose body counts the bytes the later stages write to it: the request's "bytes out".
 *
 * <p>A writer, when asked for, encodes into the same counting stream with the response's character encoding
 * at that moment; {@link #flushWriter()} pushes what it still buffers once the chain has returned.
 */
final class CountingResponse extends HttpServletResponseWrapper {

    private final AtomicLong bytesWritten = new AtomicLong();
    private CountingOutputStream stream;
    private PrintWriter writer;

    CountingResponse(HttpServletResponse response) {
        super(response);
    }

    long bytesWritten() {
        return bytesWritten.get();
    }

    @Override
    public ServletOutputStream getOutputStream() throws IOException {
        if (stream == null) {
            stream = new CountingOutputStream(super.getOutputStream(), bytesWritten);
        }
        return stream;
    }

    @Override
    public PrintWriter getWriter() throws IOException {
        if (writer == null) {
            Charset charset = Charset.forName(getCharacterEncoding());
            writer = new PrintWriter(new OutputStreamWriter(getOutputStream(), charset));
        }
        return writer;
    }

    @Override
    public void flushBuffer() throws IOException {
        flushWriter();
        super.flushBuffer();
    }

    /** Moves characters the writer still buffers into the response, so they are counted and sent. */
    void flushWriter() {
        if (writer != null) {
            writer.flush();
        }
    }

    private static final class CountingOutputStream extends ServletOutputStream {

        private final ServletOutputStream out;
        private final AtomicLong count;

        CountingOutputStream(ServletOutputStream out, AtomicLong count) {
            this.out = out;
            this.count = count;
        }

        @Override
        public void write(int b) throws IOException {
            out.write(b);
            count.incrementAndGet();
        }

        @Override
        public void write(byte[] buffer, int offset, int length) throws IOException {
            out.write(buffer, offset, length);
            count.addAndGet(length);
        }

        @Override
        public void flush() throws IOException {
            out.flush();
        }

        @Override
        public void close() throws IOException {
            out.close();
        }

        @Override
        public boolean isReady() {
            return out.isReady();
        }

        @Override
        public void setWriteListener(WriteListener listener) {
            out.setWriteListener(listener);
        }
    }
}
