package io.s3multi.filters.proxyserver;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.s3multi.filters.proxylogging.AccessRecord;
import io.s3multi.filters.proxylogging.ProxyLoggingFilter;
import io.s3multi.filters.testing.Digests;
import io.s3multi.filters.testing.GatewayUnderTest;
import io.s3multi.filters.testing.PatternStream;
import io.s3multi.filters.testing.RawHttp;
import io.s3multi.filters.testing.StreamingBackend;
import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.InterruptedIOException;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.security.MessageDigest;
import java.util.HexFormat;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * proxy_server against a backend that shows raw paths and watches bodies while they stream: what only a
 * proxy that neither decodes nor buffers can pass.
 */
class ProxyServerStreamingTest {

    private static final long SIZE = 64L << 20;
    private static final HttpClient HTTP = HttpClient.newHttpClient();

    private static StreamingBackend backend;
    private static GatewayUnderTest gateway;
    private static final LinkedBlockingQueue<AccessRecord> RECORDS = new LinkedBlockingQueue<>();

    @BeforeAll
    static void start() throws Exception {
        backend = new StreamingBackend();
        gateway = GatewayUnderTest.start(GatewayUnderTest.config("catch_errors proxy_logging proxy_server",
                "filter.proxy_server.swift_url", backend.url(),
                "filter.proxy_server.max_connections", "1",
                "filter.proxy_server.max_queued_requests", "1"));
        gateway.pipeline().filter("proxy_logging", ProxyLoggingFilter.class).addListener(RECORDS::add);
    }

    @AfterAll
    static void stop() throws Exception {
        backend.release.countDown();
        gateway.close();
        backend.close();
    }

    private static AccessRecord recordOf(String rawPath) throws InterruptedException {
        for (AccessRecord r = RECORDS.poll(5, TimeUnit.SECONDS); r != null; r = RECORDS.poll(5, TimeUnit.SECONDS)) {
            if (r.rawPath().equals(rawPath)) {
                return r;
            }
        }
        throw new AssertionError("no access record for " + rawPath);
    }

    @Test
    void rawPathsAndQueriesReachSwiftExactlyAsSent() throws Exception {
        for (String target : List.of("/v1/AUTH_test/c/a%2Fb", "/v1/AUTH_test/c/a//b", "/v1/AUTH_test/c/100%25",
                "/v1/AUTH_test/c/%2e%2e/x", "/v1/AUTH_test/c/../y", "/v1/AUTH_test/c/%C3%A4%20x;v=1",
                "/v1/AUTH_test/c?prefix=a%2Fb&delimiter=%2F&marker=%7E", "/v1/AUTH_test/c/k?multipart-manifest=get")) {
            RawHttp.Answer answer = RawHttp.exchange(gateway.port(),
                    "GET " + target + " HTTP/1.1\nHost: gw\nConnection: close");
            assertEquals(200, answer.status(), target);
            assertEquals("GET " + target, answer.body());
        }
    }

    @Test
    void a64MiBUploadStreamsThroughWithoutBeingHeld() throws Exception {
        String expected = Digests.sha256(new PatternStream(SIZE));
        // The client stops after 16 MiB until the backend has seen bytes: only a streaming proxy lets it go on.
        HttpRequest put = HttpRequest.newBuilder(gateway.uri("/v1/upload"))
                .PUT(HttpRequest.BodyPublishers.fromPublisher(HttpRequest.BodyPublishers.ofInputStream(
                        () -> new GatedUntilBackendHasBytes(new PatternStream(SIZE), 16L << 20)), SIZE))
                .build();
        HttpResponse<String> answer = HTTP.send(put, HttpResponse.BodyHandlers.ofString());
        assertEquals(200, answer.statusCode(), answer.body());
        assertEquals(SIZE + " " + expected, answer.body());
        AccessRecord record = recordOf("/v1/upload");
        assertEquals(SIZE, record.bytesIn());
    }

    @Test
    void aChunkedUploadWithExpectContinueStreamsThrough() throws Exception {
        long size = 3L << 20;
        HttpRequest put = HttpRequest.newBuilder(gateway.uri("/v1/upload")).expectContinue(true)
                .PUT(HttpRequest.BodyPublishers.ofInputStream(() -> new PatternStream(size))).build();
        HttpResponse<String> answer = HTTP.send(put, HttpResponse.BodyHandlers.ofString());
        assertEquals(200, answer.statusCode(), answer.body());
        assertEquals(size + " " + Digests.sha256(new PatternStream(size)), answer.body());
    }

    @Test
    void a64MiBDownloadStreamsThroughWithoutBeingHeld() throws Exception {
        String expected = Digests.sha256(new PatternStream(SIZE));
        HttpResponse<InputStream> answer = HTTP.send(HttpRequest.newBuilder(gateway.uri("/v1/download?bytes=" + SIZE))
                .build(), HttpResponse.BodyHandlers.ofInputStream());
        assertEquals(200, answer.statusCode());
        assertEquals(String.valueOf(SIZE), answer.headers().firstValue("Content-Length").orElseThrow());
        MessageDigest digest = Digests.newSha256();
        long received = 0;
        byte[] buffer = new byte[64 * 1024];
        try (InputStream in = answer.body()) {
            for (int n = in.read(buffer); n >= 0; n = in.read(buffer)) {
                digest.update(buffer, 0, n);
                received += n;
                if (received >= 1 << 20) {
                    // The backend holds the second half back until this point.
                    backend.clientHasBytes.countDown();
                }
            }
        }
        assertEquals(SIZE, received);
        assertEquals(expected, HexFormat.of().formatHex(digest.digest()));
        assertEquals(SIZE, recordOf("/v1/download").bytesOut());
    }

    @Test
    void aBackendDyingMidBodyAbortsTheClientConnection() throws Exception {
        HttpResponse<InputStream> answer = HTTP.send(HttpRequest.newBuilder(gateway.uri("/v1/die")).build(),
                HttpResponse.BodyHandlers.ofInputStream());
        assertEquals(200, answer.statusCode());
        long[] received = {0};
        assertThrows(IOException.class, () -> {
            try (InputStream in = answer.body()) {
                byte[] buffer = new byte[64 * 1024];
                for (int n = in.read(buffer); n >= 0; n = in.read(buffer)) {
                    received[0] += n;
                }
            }
        });
        assertTrue(received[0] < 10L << 20, "received " + received[0]);
    }

    @Test
    void aFullQueueAnswers503AtOnce() throws Exception {
        // One connection (max_connections = 1), one waiting place (max_queued_requests = 1).
        CompletableFuture<HttpResponse<String>> holding = HTTP.sendAsync(
                HttpRequest.newBuilder(gateway.uri("/v1/hold")).build(), HttpResponse.BodyHandlers.ofString());
        assertTrue(backend.awaitHeld(10, TimeUnit.SECONDS), "the first request holds the only connection");
        assertEquals(1, backend.held());
        // Of two more, whichever comes second finds the one waiting place taken: it is answered while the
        // first still holds the connection, and the other waits for it.
        List<CompletableFuture<HttpResponse<String>>> more = List.of(
                HTTP.sendAsync(HttpRequest.newBuilder(gateway.uri("/v1/hold")).build(),
                        HttpResponse.BodyHandlers.ofString()),
                HTTP.sendAsync(HttpRequest.newBuilder(gateway.uri("/v1/hold")).build(),
                        HttpResponse.BodyHandlers.ofString()));
        CompletableFuture.anyOf(more.get(0), more.get(1)).get(10, TimeUnit.SECONDS);
        assertFalse(holding.isDone(), "answered while the first request held the connection");
        HttpResponse<String> rejected = more.get(0).isDone() ? more.get(0).getNow(null) : more.get(1).getNow(null);
        assertEquals(503, rejected.statusCode());
        assertEquals("Service Unavailable: too many requests waiting for the backend\n", rejected.body());
        CompletableFuture<HttpResponse<String>> queued = more.get(0).isDone() ? more.get(1) : more.get(0);
        assertFalse(queued.isDone(), "the other one waits");
        backend.release.countDown();
        assertEquals("released", holding.get(10, TimeUnit.SECONDS).body());
        assertEquals("released", queued.get(10, TimeUnit.SECONDS).body());
        assertEquals(2, backend.held(), "the rejected request never reached the backend");
    }

    /** Holds the client's upload at {@code gate} bytes until the backend has received some. */
    private static final class GatedUntilBackendHasBytes extends FilterInputStream {

        private final long gate;
        private long position;

        GatedUntilBackendHasBytes(InputStream in, long gate) {
            super(in);
            this.gate = gate;
        }

        @Override
        public int read(byte[] buffer, int offset, int length) throws IOException {
            if (position >= gate) {
                awaitBackend();
            }
            int n = super.read(buffer, offset, (int) Math.min(length, Math.max(1, gate - position > 0
                    ? gate - position : length)));
            if (n > 0) {
                position += n;
            }
            return n;
        }

        private void awaitBackend() throws IOException {
            try {
                if (!backend.awaitUploadBytes(20, TimeUnit.SECONDS)) {
                    throw new IOException("the backend saw nothing after " + gate + " bytes: the proxy buffers");
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new InterruptedIOException();
            }
        }
    }
}
