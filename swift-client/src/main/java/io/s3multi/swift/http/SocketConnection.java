package io.s3multi.swift.http;

import io.s3multi.swift.SwiftHeaders;
import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.nio.ByteBuffer;
import java.nio.channels.ClosedByInterruptException;
import java.nio.channels.SocketChannel;
import java.nio.charset.StandardCharsets;
import java.security.NoSuchAlgorithmException;
import java.time.Duration;
import java.util.Arrays;
import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLParameters;
import javax.net.ssl.SSLSocket;

/**
 * One keep-alive connection to a Swift proxy, read and written only by the thread that holds it (a request's own
 * thread), so that a request costs no hand-over between threads.
 *
 * <p>Reads and writes wait at most the idle timeout. A write has no such bound in Java, and neither has a read
 * of the channel itself, so each is marked while it runs and {@link #closeIfStalled} (called by the pool's
 * watchdog) closes a connection whose read or write has not returned within the idle timeout: the reader or writer
 * then fails with a {@link SocketTimeoutException}. Plain connections read the channel in blocking mode, one system
 * call a read: the socket's {@code SO_TIMEOUT} would make the JDK switch the socket to non-blocking and back around
 * every read and wait in a {@code poll} before it (five system calls where one does; a tenth of a large GET's CPU
 * on its request thread, docs/BENCHMARKS.md). Any thread may {@link #close} it to stop the exchange it carries. TLS
 * endpoints get the JDK's {@link SSLSocket} over the same channel, with the default trust store and host name
 * check; their reads keep {@code SO_TIMEOUT}.
 */
final class SocketConnection implements AutoCloseable {

    /** A larger answer head is not Swift's: 64 KiB allows Swift's metadata limits many times over. */
    private static final int MAX_HEAD_BYTES = 64 * 1024;
    private static final int READ_BUFFER_SIZE = 16 * 1024;

    private final SocketChannel channel;
    private final Socket socket;
    private final InputStream in;
    private final OutputStream out;
    private final long idleTimeoutNanos;
    private final boolean secure;
    private byte[] buffer = new byte[READ_BUFFER_SIZE];
    private final ByteBuffer probe = ByteBuffer.allocate(1);
    private int position;
    private int limit;
    private final OperationWatch writes;
    private final OperationWatch reads;
    private long idleSince;
    private boolean carriedRequests;
    private boolean answerStarted;
    private Runnable stallDecided = () -> { };

    private SocketConnection(SocketChannel channel, Socket socket, Duration idleTimeout) throws IOException {
        this.channel = channel;
        this.socket = socket;
        this.secure = socket instanceof SSLSocket;
        this.in = socket.getInputStream();
        this.out = socket.getOutputStream();
        this.idleTimeoutNanos = idleTimeout.toNanos();
        this.writes = new OperationWatch(idleTimeoutNanos);
        this.reads = new OperationWatch(idleTimeoutNanos);
    }

    /** Connects to {@code host:port}, with TLS when {@code tls} is given; the caller owns the connection. */
    static SocketConnection open(String host, int port, SSLContext tls, Duration connectTimeout, Duration idleTimeout)
            throws IOException {
        SocketChannel channel = SocketChannel.open();
        try {
            Socket plain = channel.socket();
            plain.setTcpNoDelay(true);
            plain.connect(new InetSocketAddress(host, port), (int) Math.max(1, connectTimeout.toMillis()));
            int timeout = (int) Math.max(1, Math.min(Integer.MAX_VALUE, idleTimeout.toMillis()));
            plain.setSoTimeout(timeout);
            if (tls == null) {
                return new SocketConnection(channel, plain, idleTimeout);
            }
            SSLSocket secure = (SSLSocket) tls.getSocketFactory().createSocket(plain, host, port, true);
            SSLParameters parameters = secure.getSSLParameters();
            parameters.setEndpointIdentificationAlgorithm("HTTPS");
            secure.setSSLParameters(parameters);
            secure.setSoTimeout(timeout);
            SocketConnection connection = new SocketConnection(channel, secure, idleTimeout);
            connection.handshake(secure);
            return connection;
        } catch (IOException | RuntimeException failed) {
            channel.close();
            throw failed;
        }
    }

    /** The JDK's default TLS: its trust store, its protocols. */
    static SSLContext defaultTls() {
        try {
            return SSLContext.getDefault();
        } catch (NoSuchAlgorithmException unavailable) {
            throw new IllegalStateException("no TLS in this JVM", unavailable);
        }
    }

    // The handshake writes too: the watchdog bounds it like any write.
    private void handshake(SSLSocket secure) throws IOException {
        long stamp = startWrite();
        try {
            secure.startHandshake();
        } catch (IOException failed) {
            throw failed(writes, stamp, failed);
        } catch (RuntimeException unexpected) {
            writes.end(stamp);
            throw unexpected;
        }
        returned(writes, stamp);
    }

    /** Writes all of {@code bytes[offset, offset + length)}. */
    void write(byte[] bytes, int offset, int length) throws IOException {
        long stamp = startWrite();
        try {
            out.write(bytes, offset, length);
        } catch (IOException failed) {
            throw failed(writes, stamp, failed);
        } catch (RuntimeException unexpected) {
            writes.end(stamp);
            throw unexpected;
        }
        returned(writes, stamp);
    }

    private long startWrite() {
        carriedRequests = true;
        answerStarted = false;
        return writes.begin();
    }

    /**
     * Reads what the socket has, at least a byte, waiting for it if need be; -1 at the connection's end. TLS reads
     * are bounded by {@code SO_TIMEOUT}, plain ones by the watchdog (see the class comment).
     */
    private int receive(byte[] target, int offset, int length) throws IOException {
        if (secure) {
            return in.read(target, offset, length);
        }
        long stamp = reads.begin();
        int count;
        try {
            count = channel.read(ByteBuffer.wrap(target, offset, length));
        } catch (IOException failed) {
            throw failed(reads, stamp, failed);
        } catch (RuntimeException unexpected) {
            reads.end(stamp);
            throw unexpected;
        }
        returned(reads, stamp);
        return count;
    }

    /** Ends an operation that failed: its failure, or a timeout when the watchdog stopped it (an interrupt stays). */
    private IOException failed(OperationWatch watch, long stamp, IOException failure) {
        if (watch.end(stamp) || failure instanceof ClosedByInterruptException) {
            return failure;
        }
        return stalled(watch, failure);
    }

    /**
     * Ends an operation that returned. If the watchdog stopped it first, it is closing the connection: the operation
     * fails as stalled, so that the connection is not used (nor given back to the pool) as if it were whole.
     */
    private void returned(OperationWatch watch, long stamp) throws SocketTimeoutException {
        if (!watch.end(stamp)) {
            throw stalled(watch, null);
        }
    }

    private SocketTimeoutException stalled(OperationWatch watch, IOException cause) {
        SocketTimeoutException stalled = new SocketTimeoutException((watch == reads ? "a read from" : "a write to")
                + " Swift did not progress for " + Duration.ofNanos(idleTimeoutNanos).toMillis() + " ms");
        if (cause != null) {
            stalled.initCause(cause);
        }
        return stalled;
    }

    /**
     * Closes the connection when a read or write has been blocked longer than the idle timeout; true if it did. The
     * decision and the stop are one compare-and-set on the operation's stamp: an operation that returned meanwhile
     * (its connection perhaps carrying the next request already) is left alone.
     */
    boolean closeIfStalled(long now) {
        long lateWrite = writes.lateAt(now);
        long lateRead = reads.lateAt(now);
        if (lateWrite == 0 && lateRead == 0) {
            return false;
        }
        stallDecided.run();
        boolean stopped = writes.stop(lateWrite) | reads.stop(lateRead);
        if (stopped) {
            close();
        }
        return stopped;
    }

    /** For tests: runs between the watchdog's decision that an operation stalled and its stopping it. */
    void onStallDecided(Runnable hook) {
        stallDecided = hook;
    }

    /**
     * Reads one answer head (status line and headers).
     *
     * @return the head, or {@code null} when the connection ended before the head's first byte
     * @throws IOException when the connection broke or what came is not an HTTP/1.x answer
     */
    ResponseHead readHead() throws IOException {
        int start = position;
        int scanned = position;
        while (true) {
            int end = headEnd(scanned);
            if (end >= 0) {
                ResponseHead head = ResponseHead.parse(new String(buffer, start, end - start,
                        StandardCharsets.ISO_8859_1));
                position = end;
                return head;
            }
            scanned = Math.max(start, limit - 3);
            if (limit - start >= MAX_HEAD_BYTES) {
                throw new IOException("the answer's head is longer than " + MAX_HEAD_BYTES + " bytes");
            }
            if (limit == buffer.length) {
                if (start == 0) {
                    buffer = Arrays.copyOf(buffer, buffer.length * 2);
                } else {
                    compactFrom(start);
                    scanned -= start;
                    start = 0;
                }
            }
            int count = receive(buffer, limit, buffer.length - limit);
            if (count < 0) {
                if (limit == start) {
                    return null;
                }
                throw new EOFException("the connection ended inside the answer's head");
            }
            answerStarted = true;
            limit += count;
        }
    }

    private void compactFrom(int start) {
        int kept = limit - start;
        System.arraycopy(buffer, start, buffer, 0, kept);
        position = 0;
        limit = kept;
    }

    /** The index after the blank line that ends a head starting before {@code from}, or -1. */
    private int headEnd(int from) {
        for (int i = from; i < limit; i++) {
            if (buffer[i] == '\n') {
                if (i + 1 < limit && buffer[i + 1] == '\n') {
                    return i + 2;
                }
                if (i + 2 < limit && buffer[i + 1] == '\r' && buffer[i + 2] == '\n') {
                    return i + 3;
                }
            }
        }
        return -1;
    }

    /** Reads body bytes: what is buffered first, then straight from the socket. -1 at the connection's end. */
    int read(byte[] target, int offset, int length) throws IOException {
        if (position < limit) {
            int count = Math.min(length, limit - position);
            System.arraycopy(buffer, position, target, offset, count);
            position += count;
            return count;
        }
        return receive(target, offset, length);
    }

    /** Reads one line of a chunked body (size line or trailer), without its line end. */
    String readLine(int maxLength) throws IOException {
        StringBuilder line = new StringBuilder();
        while (true) {
            if (position == limit) {
                position = 0;
                limit = 0;
                int count = receive(buffer, 0, buffer.length);
                if (count < 0) {
                    throw new EOFException("the connection ended inside a chunked body");
                }
                limit = count;
            }
            byte next = buffer[position++];
            if (next == '\n') {
                int length = line.length();
                return length > 0 && line.charAt(length - 1) == '\r' ? line.substring(0, length - 1)
                        : line.toString();
            }
            if (line.length() >= maxLength) {
                throw new IOException("a chunk line is longer than " + maxLength + " bytes");
            }
            line.append((char) (next & 0xFF));
        }
    }

    /**
     * Whether a pooled connection can carry another request: nothing may be waiting on it, neither bytes nor the
     * end Swift sends when it closes an idle connection. Looked at without blocking.
     */
    boolean isReusable() {
        if (position < limit || !channel.isOpen()) {
            return false;
        }
        try {
            channel.configureBlocking(false);
            probe.clear();
            int count = channel.read(probe);
            channel.configureBlocking(true);
            return count == 0;
        } catch (IOException | RuntimeException broken) {
            return false;
        }
    }

    /** Whether a byte of an answer came since the last request was written: Swift acted on that request. */
    boolean answerStarted() {
        return answerStarted || position < limit;
    }

    /** Whether it carried a request before (so Swift may have closed it while it was idle). */
    boolean carriedRequests() {
        return carriedRequests;
    }

    void markIdle(long now) {
        idleSince = now;
    }

    long idleSince() {
        return idleSince;
    }

    boolean isOpen() {
        return channel.isOpen();
    }

    /** Closes the socket; a thread blocked on it fails at once. Any thread may call it, more than once. */
    @Override
    public void close() {
        try {
            socket.close();
        } catch (IOException ignored) {
            // Closing is all that is wanted; the channel goes below.
        }
        try {
            channel.close();
        } catch (IOException ignored) {
            // Nothing more can be done with a socket that does not close.
        }
    }

    /** The status line and headers of one answer. */
    record ResponseHead(int status, boolean http10, SwiftHeaders headers) {

        static ResponseHead parse(String text) throws IOException {
            int lineEnd = text.indexOf('\n');
            String statusLine = stripCr(text.substring(0, lineEnd));
            if (!statusLine.startsWith("HTTP/1.") || statusLine.length() < 12 || statusLine.charAt(8) != ' ') {
                throw new IOException("not an HTTP/1.x answer: " + abbreviate(statusLine));
            }
            int status;
            try {
                status = Integer.parseInt(statusLine.substring(9, 12));
            } catch (NumberFormatException notAStatus) {
                throw new IOException("not an HTTP/1.x status: " + abbreviate(statusLine), notAStatus);
            }
            if (status < 100 || status > 999 || (statusLine.length() > 12 && statusLine.charAt(12) != ' ')) {
                throw new IOException("not an HTTP/1.x status: " + abbreviate(statusLine));
            }
            SwiftHeaders.Builder headers = SwiftHeaders.builder();
            String name = null;
            StringBuilder value = null;
            for (int start = lineEnd + 1; start < text.length(); ) {
                int end = text.indexOf('\n', start);
                String line = stripCr(text.substring(start, end));
                start = end + 1;
                if (line.isEmpty()) {
                    break;
                }
                if (line.charAt(0) == ' ' || line.charAt(0) == '\t') {
                    if (value == null) {
                        throw new IOException("a folded header line without a header");
                    }
                    value.append(' ').append(line.strip());
                    continue;
                }
                add(headers, name, value);
                int colon = line.indexOf(':');
                if (colon <= 0 || line.charAt(colon - 1) == ' ' || line.charAt(colon - 1) == '\t') {
                    throw new IOException("not an HTTP header line: " + abbreviate(line));
                }
                name = line.substring(0, colon);
                value = new StringBuilder(line.substring(colon + 1).strip());
            }
            add(headers, name, value);
            return new ResponseHead(status, statusLine.charAt(7) == '0', headers.build());
        }

        private static void add(SwiftHeaders.Builder headers, String name, StringBuilder value) throws IOException {
            if (name == null) {
                return;
            }
            try {
                headers.add(name, value.toString());
            } catch (IllegalArgumentException notAHeader) {
                throw new IOException("not an HTTP header: " + abbreviate(name), notAHeader);
            }
        }

        private static String stripCr(String line) {
            return line.endsWith("\r") ? line.substring(0, line.length() - 1) : line;
        }

        private static String abbreviate(String line) {
            return line.length() > 80 ? line.substring(0, 80) + "..." : line;
        }
    }
}
