package io.s3multi.filters.testing;

import java.io.IOException;
import java.io.InputStream;
import java.io.InterruptedIOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.HexFormat;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import org.eclipse.jetty.http.HttpHeader;
import org.eclipse.jetty.http.UriCompliance;
import org.eclipse.jetty.io.Content;
import org.eclipse.jetty.server.Handler;
import org.eclipse.jetty.server.HttpConfiguration;
import org.eclipse.jetty.server.HttpConnectionFactory;
import org.eclipse.jetty.server.Request;
import org.eclipse.jetty.server.Response;
import org.eclipse.jetty.server.Server;
import org.eclipse.jetty.server.ServerConnector;
import org.eclipse.jetty.util.Callback;

/**
 * A tiny Swift stand-in on 127.0.0.1 (plain Jetty core, no servlet layer, any URI accepted) for what WireMock
 * cannot show: raw paths exactly as received, and bodies too big to keep, observed while they stream.
 *
 * <ul>
 *   <li>{@code PUT /v1/upload}: digests the body as it arrives and answers {@code <bytes> <sha256>}; counts
 *       received bytes in {@link #uploadedSoFar()};</li>
 *   <li>{@code GET /v1/download?bytes=N}: sends N bytes of {@link PatternStream}; after the first half it waits
 *       for {@link #clientHasBytes} before sending the rest, which only a streaming proxy can satisfy;</li>
 *   <li>{@code /v1/hold}: counts itself in {@link #held()}, then waits for {@link #release};</li>
 *   <li>{@code GET /v1/die}: promises 10 MiB, sends 1 MiB, then drops the connection;</li>
 *   <li>anything else: answers {@code <method> <raw path and query>}.</li>
 * </ul>
 */
public final class StreamingBackend implements AutoCloseable {

    /** Counted down by a test once its client has received part of a download. */
    public final CountDownLatch clientHasBytes = new CountDownLatch(1);

    /** Counted down by a test to let every {@code /v1/hold} request answer. */
    public final CountDownLatch release = new CountDownLatch(1);

    private final AtomicInteger held = new AtomicInteger();
    private final CountDownLatch firstHeld = new CountDownLatch(1);
    private final CountDownLatch firstUploadBytes = new CountDownLatch(1);

    private final AtomicLong uploaded = new AtomicLong();
    private final Server server;
    private final ServerConnector connector;

    public StreamingBackend() throws Exception {
        server = new Server();
        var http = new HttpConfiguration();
        http.setUriCompliance(UriCompliance.UNSAFE);
        connector = new ServerConnector(server, new HttpConnectionFactory(http));
        connector.setHost("127.0.0.1");
        server.addConnector(connector);
        server.setHandler(new Handler.Abstract() {
            @Override
            public boolean handle(Request request, Response response, Callback callback) throws Exception {
                route(request, response);
                callback.succeeded();
                return true;
            }
        });
        server.start();
    }

    public String url() {
        return "http://127.0.0.1:" + connector.getLocalPort();
    }

    /** How many {@code /v1/hold} requests have arrived. */
    public int held() {
        return held.get();
    }

    public long uploadedSoFar() {
        return uploaded.get();
    }

    /** Waits until a {@code /v1/hold} request has arrived; false if none did in time. */
    public boolean awaitHeld(long timeout, TimeUnit unit) throws InterruptedException {
        return firstHeld.await(timeout, unit);
    }

    /** Waits until the first bytes of an upload have arrived; false if none did in time. */
    public boolean awaitUploadBytes(long timeout, TimeUnit unit) throws InterruptedException {
        return firstUploadBytes.await(timeout, unit);
    }

    private void route(Request request, Response response) throws Exception {
        String path = request.getHttpURI().getPath();
        String method = request.getMethod();
        if (method.equals("PUT") && path.equals("/v1/upload")) {
            upload(request, response);
        } else if (method.equals("GET") && path.equals("/v1/download")) {
            download(Long.parseLong(request.getHttpURI().getQuery().substring("bytes=".length())), response);
        } else if (path.equals("/v1/hold")) {
            held.incrementAndGet();
            firstHeld.countDown();
            release.await(20, TimeUnit.SECONDS);
            text(response, "released");
        } else if (path.equals("/v1/die")) {
            response.getHeaders().put(HttpHeader.CONTENT_LENGTH, 10L << 20);
            OutputStream out = Content.Sink.asOutputStream(response);
            out.write(new byte[1 << 20]);
            out.flush();
            request.getConnectionMetaData().getConnection().getEndPoint().close();
        } else {
            String query = request.getHttpURI().getQuery();
            text(response, method + " " + path + (query == null ? "" : "?" + query));
        }
    }

    private void upload(Request request, Response response) throws Exception {
        MessageDigest sha256 = MessageDigest.getInstance("SHA-256");
        byte[] buffer = new byte[64 * 1024];
        long total = 0;
        try (InputStream in = Content.Source.asInputStream(request)) {
            for (int n = in.read(buffer); n >= 0; n = in.read(buffer)) {
                sha256.update(buffer, 0, n);
                total += n;
                uploaded.set(total);
                firstUploadBytes.countDown();
            }
        }
        text(response, total + " " + HexFormat.of().formatHex(sha256.digest()));
    }

    private void download(long bytes, Response response) throws Exception {
        response.getHeaders().put(HttpHeader.CONTENT_LENGTH, bytes);
        response.getHeaders().put(HttpHeader.CONTENT_TYPE, "application/octet-stream");
        byte[] buffer = new byte[64 * 1024];
        long sent = 0;
        try (InputStream pattern = new PatternStream(bytes);
                OutputStream out = Content.Sink.asOutputStream(response)) {
            for (int n = pattern.read(buffer); n >= 0; n = pattern.read(buffer)) {
                out.write(buffer, 0, n);
                sent += n;
                if (sent >= bytes / 2 && clientHasBytes.getCount() > 0) {
                    out.flush();
                    awaitClient();
                }
            }
        }
    }

    private void awaitClient() throws IOException {
        try {
            if (!clientHasBytes.await(20, TimeUnit.SECONDS)) {
                throw new IOException("the client received nothing while half the body was sent:"
                        + " the proxy buffers responses");
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new InterruptedIOException();
        }
    }

    private static void text(Response response, String text) throws Exception {
        byte[] body = text.getBytes(StandardCharsets.UTF_8);
        response.getHeaders().put(HttpHeader.CONTENT_TYPE, "text/plain;charset=utf-8");
        response.getHeaders().put(HttpHeader.CONTENT_LENGTH, body.length);
        try (OutputStream out = Content.Sink.asOutputStream(response)) {
            out.write(body);
        }
    }

    @Override
    public void close() throws Exception {
        server.stop();
    }
}
