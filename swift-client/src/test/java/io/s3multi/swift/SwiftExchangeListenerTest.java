package io.s3multi.swift;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.head;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.github.tomakehurst.wiremock.junit5.WireMockExtension;
import io.s3multi.swift.error.SwiftConnectionException;
import io.s3multi.swift.error.SwiftHttpStatusException;
import io.s3multi.swift.http.SwiftExchangeListener;
import io.s3multi.swift.http.SwiftTransport;
import java.net.ServerSocket;
import java.net.URI;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** A backend's {@link SwiftExchangeListener} hears of every request it sent: method, status (0: none), time. */
class SwiftExchangeListenerTest {

    private static final String ACCOUNT = WireMockSwift.ACCOUNT_PATH;

    @RegisterExtension
    static WireMockExtension swift = WireMockSwift.server();

    private record Heard(String method, int status, long nanos) {
    }

    @Test
    void theListenerHearsEachRequestWithItsStatusAndTime() throws Exception {
        swift.stubFor(head(urlPathEqualTo(ACCOUNT + "/c/here")).willReturn(aResponse().withStatus(200)
                .withFixedDelay(50)));
        swift.stubFor(head(urlPathEqualTo(ACCOUNT + "/c/gone")).willReturn(aResponse().withStatus(404)));
        List<Heard> heard = new CopyOnWriteArrayList<>();
        try (SwiftBackend backend = SwiftBackend.start(WireMockSwift.config(swift, Duration.ofSeconds(10)),
                Clock.systemUTC(), (method, status, nanos) -> heard.add(new Heard(method, status, nanos)))) {
            SwiftAccount account = WireMockSwift.account(backend, swift);
            account.objects().head("c", "here", SwiftHeaders.empty());
            assertThrows(SwiftHttpStatusException.class,
                    () -> account.objects().head("c", "gone", SwiftHeaders.empty()));
            // Both answers are in, so soon no connection is in use (HttpClient gives a connection back to its pool
            // after the caller has its answer, on another thread), and the pool reports the kept-alive ones. Not
            // exactly one: HttpClient may open a second connection when the first is not back in the pool yet.
            long deadline = System.nanoTime() + Duration.ofSeconds(5).toNanos();
            SwiftTransport.PoolUse pool = backend.transport().poolUse();
            while (pool.active() > 0 && System.nanoTime() < deadline) {
                Thread.onSpinWait();
                pool = backend.transport().poolUse();
            }
            assertEquals(0, pool.active(), "connections still in use: " + pool);
            assertTrue(pool.idle() >= 1 && pool.idle() <= 2, "kept-alive connections: " + pool);
        }
        assertEquals(List.of("HEAD 200", "HEAD 404"), heard.stream().map(h -> h.method() + " " + h.status()).toList());
        assertTrue(heard.get(0).nanos() >= Duration.ofMillis(50).toNanos(), "the time includes Swift's delay");
    }

    @Test
    void aRequestWithoutAnswerIsHeardWithStatusZero() throws Exception {
        int closedPort;
        try (var socket = new ServerSocket(0, 1, java.net.InetAddress.getLoopbackAddress())) {
            closedPort = socket.getLocalPort();
        }
        List<Integer> statuses = new CopyOnWriteArrayList<>();
        var config = SwiftClientConfig.defaults(URI.create("http://127.0.0.1:" + closedPort))
                .withConnectTimeout(Duration.ofSeconds(2));
        try (SwiftBackend backend = SwiftBackend.start(config, Clock.systemUTC(),
                (method, status, nanos) -> statuses.add(status))) {
            assertThrows(SwiftConnectionException.class, backend::info);
        }
        assertEquals(List.of(SwiftExchangeListener.NO_ANSWER), statuses);
    }
}
