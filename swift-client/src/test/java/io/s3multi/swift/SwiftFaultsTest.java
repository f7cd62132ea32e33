package io.s3multi.swift;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.github.tomakehurst.wiremock.http.Fault;
import com.github.tomakehurst.wiremock.junit5.WireMockExtension;
import io.s3multi.swift.container.ListingQuery;
import io.s3multi.swift.error.SwiftConnectionException;
import io.s3multi.swift.error.SwiftException;
import io.s3multi.swift.error.SwiftHttpStatusException;
import io.s3multi.swift.error.SwiftProtocolException;
import io.s3multi.swift.error.SwiftTimeoutException;
import io.s3multi.swift.error.SwiftTruncatedBodyException;
import io.s3multi.swift.http.SwiftResponse;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.URI;
import java.time.Duration;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/** Every way a Swift answer can go wrong surfaces as its typed exception, in bounded time. */
class SwiftFaultsTest {

    private static final String OBJECT = WireMockSwift.ACCOUNT_PATH + "/c/o";
    /** Long enough that WireMock on a loaded machine answers a plain stub within it. */
    private static final Duration IDLE = Duration.ofSeconds(2);
    /** Generous against a loaded machine, yet far below the delays the stubs use. */
    private static final Duration BOUND = Duration.ofSeconds(6);

    @RegisterExtension
    static WireMockExtension swift = WireMockSwift.server();

    private SwiftBackend backend;
    private SwiftAccount account;

    @BeforeEach
    void connect() {
        backend = SwiftBackend.start(WireMockSwift.config(swift, IDLE));
        account = WireMockSwift.account(backend, swift);
    }

    @AfterEach
    void disconnect() {
        backend.close();
    }

    @Test
    void aServerErrorCarriesStatusHeadersAndACappedSnippet() {
        swift.stubFor(get(urlPathEqualTo(OBJECT)).willReturn(aResponse().withStatus(503)
                .withHeader("X-Trans-Id", "tx123").withBody("Service Unavailable " + "x".repeat(5000))));

        SwiftHttpStatusException failure = assertThrows(SwiftHttpStatusException.class,
                () -> account.objects().get("c", "o", SwiftHeaders.empty()));

        assertEquals(503, failure.status());
        assertEquals("tx123", failure.transactionId());
        assertEquals(SwiftHttpStatusException.SNIPPET_LIMIT, failure.bodySnippet().length());
        assertTrue(failure.bodySnippet().startsWith("Service Unavailable"));
        assertEquals("GET", failure.method());
        assertEquals(OBJECT, failure.path());
    }

    @Test
    void aMissingObjectIsA404() {
        swift.stubFor(get(urlPathEqualTo(OBJECT)).willReturn(aResponse().withStatus(404)));
        assertEquals(404, assertThrows(SwiftHttpStatusException.class,
                () -> account.objects().head("c", "o", SwiftHeaders.empty())).status());
    }

    @ParameterizedTest
    @EnumSource(value = Fault.class, names = {"CONNECTION_RESET_BY_PEER", "RANDOM_DATA_THEN_CLOSE", "EMPTY_RESPONSE"})
    void aBrokenConnectionBeforeTheAnswerIsAConnectionFailure(Fault fault) {
        swift.stubFor(get(urlPathEqualTo(OBJECT)).willReturn(aResponse().withFault(fault)));

        assertTimeoutPreemptively(BOUND, () -> assertThrows(SwiftConnectionException.class,
                () -> readWhole(account.objects().get("c", "o", SwiftHeaders.empty()))));
    }

    @Test
    void aMalformedChunkMidBodyIsATruncatedBody() {
        swift.stubFor(get(urlPathEqualTo(OBJECT)).willReturn(aResponse().withFault(Fault.MALFORMED_RESPONSE_CHUNK)));

        SwiftException failure = assertTimeoutPreemptively(BOUND, () -> assertThrows(SwiftException.class,
                () -> readWhole(account.objects().get("c", "o", SwiftHeaders.empty()))));
        // The status line and headers arrive before the broken chunk, so the body is what breaks.
        assertEquals(SwiftTruncatedBodyException.class, failure.getClass(), failure.toString());
    }

    @Test
    void aBodyShorterThanItsContentLengthIsATruncatedBody() {
        swift.stubFor(get(urlPathEqualTo(OBJECT)).willReturn(aResponse().withStatus(200)
                .withHeader("Content-Length", "1000").withBody("only ten b")));

        SwiftTruncatedBodyException failure = assertTimeoutPreemptively(BOUND, () -> assertThrows(
                SwiftTruncatedBodyException.class,
                () -> readWhole(account.objects().get("c", "o", SwiftHeaders.empty()))));
        assertEquals(1000, failure.bytesExpected());
        assertTrue(failure.bytesReceived() < 1000);
    }

    @Test
    void aSlowAnswerTimesOutWithinTheIdleTimeout() {
        swift.stubFor(get(urlPathEqualTo(OBJECT)).willReturn(aResponse().withStatus(200).withBody("late")
                .withFixedDelay(30_000)));

        long started = System.nanoTime();
        assertTimeoutPreemptively(BOUND, () -> assertThrows(SwiftTimeoutException.class,
                () -> account.objects().get("c", "o", SwiftHeaders.empty())));
        Duration took = Duration.ofNanos(System.nanoTime() - started);
        assertTrue(took.compareTo(IDLE) >= 0, "failed before the idle timeout: " + took);
    }

    @Test
    void aBodyThatStallsTimesOutWhileReading() {
        swift.stubFor(get(urlPathEqualTo(OBJECT)).willReturn(aResponse().withStatus(200)
                .withBody("x".repeat(4000)).withChunkedDribbleDelay(2, 30_000)));

        assertTimeoutPreemptively(BOUND, () -> assertThrows(SwiftTimeoutException.class,
                () -> readWhole(account.objects().get("c", "o", SwiftHeaders.empty()))));
    }

    @Test
    void aRefusedConnectionIsAConnectionFailure() throws Exception {
        int closedPort;
        try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            closedPort = socket.getLocalPort();
        }
        try (SwiftBackend nowhere = SwiftBackend.start(
                SwiftClientConfig.defaults(URI.create("http://127.0.0.1:" + closedPort)))) {
            assertTimeoutPreemptively(BOUND, () -> assertThrows(SwiftConnectionException.class, nowhere::info));
        }
    }

    @Test
    void anUnreadableListingIsAProtocolFailure() {
        swift.stubFor(get(urlPathEqualTo(WireMockSwift.ACCOUNT_PATH + "/c")).willReturn(aResponse().withStatus(200)
                .withHeader("Content-Type", "text/html").withBody("<html>hello</html>")));

        assertThrows(SwiftProtocolException.class, () -> account.containers().listObjects("c", ListingQuery.all()));
    }

    @Test
    void closingABodyEarlyLeavesTheClientUsable() throws Exception {
        swift.stubFor(get(urlPathEqualTo(OBJECT)).willReturn(aResponse().withStatus(200).withBody("y".repeat(200_000))));

        for (int i = 0; i < 3; i++) {
            try (SwiftResponse response = account.objects().get("c", "o", SwiftHeaders.empty())) {
                assertEquals('y', response.body().read());
            }
        }
        try (SwiftResponse response = account.objects().get("c", "o", SwiftHeaders.empty())) {
            assertEquals(200_000, response.body().readAllBytes().length);
        }
    }

    private static void readWhole(SwiftResponse response) throws Exception {
        try (response; InputStream body = response.body()) {
            body.transferTo(OutputStream.nullOutputStream());
        }
    }
}
