package io.s3multi.swift.http;

import io.s3multi.swift.SwiftClientConfig;
import io.s3multi.swift.SwiftHeaders;
import io.s3multi.swift.error.SwiftConnectionException;
import io.s3multi.swift.error.SwiftException;
import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.net.SocketTimeoutException;
import java.net.URI;
import java.nio.channels.ClosedByInterruptException;
import java.nio.charset.StandardCharsets;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;
import javax.net.ssl.SSLContext;

/**
 * Exchanges on blocking sockets driven by the requesting thread itself: it writes the request and its body, reads
 * the answer's head, and later reads the body as the caller asks for it. No selector and no other thread take part,
 * so a request to Swift costs no hand-over between threads (docs/BENCHMARKS.md, "A Swift transport on blocking
 * sockets"). One watchdog thread per transport fails reads and writes that stall and closes connections idle too long.
 *
 * <p>A request that failed on a reused connection before a byte of an answer came, and before anything that cannot
 * be sent again left (a streamed body read from), is sent once more on a new connection: that is Swift having
 * closed a keep-alive connection while it was idle. A POST is sent again only if the failure was while writing.
 */
final class SocketExchanges implements Exchanges {

    /** Room for a chunk's size line: 8 hex digits (a buffer is at most 2 GiB) and CRLF. */
    private static final int MAX_CHUNK_SIZE_LINE = 10;
    private static final byte[] CRLF = {'\r', '\n'};

    private final SwiftClientConfig config;
    private final Map<String, HostPool> pools = new ConcurrentHashMap<>();
    private volatile EndpointPool lastPool;
    private final ScheduledExecutorService watchdog;
    private final Supplier<SSLContext> tls;

    private SocketExchanges(SwiftClientConfig config, Supplier<SSLContext> tls) {
        this.config = config;
        this.tls = tls;
        String name = "swift-client-watchdog@" + config.endpoint().getAuthority();
        this.watchdog = Executors.newSingleThreadScheduledExecutor(task -> {
            Thread thread = new Thread(task, name);
            thread.setDaemon(true);
            return thread;
        });
        long period = Math.max(10, Math.min(1000, config.idleTimeout().toMillis() / 4));
        watchdog.scheduleAtFixedRate(this::sweep, period, period, TimeUnit.MILLISECONDS);
    }

    /** Exchanges with the JDK's default TLS (its trust store) for https endpoints. */
    static SocketExchanges start(SwiftClientConfig config) {
        return start(config, SocketConnection::defaultTls);
    }

    /** As {@link #start(SwiftClientConfig)}, with the TLS given (for tests with their own certificate). */
    static SocketExchanges start(SwiftClientConfig config, Supplier<SSLContext> tls) {
        return new SocketExchanges(config, tls);
    }

    private void sweep() {
        long now = System.nanoTime();
        for (HostPool pool : pools.values()) {
            pool.sweep(now);
        }
    }

    @Override
    public Answer exchange(URI uri, SwiftRequest request, String what) throws SwiftException {
        RequestBody body = request.body();
        UploadStream upload = body.uploadStream();
        AbortSignal signal = request.abortSignal();
        if (upload != null && upload.declaredLength() == 0) {
            SwiftTransport.confirmEmpty(upload, what);
        }
        HostPool pool = poolFor(uri);
        OutgoingRequest outgoing = OutgoingRequest.of(uri, request, config);
        boolean fresh = false;
        while (true) {
            if (signal != null && signal.isAborted()) {
                throw FailureClassifier.beforeAnswer(what, new IOException("aborted before sending"), upload, signal);
            }
            ConnectionLease lease;
            try {
                lease = pool.lease(fresh, what);
            } catch (IOException connectFailed) {
                throw classified(what, connectFailed, upload, signal);
            }
            if (signal != null) {
                signal.bind(lease::abort);
            }
            SocketConnection connection = lease.connection();
            boolean reused = connection.carriedRequests();
            Attempt attempt = new Attempt(outgoing, lease, upload, config.uploadBufferSize());
            try {
                return attempt.run(request.method());
            } catch (IOException failed) {
                lease.discard();
                if (reused && !fresh && attempt.mayRetry(request.method()) && !interruptedBy(failed)
                        && (signal == null || !signal.isAborted())) {
                    fresh = true;
                    continue;
                }
                throw classified(what, failed, upload, signal);
            } catch (RuntimeException | Error unexpected) {
                lease.discard();
                throw unexpected;
            }
        }
    }

    private static boolean interruptedBy(IOException failed) {
        return failed instanceof ClosedByInterruptException || Thread.currentThread().isInterrupted();
    }

    private static SwiftException classified(String what, IOException failed, UploadStream upload,
                                             AbortSignal signal) {
        if (interruptedBy(failed) && (signal == null || !signal.isAborted())
                && (upload == null || upload.failure() == null)) {
            Thread.currentThread().interrupt();
            return new SwiftConnectionException(what + ": interrupted while talking to Swift", failed);
        }
        return FailureClassifier.beforeAnswer(what, failed, upload, signal);
    }

    private HostPool poolFor(URI uri) {
        EndpointPool known = lastPool;
        if (known != null && known.serves(uri)) {
            return known.pool();
        }
        HostPool pool = lookUp(uri);
        lastPool = new EndpointPool(uri.getScheme(), uri.getHost(), uri.getPort(), pool);
        return pool;
    }

    private HostPool lookUp(URI uri) {
        boolean secure = "https".equalsIgnoreCase(uri.getScheme());
        int port = uri.getPort() >= 0 ? uri.getPort() : secure ? 443 : 80;
        String host = uri.getHost();
        String key = (secure ? "https://" : "http://") + host.toLowerCase(Locale.ROOT) + ":" + port;
        String bare = host.startsWith("[") && host.endsWith("]") ? host.substring(1, host.length() - 1) : host;
        return pools.computeIfAbsent(key, ignored -> new HostPool(bare, port, secure ? tls.get() : null, config));
    }

    /**
     * The pool of the last host asked for, under the URI's own spelling of it: nearly every request of a gateway goes
     * to one Swift endpoint, and this spares each one the key string of the pools' map (scheme, lower-cased host,
     * port). A URI spelled otherwise takes the map, which finds the same pool.
     */
    private record EndpointPool(String scheme, String host, int port, HostPool pool) {

        boolean serves(URI uri) {
            return port == uri.getPort() && host.equals(uri.getHost()) && scheme.equals(uri.getScheme());
        }
    }

    @Override
    public SwiftTransport.PoolUse poolUse() {
        int active = 0;
        int idle = 0;
        for (HostPool pool : pools.values()) {
            SwiftTransport.PoolUse use = pool.use();
            active += use.active();
            idle += use.idle();
        }
        return new SwiftTransport.PoolUse(active, idle);
    }

    @Override
    public void close() {
        watchdog.shutdownNow();
        pools.values().forEach(HostPool::close);
    }

    /** One try of a request on one connection. */
    private static final class Attempt {

        private final OutgoingRequest outgoing;
        private final ConnectionLease lease;
        private final SocketConnection connection;
        private final UploadStream upload;
        private final int bufferSize;
        private boolean answerBegan;
        private boolean writing;

        Attempt(OutgoingRequest outgoing, ConnectionLease lease, UploadStream upload, int bufferSize) {
            this.outgoing = outgoing;
            this.lease = lease;
            this.connection = lease.connection();
            this.upload = upload;
            this.bufferSize = bufferSize;
        }

        /** Whether what was sent may be sent again, and the failure shows Swift cannot have acted on it. */
        boolean mayRetry(String method) {
            boolean replayable = upload == null || !upload.wasTouched();
            return replayable && !answerBegan && !connection.answerStarted() && (writing || !"POST".equals(method));
        }

        Answer run(String method) throws IOException {
            if (upload == null || upload.declaredLength() == 0) {
                write(outgoing.headAndHeldBody());
                return answer(method, readFinalHead());
            }
            if (outgoing.expectsContinue()) {
                write(outgoing.head());
                SocketConnection.ResponseHead interim = readHeadOrEnd();
                while (interim.status() > 100 && interim.status() < 200) {
                    interim = readHeadOrEnd();
                }
                if (interim.status() != 100) {
                    // Refused before the body (a 401 or 413): the body is never sent, so the connection cannot
                    // carry another request.
                    lease.notReusable();
                    return answer(method, interim);
                }
            }
            try {
                pump(outgoing.expectsContinue() ? null : outgoing.head());
            } catch (IOException broken) {
                SocketConnection.ResponseHead early = writing ? earlyAnswer(broken) : null;
                if (early == null) {
                    throw broken;
                }
                lease.notReusable();
                return answer(method, early);
            }
            return answer(method, readFinalHead());
        }

        /**
         * After a write failed: the answer Swift sent before it stopped reading (a 413 or 401 for a body sent without
         * {@code Expect}, say), if it is already there, as Jetty's client would have read it while sending. A
         * connection that broke off or went silent gives none; then the write's failure stands.
         */
        private SocketConnection.ResponseHead earlyAnswer(IOException writeFailure) {
            if (writeFailure instanceof SocketTimeoutException || interruptedBy(writeFailure)
                    || !connection.isOpen()) {
                return null;
            }
            try {
                SocketConnection.ResponseHead head = connection.readHead();
                while (head != null && head.status() < 200) {
                    head = connection.readHead();
                }
                return head;
            } catch (IOException none) {
                writeFailure.addSuppressed(none);
                return null;
            }
        }

        private void write(byte[] bytes) throws IOException {
            write(bytes, 0, bytes.length);
        }

        private SocketConnection.ResponseHead readHeadOrEnd() throws IOException {
            SocketConnection.ResponseHead head = connection.readHead();
            if (head == null) {
                throw new EOFException("Swift closed the connection without an answer");
            }
            answerBegan = true;
            return head;
        }

        /** Skips interim answers (a {@code 100 Continue} that came anyway, say). */
        private SocketConnection.ResponseHead readFinalHead() throws IOException {
            SocketConnection.ResponseHead head = readHeadOrEnd();
            while (head.status() < 200) {
                head = readHeadOrEnd();
            }
            return head;
        }

        /**
         * Sends the streamed body, {@code head} first when given (in one write with the body's first bytes), each
         * buffer as a chunk when the length is unknown. A failure of the body stream ends the attempt before Swift
         * has the body's end, and the connection is closed by the caller.
         */
        private void pump(byte[] head) throws IOException {
            long length = upload.declaredLength();
            boolean chunked = length < 0;
            int size = length >= 0 && length < bufferSize ? (int) length : bufferSize;
            int headLength = head == null ? 0 : head.length;
            int dataAt = headLength + (chunked ? MAX_CHUNK_SIZE_LINE : 0);
            byte[] buffer = new byte[dataAt + size + (chunked ? CRLF.length : 0)];
            boolean first = true;
            while (true) {
                int count = upload.read(buffer, dataAt, size);
                if (count == 0) {
                    // Nothing this time (a decoder may say so): as a chunk, size 0 would end the body here.
                    continue;
                }
                int from = dataAt;
                int to = dataAt + Math.max(count, 0);
                if (chunked) {
                    byte[] sizeLine = (Integer.toHexString(Math.max(count, 0)) + "\r\n")
                            .getBytes(StandardCharsets.US_ASCII);
                    from -= sizeLine.length;
                    System.arraycopy(sizeLine, 0, buffer, from, sizeLine.length);
                    System.arraycopy(CRLF, 0, buffer, to, CRLF.length);
                    to += CRLF.length;
                }
                if (first && head != null) {
                    from -= headLength;
                    System.arraycopy(head, 0, buffer, from, headLength);
                }
                first = false;
                if (to > from) {
                    write(buffer, from, to - from);
                }
                if (count < 0) {
                    return;
                }
            }
        }

        private void write(byte[] bytes, int from, int length) throws IOException {
            writing = true;
            connection.write(bytes, from, length);
            writing = false;
        }

        private Answer answer(String method, SocketConnection.ResponseHead head) throws IOException {
            SwiftHeaders headers = head.headers();
            if (head.http10() || hasToken(headers, "Connection", "close")) {
                lease.notReusable();
            }
            InputStream body;
            if (SwiftTransport.hasNoBody(method, head.status())) {
                body = new SocketBody(lease, SocketBody.Framing.LENGTH, 0);
            } else if (hasToken(headers, "Transfer-Encoding", "chunked")) {
                body = new SocketBody(lease, SocketBody.Framing.CHUNKED, -1);
            } else if (headers.get("Content-Length") != null) {
                body = new SocketBody(lease, SocketBody.Framing.LENGTH, contentLength(headers));
            } else {
                lease.notReusable();
                body = new SocketBody(lease, SocketBody.Framing.UNTIL_CLOSE, -1);
            }
            return new Answer(head.status(), headers, body, lease::abort);
        }

        private static long contentLength(SwiftHeaders headers) throws IOException {
            String value = headers.get("Content-Length").strip();
            try {
                long length = Long.parseLong(value);
                if (length >= 0) {
                    return length;
                }
            } catch (NumberFormatException notANumber) {
                // Reported below.
            }
            throw new IOException("not a Content-Length: " + value);
        }

        private static boolean hasToken(SwiftHeaders headers, String name, String token) {
            for (Map.Entry<String, String> field : headers.fields()) {
                if (field.getKey().equalsIgnoreCase(name)) {
                    for (String part : field.getValue().split(",")) {
                        if (part.strip().equalsIgnoreCase(token)) {
                            return true;
                        }
                    }
                }
            }
            return false;
        }
    }
}
