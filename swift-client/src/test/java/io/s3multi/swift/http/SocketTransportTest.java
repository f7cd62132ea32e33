package io.s3multi.swift.http;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.s3multi.swift.SwiftClientConfig;
import io.s3multi.swift.SwiftHeaders;
import io.s3multi.swift.error.SwiftConnectionException;
import io.s3multi.swift.error.SwiftException;
import io.s3multi.swift.error.SwiftTimeoutException;
import io.s3multi.swift.error.SwiftUploadAbortedException;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.RepeatedTest;
import org.junit.jupiter.api.Test;

/**
 * The socket transport against a scripted server: framing both ways, the pool's bounds, Swift closing keep-alive
 * connections, silence while reading and while writing, and aborts. Where both transports must agree byte for
 * byte (headers), the Jetty one is run too.
 */
class SocketTransportTest {

    private static final Duration BOUND = Duration.ofSeconds(10);
    private static final String OK_EMPTY = "HTTP/1.1 204 No Content\r\n\r\n";

    private final ExecutorService threads = Executors.newCachedThreadPool();
    private ScriptedServer server;
    private SwiftTransport transport;

    @AfterEach
    void stop() throws IOException {
        threads.shutdownNow();
        if (transport != null) {
            transport.close();
        }
        if (server != null) {
            server.close();
        }
    }

    private SwiftTransport start(ScriptedServer.Script script, SwiftClientConfig.Transport kind,
                                 Duration idleTimeout) throws IOException {
        server = new ScriptedServer(script);
        transport = SwiftTransport.start(SwiftClientConfig.defaults(server.endpoint())
                .withIdleTimeout(idleTimeout).withConnectTimeout(Duration.ofSeconds(2)).withTransport(kind));
        return transport;
    }

    private SwiftTransport start(ScriptedServer.Script script) throws IOException {
        return start(script, SwiftClientConfig.Transport.SOCKETS, Duration.ofSeconds(5));
    }

    private SwiftResponse send(SwiftRequest request) throws SwiftException {
        return transport.send(server.endpoint(), request);
    }

    private static SwiftRequest get(String path) {
        return SwiftRequest.builder("GET", path).build();
    }

    private static String body(SwiftResponse response) throws IOException {
        try (response) {
            return new String(response.body().readAllBytes(), StandardCharsets.ISO_8859_1);
        }
    }

    /** Answers every request on the connection with {@code answer}, until the client closes it. */
    private static ScriptedServer.Script answering(String answer) {
        return (peer, connection) -> {
            while (peer.readHead() != null) {
                peer.write(answer);
            }
        };
    }

    /**
     * Values go out as ISO-8859-1, a character beyond it as a space, and come back as ISO-8859-1: byte for byte what
     * Jetty's client did (checked side by side when this transport was written). Unlike Jetty, which wrote
     * {@code content-type} as {@code Content-Type}, names keep their spelling.
     */
    @Test
    void headersGoOutAndComeBackAsGiven() throws Exception {
        start(answering("HTTP/1.1 200 OK\r\nContent-Type: text/plain; charset=UTF-8\r\n"
                + "X-Object-Meta-Cafe: caf\u00c3\u00a9\r\nX-Trans-Id: tx1 \r\nContent-Length: 2\r\n\r\nok"));

        SwiftResponse response = send(SwiftRequest.builder("PUT", "/v1/AUTH_a/c/o").rawQuery("multipart-manifest=put")
                .header("X-Object-Meta-Color", "caf\u00e9 \u20ac").header("content-type", "text/plain; charset=UTF-8")
                .body(RequestBody.bytes("hi".getBytes(StandardCharsets.US_ASCII))).build());

        assertEquals("ok", body(response));
        assertEquals("text/plain; charset=UTF-8", response.header("Content-Type"));
        assertEquals("caf\u00c3\u00a9", response.header("X-Object-Meta-Cafe"));
        assertEquals("tx1", response.header("X-Trans-Id"));
        assertEquals("PUT /v1/AUTH_a/c/o?multipart-manifest=put HTTP/1.1\r\nHost: 127.0.0.1:"
                + server.endpoint().getPort() + "\r\nX-Object-Meta-Color: caf\u00e9  \r\n"
                + "content-type: text/plain; charset=UTF-8\r\nContent-Length: 2\r\n\r\n", server.nextHead());
    }

    /**
     * The transport remembers the pool of the last host it was asked for (a gateway's requests nearly all go to one);
     * a request to another host, or to the same one spelled in another case, still finds that host's own pool.
     */
    @Test
    void requestsToTwoHostsInTurnEachReachTheirOwnAndReuseItsConnection() throws Exception {
        start(answering("HTTP/1.1 200 OK\r\nContent-Length: 5\r\n\r\nfirst"));
        try (ScriptedServer second = new ScriptedServer(answering("HTTP/1.1 200 OK\r\nContent-Length: 6\r\n\r\nsecond"))) {
            URI secondLower = URI.create("http://localhost:" + second.endpoint().getPort());
            URI secondUpper = URI.create("http://LOCALHOST:" + second.endpoint().getPort());
            for (int round = 0; round < 3; round++) {
                assertEquals("first", body(send(get("/a"))));
                assertEquals("second", body(transport.send(secondLower, get("/b"))));
                assertEquals("second", body(transport.send(secondUpper, get("/c"))));
            }
            assertEquals(1, server.connections());
            assertEquals(1, second.connections());
            assertEquals(new SwiftTransport.PoolUse(0, 2), transport.poolUse());
        }
    }

    @Test
    void aChunkedAnswerIsDecodedAndItsConnectionCarriesTheNextRequest() throws Exception {
        start(answering("HTTP/1.1 200 OK\r\nTransfer-Encoding: chunked\r\n\r\n"
                + "5;ext=1\r\nhello\r\n1\r\n \r\n5\r\nworld\r\n0\r\nX-Trailer: t\r\n\r\n"));

        assertEquals("hello world", body(send(get("/a"))));
        assertEquals("hello world", body(send(get("/b"))));
        assertEquals(1, server.connections());
        assertEquals(new SwiftTransport.PoolUse(0, 1), transport.poolUse());
    }

    @Test
    void anUnknownLengthUploadIsSentChunked() throws Exception {
        CountDownLatch done = new CountDownLatch(1);
        StringBuilder received = new StringBuilder();
        start((peer, connection) -> {
            peer.readHead();
            peer.write("HTTP/1.1 100 Continue\r\n\r\n");
            byte[] rest = peer.readBytes("3\r\nabc\r\n0\r\n\r\n".length());
            received.append(new String(rest, StandardCharsets.ISO_8859_1));
            peer.write("HTTP/1.1 201 Created\r\nContent-Length: 0\r\n\r\n");
            done.countDown();
        });

        SwiftResponse response = send(SwiftRequest.builder("PUT", "/o")
                .body(RequestBody.stream(new ByteArrayInputStream("abc".getBytes(StandardCharsets.US_ASCII)), -1))
                .build());

        assertEquals(201, response.status());
        assertTrue(done.await(5, TimeUnit.SECONDS));
        assertEquals("3\r\nabc\r\n0\r\n\r\n", received.toString());
        String head = server.nextHead();
        assertTrue(head.contains("\r\nTransfer-Encoding: chunked\r\nExpect: 100-continue\r\n"), head);
        assertFalse(head.contains("Content-Length"), head);
    }

    /**
     * A source that hands out nothing from one read (InputStream allows it for no byte asked, and a decoder may do
     * it anyway) must not end a chunked body: a chunk of size 0 is the body's end, and the bytes after it would be
     * lost to the object and read by Swift as the next request.
     */
    @Test
    void aReadThatHandsOutNothingDoesNotEndAChunkedUpload() throws Exception {
        String expected = "2\r\nab\r\n1\r\nc\r\n0\r\n\r\n";
        CountDownLatch done = new CountDownLatch(1);
        StringBuilder received = new StringBuilder();
        start((peer, connection) -> {
            peer.readHead();
            peer.write("HTTP/1.1 100 Continue\r\n\r\n");
            received.append(new String(peer.readBytes(expected.length()), StandardCharsets.ISO_8859_1));
            peer.write("HTTP/1.1 201 Created\r\nContent-Length: 0\r\n\r\n");
            done.countDown();
        });
        InputStream hesitant = new InputStream() {
            private final int[][] reads = {{'a', 'b'}, {}, {'c'}};
            private int next;

            @Override
            public int read() {
                throw new UnsupportedOperationException();
            }

            @Override
            public int read(byte[] target, int offset, int length) {
                if (next == reads.length) {
                    return -1;
                }
                int[] piece = reads[next++];
                for (int i = 0; i < piece.length; i++) {
                    target[offset + i] = (byte) piece[i];
                }
                return piece.length;
            }
        };

        SwiftResponse response = send(SwiftRequest.builder("PUT", "/o").body(RequestBody.stream(hesitant, -1)).build());

        assertEquals(201, response.status());
        assertTrue(done.await(5, TimeUnit.SECONDS));
        assertEquals(expected, received.toString());
    }

    @Test
    void anHttp10AnswerWithoutLengthEndsWithItsConnection() throws Exception {
        start((peer, connection) -> {
            peer.readHead();
            peer.write("HTTP/1.0 200 OK\r\n\r\nuntil the end");
            peer.close();
        });

        assertEquals("until the end", body(send(get("/a"))));
        assertEquals("until the end", body(send(get("/b"))));
        assertEquals(2, server.connections());
        assertEquals(new SwiftTransport.PoolUse(0, 0), transport.poolUse());
    }

    @Test
    void connectionCloseIsHonoured() throws Exception {
        start(answering("HTTP/1.1 200 OK\r\nConnection: close\r\nContent-Length: 1\r\n\r\nx"));

        assertEquals("x", body(send(get("/a"))));
        assertEquals("x", body(send(get("/b"))));
        assertEquals(2, server.connections());
    }

    @Test
    void aHeadAnswerHasNoBodyAndFreesItsConnectionAtOnce() throws Exception {
        start(answering("HTTP/1.1 200 OK\r\nContent-Length: 4096\r\n\r\n"));

        try (SwiftResponse response = send(SwiftRequest.builder("HEAD", "/o").build())) {
            assertEquals(4096, response.contentLength());
            assertEquals(new SwiftTransport.PoolUse(0, 1), transport.poolUse());
            assertEquals(-1, response.body().read());
        }
        send(SwiftRequest.builder("HEAD", "/o").build()).close();
        assertEquals(1, server.connections());
    }

    @Test
    void aBodyClosedEarlyDropsItsConnection() throws Exception {
        start(answering("HTTP/1.1 200 OK\r\nContent-Length: 10\r\n\r\n0123456789"));

        try (SwiftResponse response = send(get("/a"))) {
            assertEquals('0', response.body().read());
        }
        assertEquals("0123456789", body(send(get("/b"))));
        assertEquals(2, server.connections());
    }

    @Test
    void aConnectionSwiftClosedWhileIdleIsNotUsed() throws Exception {
        start((peer, connection) -> {
            peer.readHead();
            peer.write(OK_EMPTY);
            peer.close();
        });

        assertEquals(204, send(get("/a")).status());
        assertEquals(204, send(get("/b")).status());
        assertEquals(2, server.connections());
    }

    @Test
    void aRequestLostOnAStaleConnectionIsSentAgainOnAFreshOne() throws Exception {
        // The first connection answers once, then takes the next request and closes without a word: what a
        // keep-alive connection closed by Swift at the moment it was reused looks like.
        start((peer, connection) -> {
            peer.readHead();
            if (connection == 1) {
                peer.write(OK_EMPTY);
                peer.readHead();
                peer.close();
                return;
            }
            peer.write(OK_EMPTY);
        });

        assertEquals(204, send(get("/a")).status());
        assertEquals(204, send(SwiftRequest.builder("DELETE", "/b").build()).status());
        assertEquals(2, server.connections());
    }

    @Test
    void aStreamedBodyAlreadySentIsNotSentAgain() throws Exception {
        start((peer, connection) -> {
            peer.readHead();
            peer.write(OK_EMPTY);
            peer.readHead();
            peer.close();
        });

        assertEquals(204, send(get("/a")).status());
        assertThrows(SwiftConnectionException.class, () -> send(SwiftRequest.builder("PUT", "/o")
                .body(RequestBody.stream(new ByteArrayInputStream(new byte[100]), 100)).build()));
        assertEquals(1, server.connections());
    }

    @Test
    void beyondItsConnectionsAndQueueThePoolRefusesAtOnce() throws Exception {
        CountDownLatch release = new CountDownLatch(1);
        server = new ScriptedServer((peer, connection) -> {
            while (peer.readHead() != null) {
                release.await(5, TimeUnit.SECONDS);
                peer.write(OK_EMPTY);
            }
        });
        transport = SwiftTransport.start(SwiftClientConfig.defaults(server.endpoint()).withPool(1, 1)
                .withTransport(SwiftClientConfig.Transport.SOCKETS));
        Future<Integer> first = threads.submit(() -> send(get("/1")).status());
        awaitPool(new SwiftTransport.PoolUse(1, 0));
        CompletableFuture<Integer> queued = new CompletableFuture<>();
        Thread waiter = new Thread(() -> {
            try {
                queued.complete(send(get("/2")).status());
            } catch (Throwable failed) {
                queued.completeExceptionally(failed);
            }
        });
        waiter.setDaemon(true);
        waiter.start();
        // It waits for the one connection on the pool's condition, with the idle timeout as its bound.
        while (waiter.getState() != Thread.State.TIMED_WAITING && !queued.isDone()) {
            Thread.onSpinWait();
        }

        SwiftConnectionException refused = assertThrows(SwiftConnectionException.class, () -> send(get("/3")));
        assertTrue(refused.getMessage().contains("refused"), refused.getMessage());
        release.countDown();
        assertEquals(204, first.get(5, TimeUnit.SECONDS));
        assertEquals(204, queued.get(5, TimeUnit.SECONDS));
        assertEquals(1, server.connections());
    }

    private void awaitPool(SwiftTransport.PoolUse wanted) throws InterruptedException {
        long deadline = System.nanoTime() + BOUND.toNanos();
        while (!wanted.equals(transport.poolUse()) && System.nanoTime() < deadline) {
            TimeUnit.MILLISECONDS.sleep(5);
        }
        assertEquals(wanted, transport.poolUse());
    }

    @Test
    void aSilentSwiftTimesOutWhileTheAnswerIsAwaited() throws Exception {
        CountDownLatch end = new CountDownLatch(1);
        start((peer, connection) -> {
            peer.readHead();
            end.await(10, TimeUnit.SECONDS);
        }, SwiftClientConfig.Transport.SOCKETS, Duration.ofMillis(300));

        assertTimeoutPreemptively(BOUND, () -> assertThrows(SwiftTimeoutException.class, () -> send(get("/a"))));
        end.countDown();
    }

    @Test
    void aBodyThatStallsTimesOutWithoutPassingForAnInterrupt() throws Exception {
        CountDownLatch end = new CountDownLatch(1);
        start((peer, connection) -> {
            peer.readHead();
            peer.write("HTTP/1.1 200 OK\r\nContent-Length: 10\r\n\r\nfive.");
            end.await(10, TimeUnit.SECONDS);
        }, SwiftClientConfig.Transport.SOCKETS, Duration.ofMillis(300));

        try (SwiftResponse response = send(get("/a"))) {
            assertEquals('f', response.body().read());
            assertTimeoutPreemptively(BOUND, () -> assertThrows(SwiftTimeoutException.class,
                    () -> response.body().readAllBytes()));
        }
        assertFalse(Thread.currentThread().isInterrupted());
        assertEquals(new SwiftTransport.PoolUse(0, 0), transport.poolUse());
        end.countDown();
    }

    @Test
    void aWriteToASwiftThatStoppedReadingTimesOut() throws Exception {
        CountDownLatch end = new CountDownLatch(1);
        start((peer, connection) -> {
            peer.readHead();
            end.await(10, TimeUnit.SECONDS);
        }, SwiftClientConfig.Transport.SOCKETS, Duration.ofMillis(300));
        transport.close();
        transport = SwiftTransport.start(transport.config().withExpectContinue(false));

        long length = 256L * 1024 * 1024;
        assertTimeoutPreemptively(BOUND, () -> assertThrows(
                SwiftTimeoutException.class, () -> send(SwiftRequest.builder("PUT", "/o")
                        .body(RequestBody.stream(new Zeros(length), length)).build())));
        end.countDown();
    }

    @Test
    void anAbortFromAnotherThreadEndsABlockedUploadAtOnce() throws Exception {
        CountDownLatch end = new CountDownLatch(1);
        start((peer, connection) -> {
            peer.readHead();
            peer.write("HTTP/1.1 100 Continue\r\n\r\n");
            end.await(10, TimeUnit.SECONDS);
        });
        AbortSignal signal = new AbortSignal();
        long length = 256L * 1024 * 1024;
        Zeros body = new Zeros(length);
        Future<SwiftResponse> upload = threads.submit(() -> send(SwiftRequest.builder("PUT", "/o")
                .body(RequestBody.stream(body, length)).abortSignal(signal).build()));
        while (body.handedOut() < 256 * 1024 && !upload.isDone()) {
            TimeUnit.MILLISECONDS.sleep(5);
        }
        IOException reason = new IOException("the client went away");

        signal.abort(reason);

        Exception failure = assertThrows(Exception.class, () -> upload.get(5, TimeUnit.SECONDS));
        SwiftUploadAbortedException aborted = (SwiftUploadAbortedException) failure.getCause();
        assertEquals(reason, aborted.getCause());
        end.countDown();
    }

    @Test
    void aRefusalInsteadOf100ContinueLeavesTheBodyUnread() throws Exception {
        start((peer, connection) -> {
            while (peer.readHead() != null) {
                peer.write("HTTP/1.1 413 Request Entity Too Large\r\nContent-Length: 3\r\n\r\nbig");
            }
        });
        Zeros body = new Zeros(8 * 1024 * 1024);

        SwiftResponse response = send(SwiftRequest.builder("PUT", "/o")
                .body(RequestBody.stream(body, 8 * 1024 * 1024)).build());

        assertEquals(413, response.status());
        assertEquals("big", body(response));
        assertEquals(0, body.handedOut());
        assertEquals(new SwiftTransport.PoolUse(0, 0), transport.poolUse());
    }

    @RepeatedTest(5)
    void anAnswerSentBeforeSwiftStoppedReadingReachesTheCaller() throws Exception {
        start((peer, connection) -> {
            peer.readHead();
            peer.write("HTTP/1.1 413 Request Entity Too Large\r\nContent-Length: 3\r\nConnection: close\r\n\r\nbig");
            peer.close();
        });
        transport.close();
        transport = SwiftTransport.start(transport.config().withExpectContinue(false));
        long length = 64L * 1024 * 1024;

        SwiftResponse response = assertTimeoutPreemptively(BOUND, () -> send(SwiftRequest.builder("PUT", "/o")
                .body(RequestBody.stream(new Zeros(length), length)).build()));

        assertEquals(413, response.status());
        assertEquals("big", body(response));
    }

    @Test
    void anInterruptedCallerGetsAConnectionFailureAndKeepsItsFlag() throws Exception {
        CountDownLatch end = new CountDownLatch(1);
        start((peer, connection) -> {
            peer.readHead();
            end.await(10, TimeUnit.SECONDS);
        });
        Thread caller = Thread.currentThread();
        threads.submit(() -> {
            while (transport.poolUse().active() == 0) {
                Thread.onSpinWait();
            }
            TimeUnit.MILLISECONDS.sleep(50);
            caller.interrupt();
            return null;
        });

        assertThrows(SwiftConnectionException.class, () -> send(get("/a")));
        assertTrue(Thread.interrupted());
        end.countDown();
    }

    @Test
    void aLargeBodyArrivesWhole() throws Exception {
        byte[] big = new byte[3 * 1024 * 1024 + 17];
        for (int i = 0; i < big.length; i++) {
            big[i] = (byte) (i * 31);
        }
        start((peer, connection) -> {
            peer.readHead();
            peer.write(("HTTP/1.1 200 OK\r\nContent-Length: " + big.length + "\r\n\r\n")
                    .getBytes(StandardCharsets.US_ASCII));
            peer.write(big);
        });

        try (SwiftResponse response = send(get("/big"))) {
            assertArrayEquals(big, response.body().readAllBytes());
        }
    }

    /** {@code length} zero bytes, counting how many were read. */
    private static final class Zeros extends InputStream {
        private final long length;
        private volatile long handedOut;

        Zeros(long length) {
            this.length = length;
        }

        long handedOut() {
            return handedOut;
        }

        @Override
        public int read() {
            return handedOut < length ? (int) (++handedOut * 0) : -1;
        }

        @Override
        public int read(byte[] buffer, int offset, int count) {
            if (handedOut >= length) {
                return -1;
            }
            int n = (int) Math.min(count, length - handedOut);
            java.util.Arrays.fill(buffer, offset, offset + n, (byte) 0);
            handedOut += n;
            return n;
        }
    }
}
