package io.s3multi.swift;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.s3multi.swift.auth.AuthToken;
import io.s3multi.swift.auth.FixedTokenSource;
import io.s3multi.swift.auth.TokenSource;
import io.s3multi.swift.error.SwiftUploadAbortedException;
import io.s3multi.swift.http.AbortSignal;
import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.time.Duration;
import java.util.concurrent.CancellationException;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * An upload stopped before its last byte leaves the server with an early end of body, never a complete
 * one: the property that lets the gateway refuse a corrupt upload after streaming almost all of it.
 */
class UploadAbortTest {

    private static final int MIB = 1024 * 1024;
    private static final Duration BOUND = Duration.ofSeconds(20);

    private RecordingSwiftServer server;
    private SwiftBackend backend;

    /**
     * Hands out {@code size} bytes, then throws {@code verdict} where a stream would report its end (or
     * reports the end, when there is no verdict), like a stream that verifies a digest at its end.
     */
    private static final class FailsAtEnd extends InputStream {
        private final IOException verdict;
        private long left;

        FailsAtEnd(long size, IOException verdict) {
            this.left = size;
            this.verdict = verdict;
        }

        @Override
        public int read() throws IOException {
            byte[] one = new byte[1];
            return read(one, 0, 1) < 0 ? -1 : one[0] & 0xFF;
        }

        @Override
        public int read(byte[] buffer, int offset, int length) throws IOException {
            if (left == 0) {
                if (verdict == null) {
                    return -1;
                }
                throw verdict;
            }
            int count = (int) Math.min(length, left);
            left -= count;
            return count;
        }
    }

    /** Hands out {@code before} bytes, then blocks until released, then continues with zeros. */
    private static final class StallingStream extends InputStream {
        final CountDownLatch stalled = new CountDownLatch(1);
        final CountDownLatch release = new CountDownLatch(1);
        private final long before;
        private long handedOut;

        StallingStream(long before) {
            this.before = before;
        }

        @Override
        public int read() throws IOException {
            byte[] one = new byte[1];
            return read(one, 0, 1) < 0 ? -1 : one[0] & 0xFF;
        }

        @Override
        public int read(byte[] buffer, int offset, int length) throws IOException {
            if (handedOut >= before) {
                stalled.countDown();
                try {
                    release.await();
                } catch (InterruptedException interrupted) {
                    throw new IOException(interrupted);
                }
            }
            int count = (int) Math.min(length, 64 * 1024);
            handedOut += count;
            return count;
        }
    }

    /** First hands out a token the server rejects, then a good one. */
    private static final class StaleThenFreshTokens implements TokenSource {
        final AtomicInteger refreshes = new AtomicInteger();
        private final URI storageUrl;
        private volatile AuthToken current;

        StaleThenFreshTokens(URI storageUrl) {
            this.storageUrl = storageUrl;
            this.current = new AuthToken("stale", storageUrl, null);
        }

        @Override
        public AuthToken token() {
            return current;
        }

        @Override
        public AuthToken refresh(AuthToken rejected) {
            refreshes.incrementAndGet();
            current = new AuthToken("fresh", storageUrl, null);
            return current;
        }
    }

    @BeforeEach
    void start() throws Exception {
        server = new RecordingSwiftServer();
        backend = SwiftBackend.start(SwiftClientConfig.defaults(server.endpoint())
                .withIdleTimeout(Duration.ofSeconds(30)));
    }

    @AfterEach
    void stop() throws Exception {
        backend.close();
        server.close();
    }

    private SwiftAccount account(TokenSource tokens) {
        return backend.account(tokens);
    }

    private SwiftAccount account() {
        return account(new FixedTokenSource(new AuthToken("good", URI.create(server.endpoint() + "/v1/AUTH_test"),
                null)));
    }

    @Test
    void aCompleteUploadArrivesWhole() throws Exception {
        account().objects().put("c", "whole", new FailsAtEnd(3 * MIB, null), 3 * MIB, SwiftHeaders.empty());

        RecordingSwiftServer.Received got = server.next(BOUND);
        assertEquals(3 * MIB, got.bytes());
        assertNull(got.bodyFailure());
    }

    @Test
    void aStreamThatFailsAtItsEndStopsTheUploadBeforeTheLastByte() throws Exception {
        IOException badDigest = new IOException("BadDigest: the body does not match its Content-MD5");
        int size = 8 * MIB;

        SwiftUploadAbortedException failure = assertTimeoutPreemptively(BOUND, () -> assertThrows(
                SwiftUploadAbortedException.class,
                () -> account().objects().put("c", "corrupt", new FailsAtEnd(size, badDigest), size,
                        SwiftHeaders.empty())));

        assertSame(badDigest, failure.getCause());
        RecordingSwiftServer.Received got = server.next(BOUND);
        assertNotNull(got, "the server saw the upload");
        assertTrue(got.endedEarly(), "the server must see an early end of body");
        assertTrue(got.bytes() < size, "the server got " + got.bytes() + " of " + size + " bytes");
    }

    @Test
    void aShortStreamStopsTheUploadToo() throws Exception {
        SwiftUploadAbortedException failure = assertThrows(SwiftUploadAbortedException.class,
                () -> account().objects().put("c", "short", InputStream.nullInputStream(), 1000, SwiftHeaders.empty()));

        assertInstanceOf(EOFException.class, failure.getCause());
        // A body this small goes without Expect: 100-continue, so the stream may fail before Jetty has sent
        // even the request line: then the server sees nothing at all, which is as good.
        RecordingSwiftServer.Received got = server.next(Duration.ofSeconds(2));
        if (got != null) {
            assertTrue(got.endedEarly(), "the server must see an early end of body");
            assertEquals(0, got.bytes());
        }
    }

    @Test
    void anAbortFromAnotherThreadStopsAnUploadInFlight() throws Exception {
        long size = 64L * MIB;
        StallingStream body = new StallingStream(MIB);
        AbortSignal signal = new AbortSignal();
        CancellationException clientGone = new CancellationException("the S3 client went away");
        ExecutorService uploader = Executors.newSingleThreadExecutor();
        try {
            Future<SwiftReply> upload = uploader.submit(() ->
                    account().objects().put("c", "big", body, size, SwiftHeaders.empty(), signal));
            assertTrue(body.stalled.await(BOUND.toSeconds(), TimeUnit.SECONDS), "the upload started");

            signal.abort(clientGone);

            // Well within the idle timeout: the abort itself ended the body, not a timeout.
            RecordingSwiftServer.Received got = server.next(Duration.ofSeconds(5));
            assertNotNull(got, "the server noticed the abort while the uploading thread was still blocked");
            assertTrue(got.endedEarly());
            assertTrue(got.bytes() < size);
            body.release.countDown();
            ExecutionException outcome = assertThrows(ExecutionException.class,
                    () -> upload.get(BOUND.toSeconds(), TimeUnit.SECONDS));
            assertInstanceOf(SwiftUploadAbortedException.class, outcome.getCause());
            assertSame(clientGone, outcome.getCause().getCause());
        } finally {
            body.release.countDown();
            uploader.shutdownNow();
        }
    }

    @Test
    void anAbortBeforeSendingSendsNothing() throws Exception {
        AbortSignal signal = new AbortSignal();
        signal.abort(new CancellationException("never mind"));

        assertThrows(SwiftUploadAbortedException.class, () -> account().objects().put("c", "never",
                new FailsAtEnd(MIB, new IOException("unused")), MIB, SwiftHeaders.empty(), signal));

        assertNull(server.next(Duration.ofMillis(500)), "nothing reached the server");
    }

    @Test
    void a401BeforeTheBodyIsReadIsRetriedWithAFreshTokenAndTheWholeBody() throws Exception {
        StaleThenFreshTokens tokens = new StaleThenFreshTokens(URI.create(server.endpoint() + "/v1/AUTH_test"));
        int size = 2 * MIB;

        SwiftReply reply = account(tokens).objects().put("c", "retried", new FailsAtEnd(size, null), size,
                SwiftHeaders.empty());

        assertEquals(201, reply.status());
        assertEquals(1, tokens.refreshes.get());
        RecordingSwiftServer.Received rejected = server.next(BOUND);
        assertEquals("stale", rejected.token());
        assertEquals(0, rejected.bytes());
        RecordingSwiftServer.Received accepted = server.next(BOUND);
        assertEquals("fresh", accepted.token());
        assertEquals(size, accepted.bytes());
        assertNull(accepted.bodyFailure());
    }
}
