package io.s3multi.filters.proxyserver;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.any;
import static com.github.tomakehurst.wiremock.client.WireMock.anyRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.anyUrl;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.put;
import static com.github.tomakehurst.wiremock.client.WireMock.putRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.wireMockConfig;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.github.tomakehurst.wiremock.http.RequestMethod;
import com.github.tomakehurst.wiremock.junit5.WireMockExtension;
import com.github.tomakehurst.wiremock.matching.RequestPatternBuilder;
import com.github.tomakehurst.wiremock.verification.LoggedRequest;
import io.s3multi.filters.testing.GatewayUnderTest;
import io.s3multi.filters.testing.Ports;
import io.s3multi.filters.testing.RawHttp;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.zip.GZIPOutputStream;
import org.eclipse.jetty.http.HttpGenerator;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** proxy_server against WireMock standing in for Swift: what passes, what does not, and every failure mode. */
class ProxyServerFilterTest {

    /*
     * Left to itself WireMock sets org.eclipse.jetty.http.HttpGenerator.STRICT, and if that happens before Jetty's
     * HttpGenerator class loads, every Jetty in the JVM keeps Content-Type spellings: this module's tests would no
     * longer see what a production gateway sends. Every WireMock of the module is told not to.
     */
    @RegisterExtension
    static final WireMockExtension SWIFT = WireMockExtension.newInstance()
            .options(wireMockConfig().dynamicPort().bindAddress("127.0.0.1").disableStrictHttpHeaders(true)).build();

    private static final HttpClient HTTP = HttpClient.newHttpClient();

    private static GatewayUnderTest gateway;
    /**
     * The same pipeline with an idle timeout of 1 s, for the one test that needs the timeout to pass: the others use
     * a generous one, so that WireMock answering slowly on a loaded machine is never taken for a silent backend.
     */
    private static GatewayUnderTest impatientGateway;

    @BeforeAll
    static void start() throws Exception {
        gateway = startWithIdleTimeout("30");
        impatientGateway = startWithIdleTimeout("1");
    }

    private static GatewayUnderTest startWithIdleTimeout(String seconds) throws Exception {
        return GatewayUnderTest.start(GatewayUnderTest.config("catch_errors proxy_logging proxy_server",
                "filter.proxy_server.swift_url", SWIFT.baseUrl(),
                "filter.proxy_server.idle_timeout", seconds));
    }

    @AfterAll
    static void stop() throws Exception {
        gateway.close();
        impatientGateway.close();
    }

    private static HttpResponse<String> send(HttpRequest.Builder request) throws Exception {
        return HTTP.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }

    private static LoggedRequest onlyRequestTo(String url) {
        List<LoggedRequest> received = SWIFT.findAll(anyRequestedFor(urlEqualTo(url)));
        assertEquals(1, received.size(), "requests to " + url);
        return received.get(0);
    }

    @Test
    void endToEndHeadersPassBothWaysAndHopByHopHeadersDoNot() throws Exception {
        SWIFT.stubFor(get("/v1/AUTH_test/c/o").willReturn(aResponse().withStatus(200)
                .withHeader("X-Object-Meta-Color", "red")
                .withHeader("Etag", "\"abc\"")
                .withHeader("Set-Cookie", "a=1", "b=2")
                .withHeader("Proxy-Authenticate", "Basic realm=x")
                .withHeader("X-Trans-Id", "txFROMSWIFT")
                .withHeader("Content-Type", "text/plain")
                .withBody("hello")));
        RawHttp.Answer answer = RawHttp.exchange(gateway.port(), String.join("\n",
                "GET /v1/AUTH_test/c/o HTTP/1.1",
                "Host: gateway.example:8080",
                "X-Auth-Token: AUTH_tk123",
                "X-Custom: one",
                "X-Custom: two",
                "X-Object-Meta-Color: blue",
                "Connection: close, X-Hop-Named",
                "X-Hop-Named: private",
                "Keep-Alive: timeout=5",
                "Proxy-Authorization: Basic eDp5",
                "TE: trailers"));

        LoggedRequest received = onlyRequestTo("/v1/AUTH_test/c/o");
        assertEquals("gateway.example:8080", received.getHeader("Host"));
        assertEquals("AUTH_tk123", received.getHeader("X-Auth-Token"));
        assertEquals(List.of("one", "two"), received.header("X-Custom").values());
        assertEquals("blue", received.getHeader("X-Object-Meta-Color"));
        for (String hop : List.of("X-Hop-Named", "Keep-Alive", "Proxy-Authorization", "TE")) {
            assertFalse(received.containsHeader(hop), hop + " was forwarded");
        }
        // Nothing the client did not send: no user agent, no compression offer.
        assertFalse(received.containsHeader("User-Agent"));
        assertFalse(received.containsHeader("Accept-Encoding"));
        String transId = answer.header("X-Trans-Id");
        assertEquals(transId.substring(0, 32), received.getHeader("X-Trans-Id-Extra"));

        assertEquals(200, answer.status());
        assertEquals("hello", answer.body());
        assertEquals("red", answer.header("X-Object-Meta-Color"));
        assertEquals("\"abc\"", answer.header("Etag"));
        assertEquals("text/plain", answer.header("Content-Type"));
        assertEquals(2, answer.headers().stream().filter(h -> h[0].equals("set-cookie")).count());
        assertNull(answer.header("Proxy-Authenticate"));
        // The transaction is the gateway's, not Swift's.
        assertTrue(transId.startsWith("tx") && !transId.equals("txFROMSWIFT"), transId);
        assertEquals(transId, answer.header("x-amz-request-id"));
    }

    @Test
    void answerHeaderValuesKeepSwiftsSpelling() throws Exception {
        // Jetty's servlet response would send its own spelling of a Content-Type its MimeTypes knows. Swift's answer
        // comes from a socket, byte for byte: WireMock is itself a servlet Jetty, and respells such a value as the
        // gateway's servlet response did. Jetty keeps spellings only in strict mode, which production never sets.
        assertFalse(HttpGenerator.__STRICT, "this JVM's Jetty is in strict mode (a WireMock without "
                + "disableStrictHttpHeaders ran first?), unlike a production gateway's");
        String swiftsAnswer = "HTTP/1.1 200 OK\r\nContent-Type: text/plain; charset=UTF-8\r\nContent-Length: 1\r\n"
                + "Connection: close\r\n\r\nx";
        try (ServerSocket swift = new ServerSocket(0, 1, InetAddress.getLoopbackAddress());
                GatewayUnderTest spelling = GatewayUnderTest.start(GatewayUnderTest.config(
                        "catch_errors proxy_logging proxy_server",
                        "filter.proxy_server.swift_url", "http://127.0.0.1:" + swift.getLocalPort()))) {
            CompletableFuture<Void> answered = CompletableFuture.runAsync(() -> answerOnce(swift, swiftsAnswer));
            RawHttp.Answer answer = RawHttp.exchange(spelling.port(), String.join("\n",
                    "GET /v1/AUTH_test/c/spelled HTTP/1.1",
                    "Host: gateway.example:8080",
                    "Connection: close"));
            answered.get(30, TimeUnit.SECONDS);
            assertEquals(200, answer.status());
            assertEquals("text/plain; charset=UTF-8", answer.header("Content-Type"));
        }
    }

    /** Reads one request's head from the next connection to {@code server} and writes {@code answer} back. */
    private static void answerOnce(ServerSocket server, String answer) {
        try (Socket connection = server.accept()) {
            connection.setSoTimeout(30_000);
            InputStream in = connection.getInputStream();
            int last4 = 0;
            while (last4 != 0x0d0a0d0a) {
                int b = in.read();
                if (b < 0) {
                    throw new IOException("the request ended before its head did");
                }
                last4 = (last4 << 8) | b;
            }
            connection.getOutputStream().write(answer.getBytes(StandardCharsets.ISO_8859_1));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Test
    void aClientsOwnTransIdExtraIsKept() throws Exception {
        SWIFT.stubFor(get("/info").willReturn(aResponse().withStatus(200).withBody("{}")));
        send(HttpRequest.newBuilder(gateway.uri("/info")).header("X-Trans-Id-Extra", "mine"));
        assertEquals("mine", onlyRequestTo("/info").getHeader("X-Trans-Id-Extra"));
    }

    @Test
    void uploadsKeepTheirLengthAndAddNoContentType() throws Exception {
        SWIFT.stubFor(put("/v1/AUTH_test/c/notes.txt").willReturn(aResponse().withStatus(201)));
        HttpResponse<String> answer = send(HttpRequest.newBuilder(gateway.uri("/v1/AUTH_test/c/notes.txt"))
                .PUT(HttpRequest.BodyPublishers.ofString("12345")));
        assertEquals(201, answer.statusCode());
        LoggedRequest received = onlyRequestTo("/v1/AUTH_test/c/notes.txt");
        assertEquals("5", received.getHeader("Content-Length"));
        assertEquals("12345", received.getBodyAsString());
        // Swift guesses the type from the name when none is sent; an injected default would defeat that.
        assertFalse(received.containsHeader("Content-Type"), received.getHeader("Content-Type"));
        assertFalse(received.containsHeader("Transfer-Encoding"));
    }

    @Test
    void reservedMetadataNeverReachesSwiftInAnySpelling() throws Exception {
        SWIFT.stubFor(any(urlEqualTo("/v1/AUTH_test/c/o")).willReturn(aResponse().withStatus(201)));
        send(HttpRequest.newBuilder(gateway.uri("/v1/AUTH_test/c/o")).PUT(HttpRequest.BodyPublishers.ofString("x"))
                .header("X-Object-Meta-S3multi-Upload-Id", "forged").header("x-object-meta-S3MULTI-etag", "forged")
                .header("X_Object_Meta_S3multi_Parts_Count", "forged")
                .header("X-Remove-Object-Meta-S3multi-Etag", "x").header("X-Object-Meta-Color", "red")
                .header("Content-Type", "text/plain; charset=utf-8;s3multi_etag=forged-1"));
        send(HttpRequest.newBuilder(gateway.uri("/v1/AUTH_test/c/o")).POST(HttpRequest.BodyPublishers.noBody())
                .header("X-Remove-Object-Meta-S3multi-Upload-Id", "x").header("X-Object-Meta-Color", "blue"));
        for (LoggedRequest received : SWIFT.findAll(anyRequestedFor(urlEqualTo("/v1/AUTH_test/c/o")))) {
            for (String name : received.getHeaders().keys()) {
                assertFalse(name.toLowerCase(java.util.Locale.ROOT).replace('_', '-').contains("meta-s3multi"), name);
            }
            assertTrue(received.containsHeader("X-Object-Meta-Color"));
        }
        LoggedRequest put = SWIFT.findAll(putRequestedFor(urlEqualTo("/v1/AUTH_test/c/o"))).get(0);
        assertEquals("text/plain; charset=utf-8", put.getHeader("Content-Type"));
    }

    @Test
    void aCopyStoresTheReservedNamesEmptyInsteadOfTheSources() throws Exception {
        SWIFT.stubFor(any(urlEqualTo("/v1/AUTH_test/c/dst")).willReturn(aResponse().withStatus(201)));
        SWIFT.stubFor(any(urlEqualTo("/v1/AUTH_test/c/src")).willReturn(aResponse().withStatus(201)));
        send(HttpRequest.newBuilder(gateway.uri("/v1/AUTH_test/c/dst")).PUT(HttpRequest.BodyPublishers.noBody())
                .header("X-Copy-From", "c/src").header("X-Object-Meta-S3multi-Etag", "forged"));
        send(HttpRequest.newBuilder(gateway.uri("/v1/AUTH_test/c/src"))
                .method("COPY", HttpRequest.BodyPublishers.noBody()).header("Destination", "c/dst"));
        List<LoggedRequest> copies = new java.util.ArrayList<>(
                SWIFT.findAll(putRequestedFor(urlEqualTo("/v1/AUTH_test/c/dst"))));
        copies.addAll(SWIFT.findAll(new RequestPatternBuilder(RequestMethod.fromString("COPY"),
                urlEqualTo("/v1/AUTH_test/c/src"))));
        assertEquals(2, copies.size());
        for (LoggedRequest copy : copies) {
            for (String name : List.of("X-Object-Meta-S3multi-Etag", "X-Object-Meta-S3multi-Upload-Id",
                    "X-Object-Meta-S3multi-Object", "X-Object-Meta-S3multi-Checksum-Crc32")) {
                assertEquals("", copy.getHeader(name), name);
            }
        }
    }

    @Test
    void extractArchiveIsRefusedBeforeSwift() throws Exception {
        for (String query : List.of("extract-archive=tar", "extract%2Darchive=tar.gz&x=1")) {
            HttpResponse<String> answer = send(HttpRequest.newBuilder(gateway.uri("/v1/AUTH_test/c?" + query))
                    .PUT(HttpRequest.BodyPublishers.ofString("not really a tar")));
            assertEquals(400, answer.statusCode(), query);
        }
        // Only this test's path: a request of an earlier test may still be logged late (a delayed answer).
        SWIFT.verify(0, anyRequestedFor(urlPathEqualTo("/v1/AUTH_test/c")));
    }

    @Test
    void anEmptyUploadStillSaysContentLengthZero() throws Exception {
        SWIFT.stubFor(put("/v1/AUTH_test/c/empty").willReturn(aResponse().withStatus(201)));
        assertEquals(201, send(HttpRequest.newBuilder(gateway.uri("/v1/AUTH_test/c/empty"))
                .PUT(HttpRequest.BodyPublishers.noBody())).statusCode());
        SWIFT.verify(putRequestedFor(urlEqualTo("/v1/AUTH_test/c/empty")).withHeader("Content-Length", equalTo("0")));
    }

    @Test
    void everyMethodIsForwardedIncludingSwiftsCopy() throws Exception {
        SWIFT.stubFor(any(urlEqualTo("/v1/AUTH_test/c/src")).willReturn(aResponse().withStatus(201)));
        HttpResponse<String> answer = send(HttpRequest.newBuilder(gateway.uri("/v1/AUTH_test/c/src"))
                .method("COPY", HttpRequest.BodyPublishers.noBody()).header("Destination", "c/dst"));
        assertEquals(201, answer.statusCode());
        SWIFT.verify(new RequestPatternBuilder(RequestMethod.fromString("COPY"), urlEqualTo("/v1/AUTH_test/c/src"))
                .withHeader("Destination", equalTo("c/dst")));
        for (String method : List.of("DELETE", "POST", "HEAD", "OPTIONS")) {
            assertEquals(201, send(HttpRequest.newBuilder(gateway.uri("/v1/AUTH_test/c/src"))
                    .method(method, HttpRequest.BodyPublishers.noBody())).statusCode(), method);
        }
    }

    @Test
    void compressedBodiesPassAsSentWithTheirEtag() throws Exception {
        var gzipped = new java.io.ByteArrayOutputStream();
        try (var gzip = new GZIPOutputStream(gzipped)) {
            gzip.write("a compressed object".getBytes(java.nio.charset.StandardCharsets.UTF_8));
        }
        SWIFT.stubFor(get("/v1/AUTH_test/c/z").willReturn(aResponse().withStatus(200)
                .withHeader("Content-Encoding", "gzip").withHeader("Etag", "\"abc\"").withBody(gzipped.toByteArray())));
        HttpResponse<byte[]> answer = HTTP.send(HttpRequest.newBuilder(gateway.uri("/v1/AUTH_test/c/z"))
                .header("Accept-Encoding", "gzip").build(), HttpResponse.BodyHandlers.ofByteArray());
        assertArrayEquals(gzipped.toByteArray(), answer.body());
        assertEquals("gzip", answer.headers().firstValue("Content-Encoding").orElseThrow());
        assertEquals("\"abc\"", answer.headers().firstValue("Etag").orElseThrow());
    }

    @Test
    void authenticationChallengesGoBackToTheClientUntouched() throws Exception {
        SWIFT.stubFor(get("/v1/AUTH_test").willReturn(aResponse().withStatus(401)
                .withHeader("Www-Authenticate", "Swift realm=\"AUTH_test\"").withBody("<html>Unauthorized</html>")));
        HttpResponse<String> answer = send(HttpRequest.newBuilder(gateway.uri("/v1/AUTH_test")));
        assertEquals(401, answer.statusCode());
        assertEquals("Swift realm=\"AUTH_test\"", answer.headers().firstValue("Www-Authenticate").orElseThrow());
        assertEquals("<html>Unauthorized</html>", answer.body());
    }

    @Test
    void aBackendErrorPassesThroughAsItIs() throws Exception {
        SWIFT.stubFor(get("/v1/AUTH_test/c/broken").willReturn(aResponse().withStatus(500)
                .withBody("An error occurred")));
        HttpResponse<String> answer = send(HttpRequest.newBuilder(gateway.uri("/v1/AUTH_test/c/broken")));
        assertEquals(500, answer.statusCode());
        assertEquals("An error occurred", answer.body());
    }

    @Test
    void aSilentBackendGives504WithinTheIdleTimeout() throws Exception {
        SWIFT.stubFor(get("/v1/AUTH_test/c/slow").willReturn(aResponse().withStatus(200).withFixedDelay(8_000)));
        long start = System.nanoTime();
        HttpResponse<String> answer = send(HttpRequest.newBuilder(impatientGateway.uri("/v1/AUTH_test/c/slow")));
        long millis = (System.nanoTime() - start) / 1_000_000;
        assertEquals(504, answer.statusCode());
        assertEquals("Gateway Timeout: the backend did not answer in time\n", answer.body());
        assertTrue(answer.headers().firstValue("X-Trans-Id").isPresent());
        // idle_timeout is 1 s here; far below the backend's 8 s delay
        assertTrue(millis < 5_000, millis + " ms");
    }

    @Test
    void pathsOutsideTheSwiftApiAre404AndNeverReachTheBackend() throws Exception {
        for (String path : List.of("/", "/bucket", "/bucket/key", "/v1", "/v2/x", "/info/x", "/authx")) {
            HttpResponse<String> answer = send(HttpRequest.newBuilder(gateway.uri(path)));
            assertEquals(404, answer.statusCode(), path);
            assertEquals("Not Found\n", answer.body());
        }
        SWIFT.verify(0, anyRequestedFor(anyUrl()));
    }

    @Test
    void anUnreachableBackendGives502() throws Exception {
        try (var unreachable = GatewayUnderTest.start(GatewayUnderTest.config("catch_errors proxy_server",
                "filter.proxy_server.swift_url", "http://127.0.0.1:" + Ports.closed()))) {
            HttpResponse<String> answer = HTTP.send(HttpRequest.newBuilder(unreachable.uri("/auth/v1.0")).build(),
                    HttpResponse.BodyHandlers.ofString());
            assertEquals(502, answer.statusCode());
            assertEquals("Bad Gateway: the backend is unreachable\n", answer.body());
            assertNotEquals("", answer.headers().firstValue("X-Trans-Id").orElse(""));
        }
    }

    @Test
    void theSwiftAuthPrefixIsForwarded() throws Exception {
        SWIFT.stubFor(get("/auth/v1.0").willReturn(aResponse().withStatus(200)
                .withHeader("X-Storage-Url", "http://gateway.example:8080/v1/AUTH_test")
                .withHeader("X-Auth-Token", "AUTH_tk1")));
        HttpResponse<String> answer = send(HttpRequest.newBuilder(gateway.uri("/auth/v1.0"))
                .header("X-Auth-User", "test:tester").header("X-Auth-Key", "testing"));
        assertEquals(200, answer.statusCode());
        assertEquals("AUTH_tk1", answer.headers().firstValue("X-Auth-Token").orElseThrow());
        SWIFT.verify(getRequestedFor(urlEqualTo("/auth/v1.0")).withHeader("X-Auth-User", equalTo("test:tester")));
    }
}
