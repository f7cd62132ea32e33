package io.s3multi.swift.http;

import io.s3multi.swift.SwiftClientConfig;
import io.s3multi.swift.SwiftHeaders;
import io.s3multi.swift.error.SwiftConnectionException;
import io.s3multi.swift.error.SwiftException;
import io.s3multi.swift.error.SwiftUploadAbortedException;
import java.io.Closeable;
import java.io.IOException;
import java.net.URI;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicBoolean;
import org.eclipse.jetty.client.AbstractConnectionPool;
import org.eclipse.jetty.client.BytesRequestContent;
import org.eclipse.jetty.client.Connection;
import org.eclipse.jetty.client.Destination;
import org.eclipse.jetty.client.HttpClient;
import org.eclipse.jetty.client.InputStreamResponseListener;
import org.eclipse.jetty.client.Request;
import org.eclipse.jetty.client.Response;
import org.eclipse.jetty.http.HttpField;
import org.eclipse.jetty.http.HttpHeader;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Sends {@link SwiftRequest}s to one Swift backend over one pooled Jetty {@link HttpClient}, streaming
 * both ways, and reports every failure as a typed {@link SwiftException}.
 *
 * <p>This is the only class that touches Jetty's request API. It knows nothing of tokens or Swift
 * semantics: it aims a request at a base URL, frames the body ({@code Content-Length} when the length is
 * known, chunked only when it is not, {@code Expect: 100-continue} for streamed uploads of 1 MiB or more),
 * pushes a streamed body from the calling thread ({@link PushedUpload}), waits for the status and headers, and
 * hands back a {@link SwiftResponse} whose body is still on the wire.
 *
 * <p>No thread waits without bound: a connection that stays silent for the configured idle timeout, while
 * sending or receiving, fails the exchange, and the waiting thread gets a
 * {@link io.s3multi.swift.error.SwiftTimeoutException}. An interrupted caller gets a
 * {@link SwiftConnectionException}, keeps its interrupt flag, and its exchange is aborted.
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
    private static final int RESPONSE_BUFFER_SIZE = 64 * 1024;

    private final SwiftClientConfig config;
    private final HttpClient client;
    private final SwiftExchangeListener listener;

    private SwiftTransport(SwiftClientConfig config, HttpClient client, SwiftExchangeListener listener) {
        this.config = config;
        this.client = client;
        this.listener = listener;
    }

    /** Starts the pooled client for one backend. Close the transport to stop it. */
    public static SwiftTransport start(SwiftClientConfig config) {
        return start(config, SwiftExchangeListener.NONE);
    }

    /** As {@link #start(SwiftClientConfig)}, telling {@code listener} of every request sent. */
    public static SwiftTransport start(SwiftClientConfig config, SwiftExchangeListener listener) {
        try {
            HttpClient client = HttpClientBuilder.named("swift-client@" + config.endpoint().getAuthority())
                    .connectTimeout(config.connectTimeout())
                    .idleTimeout(config.idleTimeout())
                    .pool(config.maxConnections(), config.maxQueuedRequests())
                    // Jetty reads answers 16 KiB at a time by default; a download moves fewer, larger pieces.
                    .responseBufferSize(RESPONSE_BUFFER_SIZE)
                    .start();
            return new SwiftTransport(config, client, Objects.requireNonNull(listener, "listener"));
        } catch (Exception startFailure) {
            throw new IllegalStateException("cannot start the HTTP client for " + config.endpoint(), startFailure);
        }
    }

    public SwiftClientConfig config() {
        return config;
    }

    /** The proxy's base URL, such as {@code http://127.0.0.1:8081}. */
    public URI endpoint() {
        return config.endpoint();
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
        String baseText = base.toString();
        URI uri = URI.create((baseText.endsWith("/") ? baseText.substring(0, baseText.length() - 1) : baseText)
                + request.target());
        String what = request.method() + " " + uri.getRawPath();
        Request exchange = client.newRequest(uri)
                .method(request.method())
                .followRedirects(false)
                .idleTimeout(config.idleTimeout().toMillis(), TimeUnit.MILLISECONDS);
        exchange.headers(fields -> {
            for (Map.Entry<String, String> header : request.headers().fields()) {
                fields.add(header.getKey(), header.getValue());
            }
        });
        PushedUpload pushed = attachBody(exchange, request, what);
        UploadStream upload = request.body().uploadStream();
        AtomicBoolean answered = new AtomicBoolean();
        AbortSignal signal = request.abortSignal();
        if (signal != null) {
            signal.bind(reason -> abortExchange(exchange, upload, answered, reason));
        }

        long sentAt = System.nanoTime();
        InputStreamResponseListener listener = PushedUpload.send(exchange, pushed);
        Response head;
        try {
            // Jetty's idle timeout bounds this wait: a silent connection fails the exchange.
            head = listener.get(Long.MAX_VALUE, TimeUnit.NANOSECONDS);
            answered.set(true);
        } catch (ExecutionException failed) {
            answered.set(true);
            this.listener.exchanged(request.method(), SwiftExchangeListener.NO_ANSWER, System.nanoTime() - sentAt);
            SwiftException typed = FailureClassifier.beforeAnswer(what, failed.getCause(), upload, signal);
            LOG.debug("{} failed: {}", what, typed.getMessage());
            throw typed;
        } catch (InterruptedException interrupted) {
            Thread.currentThread().interrupt();
            exchange.abort(interrupted);
            this.listener.exchanged(request.method(), SwiftExchangeListener.NO_ANSWER, System.nanoTime() - sentAt);
            throw new SwiftConnectionException(what + ": interrupted while waiting for Swift", interrupted);
        } catch (TimeoutException impossible) {
            exchange.abort(impossible);
            throw new SwiftConnectionException(what + ": gave up waiting for Swift", impossible);
        }

        this.listener.exchanged(request.method(), head.getStatus(), System.nanoTime() - sentAt);
        SwiftTraffic.answered(request.method(), uri, head.getStatus());
        SwiftHeaders headers = toHeaders(head);
        long expectedLength = hasNoBody(request.method(), head.getStatus()) ? 0 : headers.contentLength();
        ResponseBodyStream body = new ResponseBodyStream(listener.getInputStream(), exchange::abort,
                expectedLength, what);
        return new SwiftResponse(request.method(), uri.getRawPath(), head.getStatus(), headers, body);
    }

    /** Sets the request's body; a streamed one comes back, to be pumped once the request is sent. */
    private PushedUpload attachBody(Request exchange, SwiftRequest request, String what)
            throws SwiftUploadAbortedException {
        RequestBody body = request.body();
        UploadStream upload = body.uploadStream();
        if (upload != null) {
            long length = upload.declaredLength();
            if (length == 0) {
                confirmEmpty(upload, what);
                exchange.body(new BytesRequestContent((String) null, new byte[0]));
                return null;
            }
            PushedUpload pushed = PushedUpload.attach(exchange, upload, length, config.uploadBufferSize());
            if (config.expectContinue() && (length < 0 || length >= EXPECT_CONTINUE_MIN_BYTES)) {
                exchange.headers(fields -> fields.put(HttpHeader.EXPECT, "100-continue"));
            }
            return pushed;
        }
        byte[] held = body.heldBytes();
        if (held != null) {
            exchange.body(new BytesRequestContent((String) null, held));
        } else if ("PUT".equals(request.method()) || "POST".equals(request.method())) {
            // Swift answers 411 to a PUT without a length; an empty body makes Jetty send Content-Length: 0.
            exchange.body(new BytesRequestContent((String) null, new byte[0]));
        }
        return null;
    }

    private static void abortExchange(Request exchange, UploadStream upload, AtomicBoolean answered,
                                      Throwable reason) {
        exchange.abort(reason);
        // The pumping thread may sit inside the body stream's read, blocked on a slow client for long, and
        // Jetty sends nothing more until it returns. Until the body's last byte is handed out and before any
        // answer, the exchange cannot have completed, so the connection still belongs to this request alone:
        // closing it makes Swift see the early end now, instead of when that read returns or the idle timeout
        // fires.
        // After an answer (a 413 refusing the body, say) the connection may be back in the pool: left alone.
        if (upload != null && upload.isMidBody() && !answered.get()) {
            Connection connection = exchange.getConnection();
            if (connection != null) {
                connection.close();
            }
        }
    }

    private static void confirmEmpty(UploadStream upload, String what) throws SwiftUploadAbortedException {
        try {
            upload.confirmEmpty();
        } catch (IOException refused) {
            throw new SwiftUploadAbortedException(what + ": the empty upload body failed before sending; "
                    + "nothing was sent", upload.failure());
        }
    }

    private static boolean hasNoBody(String method, int status) {
        return "HEAD".equals(method) || status == 204 || status == 304 || (status >= 100 && status < 200);
    }

    private static SwiftHeaders toHeaders(Response head) {
        SwiftHeaders.Builder headers = SwiftHeaders.builder();
        for (HttpField field : head.getHeaders()) {
            headers.add(field.getName(), field.getValue() == null ? "" : field.getValue());
        }
        return headers.build();
    }

    /** How the connection pool towards Swift is used right now, over every host:port it talks to. */
    public record PoolUse(int active, int idle) {
    }

    /** The pool's use now, for monitoring (a snapshot; connections come and go while it is taken). */
    public PoolUse poolUse() {
        int active = 0;
        int idle = 0;
        for (Destination destination : client.getDestinations()) {
            if (destination.getConnectionPool() instanceof AbstractConnectionPool pool) {
                active += pool.getActiveConnectionCount();
                idle += pool.getIdleConnectionCount();
            }
        }
        return new PoolUse(active, idle);
    }

    /** Stops the pooled client: requests in flight fail. */
    @Override
    public void close() {
        try {
            client.stop();
        } catch (Exception stopFailure) {
            LOG.warn("stopping the HTTP client for {} failed", config.endpoint(), stopFailure);
        }
    }
}
