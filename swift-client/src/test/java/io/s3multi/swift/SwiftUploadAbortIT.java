package io.s3multi.swift;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.s3multi.swift.auth.AuthToken;
import io.s3multi.swift.auth.TokenSource;
import io.s3multi.swift.error.SwiftException;
import io.s3multi.swift.error.SwiftHttpStatusException;
import io.s3multi.swift.error.SwiftUploadAbortedException;
import io.s3multi.swift.http.AbortSignal;
import io.s3multi.swift.http.SwiftResponse;
import java.io.IOException;
import java.io.InputStream;
import java.util.concurrent.CancellationException;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Against the real dev Swift: an upload stopped before its last byte leaves nothing behind (HEAD 404 and
 * no listing entry), and a 401 on a streamed upload is retried because Swift refuses before the body.
 */
class SwiftUploadAbortIT {

    private static final int MIB = 1024 * 1024;

    private static SwiftBackend backend;
    private static SwiftAccount account;
    private static String container;

    /** Zeros up to {@code size}; then throws {@code verdict} instead of reporting the end. */
    private static InputStream failingAtEnd(long size, IOException verdict) {
        return new InputStream() {
            private long left = size;

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
                int count = (int) Math.min(left, length);
                java.util.Arrays.fill(buffer, offset, offset + count, (byte) 7);
                left -= count;
                return count;
            }
        };
    }

    @BeforeAll
    static void start() throws Exception {
        backend = DevSwift.backend();
        account = DevSwift.account(backend);
        container = DevSwift.createContainer(account, "abort");
    }

    @AfterAll
    static void stop() throws Exception {
        DevSwift.deleteContainer(account, container);
        backend.close();
    }

    private static void assertNothingStored(String name) throws SwiftException {
        assertEquals(404, assertThrows(SwiftHttpStatusException.class,
                () -> account.objects().head(container, name, SwiftHeaders.empty())).status());
        assertFalse(DevSwift.names(account, container).contains(name), "no listing entry for " + name);
    }

    @Test
    void aBodyThatFailsAtItsEndLeavesNothingInSwift() throws Exception {
        IOException badDigest = new IOException("BadDigest");

        SwiftUploadAbortedException failure = assertThrows(SwiftUploadAbortedException.class,
                () -> account.objects().put(container, "corrupt ü", failingAtEnd(8 * MIB, badDigest), 8 * MIB,
                        SwiftHeaders.empty()));

        assertSame(badDigest, failure.getCause());
        assertNothingStored("corrupt ü");
        // The same stream without the failure is stored: the test above failed for the right reason.
        account.objects().put(container, "sound", failingAtEnd(8 * MIB, null), 8 * MIB, SwiftHeaders.empty());
        assertEquals(8 * MIB, account.objects().head(container, "sound", SwiftHeaders.empty()).contentLength());
    }

    @Test
    void aChunkedBodyThatFailsAtItsEndLeavesNothingInSwift() throws Exception {
        IOException badDigest = new IOException("BadDigest");

        SwiftUploadAbortedException failure = assertThrows(SwiftUploadAbortedException.class,
                () -> account.objects().putChunked(container, "chunked corrupt", failingAtEnd(3 * MIB + 5, badDigest),
                        SwiftHeaders.empty(), null));

        assertSame(badDigest, failure.getCause());
        assertNothingStored("chunked corrupt");
        account.objects().putChunked(container, "chunked sound", failingAtEnd(3 * MIB + 5, null),
                SwiftHeaders.empty(), null);
        assertEquals(3 * MIB + 5, account.objects().head(container, "chunked sound", SwiftHeaders.empty())
                .contentLength());
    }

    @Test
    void anUploadAbortedFromAnotherThreadLeavesNothingInSwift() throws Exception {
        AbortSignal signal = new AbortSignal();
        AtomicInteger reads = new AtomicInteger();
        CountDownLatch underWay = new CountDownLatch(1);
        CountDownLatch aborted = new CountDownLatch(1);
        // 20 reads of 16 KiB, then the body waits (bounded) until the test has aborted: the upload is in flight.
        InputStream stalling = new InputStream() {
            @Override
            public int read() {
                return 0;
            }

            @Override
            public int read(byte[] buffer, int offset, int length) throws IOException {
                if (reads.incrementAndGet() > 20) {
                    underWay.countDown();
                    try {
                        aborted.await(20, TimeUnit.SECONDS);
                    } catch (InterruptedException interrupted) {
                        throw new IOException(interrupted);
                    }
                }
                return Math.min(length, 16 * 1024);
            }
        };
        ExecutorService uploader = Executors.newSingleThreadExecutor();
        try {
            Future<SwiftReply> upload = uploader.submit(() ->
                    account.objects().put(container, "aborted", stalling, 64L * MIB, SwiftHeaders.empty(), signal));
            assertTrue(underWay.await(20, TimeUnit.SECONDS), "the upload is under way");
            CancellationException reason = new CancellationException("client went away");

            signal.abort(reason);
            aborted.countDown();

            ExecutionException outcome = assertThrows(ExecutionException.class, () -> upload.get(20, TimeUnit.SECONDS));
            assertInstanceOf(SwiftUploadAbortedException.class, outcome.getCause());
            assertSame(reason, outcome.getCause().getCause());
        } finally {
            uploader.shutdownNow();
        }
        assertNothingStored("aborted");
    }

    @Test
    void aStreamedUploadWithARejectedTokenIsRetriedBeforeItsBodyIsRead() throws Exception {
        TokenSource real = backend.tempAuth(DevSwift.USER, DevSwift.KEY);
        AtomicInteger refreshes = new AtomicInteger();
        TokenSource staleFirst = new TokenSource() {
            private volatile boolean stale = true;

            @Override
            public AuthToken token() throws SwiftException {
                AuthToken good = real.token();
                return stale ? new AuthToken("AUTH_tk00000000000000000000000000000000", good.storageUrl(), null) : good;
            }

            @Override
            public AuthToken refresh(AuthToken rejected) throws SwiftException {
                refreshes.incrementAndGet();
                stale = false;
                return real.token();
            }
        };
        SwiftAccount withStaleToken = backend.account(staleFirst);

        SwiftReply put = withStaleToken.objects().put(container, "retried", failingAtEnd(3 * MIB, null), 3 * MIB,
                SwiftHeaders.empty());

        assertEquals(201, put.status());
        assertEquals(1, refreshes.get());
        try (SwiftResponse get = account.objects().get(container, "retried", SwiftHeaders.empty())) {
            assertEquals(3 * MIB, get.body().readAllBytes().length);
        }
        assertTrue(DevSwift.names(account, container).contains("retried"));
    }
}
