package io.s3multi.swift.http;

import io.s3multi.swift.SwiftClientConfig;
import io.s3multi.swift.SwiftHeaders;
import io.s3multi.swift.error.SwiftConnectionException;
import io.s3multi.swift.error.SwiftException;
import io.s3multi.swift.error.SwiftUploadAbortedException;
import java.net.URI;
import java.util.Map;
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
 * Exchanges over one pooled Jetty {@link HttpClient} (its own selector and thread pool): the requesting thread
 * sends, pushes a streamed body ({@link PushedUpload}) and waits while Jetty's threads read the answer. The only
 * class besides {@link PushedUpload} that touches Jetty's request API.
 */
final class JettyExchanges implements Exchanges {

    private static final Logger LOG = LoggerFactory.getLogger(JettyExchanges.class);
    private static final int RESPONSE_BUFFER_SIZE = 64 * 1024;

    private final SwiftClientConfig config;
    private final HttpClient client;

    private JettyExchanges(SwiftClientConfig config, HttpClient client) {
        this.config = config;
        this.client = client;
    }

    static JettyExchanges start(SwiftClientConfig config) {
        try {
            HttpClient client = HttpClientBuilder.named("swift-client@" + config.endpoint().getAuthority())
                    .connectTimeout(config.connectTimeout())
                    .idleTimeout(config.idleTimeout())
                    .pool(config.maxConnections(), config.maxQueuedRequests())
                    // Jetty reads answers 16 KiB at a time by default; a download moves fewer, larger pieces.
                    .responseBufferSize(RESPONSE_BUFFER_SIZE)
                    .start();
            return new JettyExchanges(config, client);
        } catch (Exception startFailure) {
            throw new IllegalStateException("cannot start the HTTP client for " + config.endpoint(), startFailure);
        }
    }

    @Override
    public Answer exchange(URI uri, SwiftRequest request, String what) throws SwiftException {
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

        InputStreamResponseListener listener = PushedUpload.send(exchange, pushed);
        Response head;
        try {
            // Jetty's idle timeout bounds this wait: a silent connection fails the exchange.
            head = listener.get(Long.MAX_VALUE, TimeUnit.NANOSECONDS);
            answered.set(true);
        } catch (ExecutionException failed) {
            answered.set(true);
            throw FailureClassifier.beforeAnswer(what, failed.getCause(), upload, signal);
        } catch (InterruptedException interrupted) {
            Thread.currentThread().interrupt();
            exchange.abort(interrupted);
            throw new SwiftConnectionException(what + ": interrupted while waiting for Swift", interrupted);
        } catch (TimeoutException impossible) {
            exchange.abort(impossible);
            throw new SwiftConnectionException(what + ": gave up waiting for Swift", impossible);
        }
        return new Answer(head.getStatus(), toHeaders(head), listener.getInputStream(), exchange::abort);
    }

    /** Sets the request's body; a streamed one comes back, to be pumped once the request is sent. */
    private PushedUpload attachBody(Request exchange, SwiftRequest request, String what)
            throws SwiftUploadAbortedException {
        RequestBody body = request.body();
        UploadStream upload = body.uploadStream();
        if (upload != null) {
            long length = upload.declaredLength();
            if (length == 0) {
                SwiftTransport.confirmEmpty(upload, what);
                exchange.body(new BytesRequestContent((String) null, new byte[0]));
                return null;
            }
            PushedUpload pushed = PushedUpload.attach(exchange, upload, length, config.uploadBufferSize());
            if (SwiftTransport.expectsContinue(config, length)) {
                exchange.headers(fields -> fields.put(HttpHeader.EXPECT, "100-continue"));
            }
            return pushed;
        }
        byte[] held = body.heldBytes();
        if (held != null) {
            exchange.body(new BytesRequestContent((String) null, held));
        } else if (SwiftTransport.needsEmptyBody(request.method())) {
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

    private static SwiftHeaders toHeaders(Response head) {
        SwiftHeaders.Builder headers = SwiftHeaders.builder();
        for (HttpField field : head.getHeaders()) {
            headers.add(field.getName(), field.getValue() == null ? "" : field.getValue());
        }
        return headers.build();
    }

    @Override
    public SwiftTransport.PoolUse poolUse() {
        int active = 0;
        int idle = 0;
        for (Destination destination : client.getDestinations()) {
            if (destination.getConnectionPool() instanceof AbstractConnectionPool pool) {
                active += pool.getActiveConnectionCount();
                idle += pool.getIdleConnectionCount();
            }
        }
        return new SwiftTransport.PoolUse(active, idle);
    }

    @Override
    public void close() {
        try {
            client.stop();
        } catch (Exception stopFailure) {
            LOG.warn("stopping the HTTP client for {} failed", config.endpoint(), stopFailure);
        }
    }
}
