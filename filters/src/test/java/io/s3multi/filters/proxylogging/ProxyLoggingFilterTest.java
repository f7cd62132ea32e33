package io.s3multi.filters.proxylogging;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.s3multi.filters.testing.GatewayUnderTest;
import io.s3multi.filters.testing.Ports;
import io.s3multi.filters.testing.TestStages;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class ProxyLoggingFilterTest {

    private static final HttpClient HTTP = HttpClient.newHttpClient();

    private static GatewayUnderTest gateway;
    private final LinkedBlockingQueue<AccessRecord> records = new LinkedBlockingQueue<>();
    private final Consumer<AccessRecord> listener = records::add;

    @BeforeAll
    static void start() throws Exception {
        gateway = GatewayUnderTest.start(GatewayUnderTest.config("catch_errors proxy_logging healthcheck trouble"
                + " proxy_server", "filter.proxy_server.swift_url", "http://127.0.0.1:" + Ports.closed()),
                TestStages.trouble());
    }

    @AfterAll
    static void stop() throws Exception {
        gateway.close();
    }

    @BeforeEach
    void listen() {
        logging().addListener(listener);
    }

    @AfterEach
    void stopListening() {
        logging().removeListener(listener);
    }

    private static ProxyLoggingFilter logging() {
        return gateway.pipeline().filter("proxy_logging", ProxyLoggingFilter.class);
    }

    private AccessRecord next() throws InterruptedException {
        AccessRecord record = records.poll(5, TimeUnit.SECONDS);
        assertTrue(record != null, "no access record");
        return record;
    }

    @Test
    void recordsWhatMovedWhoAskedAndWhatItWas() throws Exception {
        byte[] body = new byte[1000];
        HttpResponse<String> answer = HTTP.send(HttpRequest.newBuilder(gateway.uri("/echo-uri/a%2Fb?as"))
                .PUT(HttpRequest.BodyPublishers.ofByteArray(body)).build(), HttpResponse.BodyHandlers.ofString());
        assertEquals("/echo-uri/a%2Fb read=1000", answer.body());
        AccessRecord record = next();
        assertEquals("PUT", record.method());
        assertEquals("/echo-uri/a%2Fb", record.rawPath());
        assertEquals("as", record.rawQuery());
        assertEquals(200, record.status());
        assertEquals(1000, record.bytesIn());
        assertEquals(answer.body().getBytes(StandardCharsets.UTF_8).length, record.bytesOut());
        assertEquals("127.0.0.1", record.client());
        assertEquals(answer.headers().firstValue("X-Trans-Id").orElseThrow(), record.transId());
        assertEquals("PutObject", record.s3Operation());
        assertEquals("test:tester", record.user());
        assertTrue(record.toLogLine().endsWith(" PUT /echo-uri/a%2Fb?as 200 1000 " + record.bytesOut() + " "
                + record.duration().toMillis() + "ms " + record.transId() + " PutObject test:tester - -"),
                record.toLogLine());
    }

    @Test
    void bodyBytesNotReadAreNotCounted() throws Exception {
        // healthcheck answers without reading what the client sent
        HTTP.send(HttpRequest.newBuilder(gateway.uri("/healthcheck")).method("GET",
                HttpRequest.BodyPublishers.ofByteArray(new byte[5000])).build(), HttpResponse.BodyHandlers.ofString());
        AccessRecord record = next();
        assertEquals(0, record.bytesIn());
        assertEquals(2, record.bytesOut());
        assertNull(record.s3Operation());
        assertTrue(record.toLogLine().endsWith(" - -"), record.toLogLine());
    }

    @Test
    void bytesWrittenThroughTheWriterAreCountedEncoded() throws Exception {
        HttpResponse<String> answer = HTTP.send(HttpRequest.newBuilder(gateway.uri("/writer")).build(),
                HttpResponse.BodyHandlers.ofString());
        assertEquals("\u00e4\u00f6\u00fc", answer.body());
        assertEquals(6, next().bytesOut());
    }

    @Test
    void anEscapedExceptionIsLoggedAs500() throws Exception {
        assertEquals(500, HTTP.send(HttpRequest.newBuilder(gateway.uri("/explode")).build(),
                HttpResponse.BodyHandlers.ofString()).statusCode());
        assertEquals(500, next().status());
    }

    @Test
    void signaturesInTheQueryAreNotLogged() throws Exception {
        HTTP.send(HttpRequest.newBuilder(gateway.uri("/healthcheck?X-Amz-Credential=AKID%2F20260101&"
                + "X-Amz-Signature=deadbeef&temp_url_sig=cafe&x=1")).build(), HttpResponse.BodyHandlers.ofString());
        assertEquals("X-Amz-Credential=AKID%2F20260101&X-Amz-Signature=***&temp_url_sig=***&x=1", next().rawQuery());
    }

    @Test
    void theClientIsTheConnectionsAddressWhateverXForwardedForSays() throws Exception {
        HTTP.send(HttpRequest.newBuilder(gateway.uri("/healthcheck")).header("X-Forwarded-For", "203.0.113.9").build(),
                HttpResponse.BodyHandlers.ofString());
        assertEquals("127.0.0.1", next().client());
    }

    @Test
    void behindATrustedProxyTheClientIsTheOneItNames() throws Exception {
        try (GatewayUnderTest proxied = GatewayUnderTest.start(GatewayUnderTest.config(
                "catch_errors proxy_logging healthcheck proxy_server", "filter.proxy_logging.trusted_proxies",
                "127.0.0.1", "filter.proxy_server.swift_url", "http://127.0.0.1:" + Ports.closed()))) {
            var forwarded = new LinkedBlockingQueue<AccessRecord>();
            proxied.pipeline().filter("proxy_logging", ProxyLoggingFilter.class).addListener(forwarded::add);
            HTTP.send(HttpRequest.newBuilder(proxied.uri("/healthcheck"))
                    .header("X-Forwarded-For", "192.0.2.66, 203.0.113.9").build(), HttpResponse.BodyHandlers.ofString());
            AccessRecord record = forwarded.poll(5, TimeUnit.SECONDS);
            assertTrue(record != null, "no access record");
            assertEquals("203.0.113.9", record.client());
        }
    }

    @Test
    void theLineGoesToTheAccessLogger() throws Exception {
        // slf4j-simple (the test binding) writes to System.err as it is at the time of each call
        PrintStream original = System.err;
        var captured = new ByteArrayOutputStream();
        System.setErr(new PrintStream(captured, true, StandardCharsets.UTF_8));
        AccessRecord record;
        try {
            HTTP.send(HttpRequest.newBuilder(gateway.uri("/healthcheck")).build(),
                    HttpResponse.BodyHandlers.ofString());
            record = next();
            assertTrue(logging().flushAccessLog(Duration.ofSeconds(5)), "the line was not written in 5 s");
        } finally {
            System.setErr(original);
        }
        String log = captured.toString(StandardCharsets.UTF_8);
        assertTrue(log.contains("INFO s3multi.access - " + record.toLogLine()), log);
    }
}
