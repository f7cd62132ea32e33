package io.s3multi.swift.http;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * The watchdog against a read that returns just as it decided the read stalled: the hook between its decision and
 * its act lets the read return and the next request start on the same connection, which a stale decision must not
 * close. The watchdog's clock is the {@code now} the test passes, far beyond the idle timeout.
 */
class SocketConnectionWatchdogTest {

    private static final Duration IDLE_TIMEOUT = Duration.ofMinutes(1);
    private static final String OK_EMPTY = "HTTP/1.1 204 No Content\r\n\r\n";

    private final ExecutorService threads = Executors.newCachedThreadPool();
    private ScriptedServer server;

    @AfterEach
    void stop() throws Exception {
        threads.shutdownNow();
        if (server != null) {
            server.close();
        }
    }

    @Test
    void aStallDecidedAsTheReadReturnedLeavesTheNextRequestAlone() throws Exception {
        CountDownLatch answerFirst = new CountDownLatch(1);
        CountDownLatch answerSecond = new CountDownLatch(1);
        server = new ScriptedServer((peer, number) -> {
            peer.readHead();
            answerFirst.await(10, TimeUnit.SECONDS);
            peer.write(OK_EMPTY);
            peer.readHead();
            answerSecond.await(10, TimeUnit.SECONDS);
            peer.write(OK_EMPTY);
        });
        try (SocketConnection connection = SocketConnection.open("127.0.0.1", server.endpoint().getPort(), null,
                Duration.ofSeconds(2), IDLE_TIMEOUT)) {
            CountDownLatch firstAnswered = new CountDownLatch(1);
            Future<SocketConnection.ResponseHead> second = threads.submit(() -> {
                send(connection, "/first");
                connection.readHead();
                firstAnswered.countDown();
                send(connection, "/second");
                return connection.readHead();
            });
            assertNotNull(server.nextHead());
            // Between the watchdog's decision and its act, the read it judged returns and the next request is sent.
            boolean[] decided = {false};
            connection.onStallDecided(() -> {
                decided[0] = true;
                answerFirst.countDown();
                try {
                    assertTrue(firstAnswered.await(10, TimeUnit.SECONDS));
                    assertNotNull(server.nextHead());
                } catch (InterruptedException interrupted) {
                    throw new AssertionError(interrupted);
                }
            });
            long farFuture = System.nanoTime() + 2 * IDLE_TIMEOUT.toNanos();
            boolean closed = false;
            for (int round = 0; !decided[0] && round < 5000; round++) {
                closed = connection.closeIfStalled(farFuture);
                Thread.sleep(1);
            }

            assertTrue(decided[0], "the first read was never seen in progress");
            assertFalse(closed, "the watchdog closed a connection whose read had returned");
            answerSecond.countDown();
            assertEquals(204, second.get(10, TimeUnit.SECONDS).status());
            assertTrue(connection.isOpen());
        }
    }

    private static void send(SocketConnection connection, String path) throws Exception {
        byte[] head = ("GET " + path + " HTTP/1.1\r\nHost: swift\r\n\r\n").getBytes(StandardCharsets.ISO_8859_1);
        connection.write(head, 0, head.length);
    }
}
