package io.s3multi.swift.http;

import io.s3multi.swift.SwiftClientConfig;
import io.s3multi.swift.error.SwiftException;
import io.s3multi.swift.error.SwiftUploadAbortedException;
import java.io.Closeable;
import java.io.IOException;
import java.net.URI;
import java.util.Objects;
import java.util.concurrent.atomic.LongAdder;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Sends {@link SwiftRequest}s to one Swift backend over pooled keep-alive connections, streaming both ways, and
 * reports every failure as a typed {@link SwiftException}.
 *
 * <p>It knows nothing of tokens or Swift semantics: it aims a request at a base URL, frames the body
 * ({@code Content-Length} when the length is known, chunked only when it is not, {@code Expect: 100-continue} for
 * streamed uploads of 1 MiB or more), sends a streamed body from the calling thread, waits for the status and
 * headers, and hands back a {@link SwiftResponse} whose body is still on the wire. Headers go out and come back
 * exactly as given: nothing is added (no {@code User-Agent}, {@code Accept-Encoding} or {@code Content-Type}),
 * nothing is respelled.
 *
 * <p>How the bytes move is {@link SwiftClientConfig#transport()}: on blocking sockets driven by the requesting
 * thread itself ({@link SocketExchanges}, the default: no hand-over between threads), or on Jetty's asynchronous
 * HTTP client with its own selector and thread pool ({@link JettyExchanges}).
 *
 * <p>No thread waits without bound: a connection that stays silent for the configured idle timeout, while
 * sending or receiving, fails the exchange, and the waiting thread gets a
 * {@link io.s3multi.swift.error.SwiftTimeoutException}. An interrupted caller gets a
 * {@link io.s3multi.swift.error.SwiftConnectionException}, keeps its interrupt flag, and its exchange is aborted.
 */
public final class SwiftTransport implements Closeable {

    private static final Logger LOG = LoggerFactory.getLogger(SwiftTransport.class);
    /**
     * Smaller uploads go without {@code Expect: 100-continue}. Its round trip waits for the Swift proxy's
     * connections to its object servers before the gateway reads a byte from its own client, whose own
     * 100-continue then waits in turn: for a 64 KiB PutObject that chain made the proxy's PUT take 12.8 ms
     * against 7.4 ms direct (medians). A refused small body costs little to send, and a token refused after
     * the body started is renewed for the next request (AuthorizedSession).
     */
    public static final long EXPECT_CONTINUE_MIN_BYTES = 1024 * 1024;

    private final SwiftClientConfig config;
    private final Exchanges exchanges;
    private final SwiftExchangeListener listener;
    private final LongAdder requestsSent = new LongAdder();

    private SwiftTransport(SwiftClientConfig config, Exchanges exchanges, SwiftExchangeListener listener) {
        this.config = config;
        this.exchanges = exchanges;
        this.listener = listener;
    }

    /** Starts the pooled client for one backend. Close the transport to stop it. */
    public static SwiftTransport start(SwiftClientConfig config) {
        return start(config, SwiftExchangeListener.NONE);
    }

    /** As {@link #start(SwiftClientConfig)}, telling {@code listener} of every request sent. */
    public static SwiftTransport start(SwiftClientConfig config, SwiftExchangeListener listener) {
        Objects.requireNonNull(listener, "listener");
        Exchanges exchanges = config.transport() == SwiftClientConfig.Transport.JETTY
                ? JettyExchanges.start(config) : SocketExchanges.start(config);
        return new SwiftTransport(config, exchanges, listener);
    }

    public SwiftClientConfig config() {
        return config;
    }

    /** The proxy's base URL, such as {@code http://127.0.0.1:8081}. */
    public URI endpoint() {
        return config.endpoint();
    }

    /**
     * How many requests this transport has sent since it started (answered or not): the measure by which
     * background work keeps to its share of the gateway's Swift requests.
     */
    public long requestsSent() {
        return requestsSent.sum();
    }

    /**
     * Sends a request and waits for the status and headers of the answer.
     *
     * @param base    the URL the request's path is relative to (an account's storage URL, or
     *                {@link #endpoint()}); a trailing {@code /} is ignored
     * @param request the request
     * @return the answer, whatever its status; its body is still streaming: close it
     * @throws SwiftUploadAbortedException when the upload body failed or the request's
     *                                     {@link AbortSignal} was raised
     * @throws SwiftException              for timeouts and broken connections
     */
    public SwiftResponse send(URI base, SwiftRequest request) throws SwiftException {
        requestsSent.increment();
        String baseText = base.toString();
        URI uri = URI.create((baseText.endsWith("/") ? baseText.substring(0, baseText.length() - 1) : baseText)
                + request.target());
        String what = request.method() + " " + uri.getRawPath();
        long sentAt = System.nanoTime();
        Exchanges.Answer answer;
        try {
            answer = exchanges.exchange(uri, request, what);
        } catch (SwiftException failed) {
            listener.exchanged(request.method(), SwiftExchangeListener.NO_ANSWER, System.nanoTime() - sentAt);
            LOG.debug("{} failed: {}", what, failed.getMessage());
            throw failed;
        }
        listener.exchanged(request.method(), answer.status(), System.nanoTime() - sentAt);
        SwiftTraffic.answered(request.method(), uri, answer.status());
        long expectedLength = hasNoBody(request.method(), answer.status()) ? 0 : answer.headers().contentLength();
        ResponseBodyStream body = new ResponseBodyStream(answer.body(), answer.abort(), expectedLength, what);
        return new SwiftResponse(request.method(), uri.getRawPath(), answer.status(), answer.headers(), body);
    }

    /** Whether a streamed upload of {@code length} bytes (-1: unknown) waits for {@code 100 Continue}. */
    static boolean expectsContinue(SwiftClientConfig config, long length) {
        return config.expectContinue() && (length < 0 || length >= EXPECT_CONTINUE_MIN_BYTES);
    }

    /** Swift answers 411 to a PUT or POST without a length: one without a body is sent with a length of 0. */
    static boolean needsEmptyBody(String method) {
        return "PUT".equals(method) || "POST".equals(method);
    }

    /** For an empty streamed body, which is never read: checks the caller's stream before anything is sent. */
    static void confirmEmpty(UploadStream upload, String what) throws SwiftUploadAbortedException {
        try {
            upload.confirmEmpty();
        } catch (IOException refused) {
            throw new SwiftUploadAbortedException(what + ": the empty upload body failed before sending; "
                    + "nothing was sent", upload.failure());
        }
    }

    static boolean hasNoBody(String method, int status) {
        return "HEAD".equals(method) || status == 204 || status == 304 || (status >= 100 && status < 200);
    }

    /** How the connection pool towards Swift is used right now, over every host:port it talks to. */
    public record PoolUse(int active, int idle) {
    }

    /** The pool's use now, for monitoring (a snapshot; connections come and go while it is taken). */
    public PoolUse poolUse() {
        return exchanges.poolUse();
    }

    /** Closes the pooled connections: requests in flight fail. */
    @Override
    public void close() {
        exchanges.close();
    }
}
