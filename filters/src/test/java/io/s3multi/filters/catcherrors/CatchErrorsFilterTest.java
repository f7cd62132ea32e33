package io.s3multi.filters.catcherrors;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.s3multi.filters.testing.GatewayUnderTest;
import io.s3multi.filters.testing.Ports;
import io.s3multi.filters.testing.TestStages;
import java.io.IOException;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

class CatchErrorsFilterTest {

    private static final Pattern TRANS_ID = Pattern.compile("tx[0-9a-f]{21}-[0-9a-f]{10}-gw1");
    private static final HttpClient HTTP = HttpClient.newHttpClient();

    private static GatewayUnderTest gateway;

    @BeforeAll
    static void start() throws Exception {
        gateway = GatewayUnderTest.start(GatewayUnderTest.config("catch_errors proxy_logging healthcheck trouble"
                + " proxy_server", "filter.catch_errors.trans_id_suffix", "-gw1",
                "filter.proxy_server.swift_url", "http://127.0.0.1:" + Ports.closed()), TestStages.trouble());
    }

    @AfterAll
    static void stop() throws Exception {
        gateway.close();
    }

    private static HttpResponse<String> get(String path) throws Exception {
        return HTTP.send(HttpRequest.newBuilder(gateway.uri(path)).build(), HttpResponse.BodyHandlers.ofString());
    }

    private static String assertTransactionHeaders(HttpResponse<?> answer) {
        String transId = answer.headers().firstValue("X-Trans-Id").orElseThrow();
        assertTrue(TRANS_ID.matcher(transId).matches(), transId);
        assertEquals(transId, answer.headers().firstValue("x-amz-request-id").orElseThrow());
        return transId;
    }

    @Test
    void successCarriesTheTransactionId() throws Exception {
        HttpResponse<String> answer = get("/healthcheck");
        assertEquals(200, answer.statusCode());
        assertTransactionHeaders(answer);
    }

    @Test
    void notFoundCarriesTheTransactionId() throws Exception {
        HttpResponse<String> answer = get("/no/such/thing");
        assertEquals(404, answer.statusCode());
        assertTransactionHeaders(answer);
    }

    @Test
    void eachRequestGetsItsOwnId() throws Exception {
        String first = assertTransactionHeaders(get("/healthcheck"));
        assertNotEquals(first, assertTransactionHeaders(get("/healthcheck")));
    }

    @Test
    void anEscapedExceptionOfAnS3RequestBecomesAnS3InternalError() throws Exception {
        HttpResponse<String> answer = get("/explode");
        assertEquals(500, answer.statusCode());
        String transId = assertTransactionHeaders(answer);
        assertEquals("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<Error><Code>InternalError</Code><Message>We"
                + " encountered an internal error. Please try again.</Message><RequestId>" + transId
                + "</RequestId></Error>", answer.body());
        assertEquals("application/xml", answer.headers().firstValue("Content-Type").orElseThrow());
    }

    @Test
    void anEscapedExceptionBecomesA500WithoutStackTrace() throws Exception {
        HttpResponse<String> answer = get("/v1/explode");
        assertEquals(500, answer.statusCode());
        String transId = assertTransactionHeaders(answer);
        assertEquals("Internal Server Error (transaction " + transId + ")\n", answer.body());
        assertEquals("text/plain;charset=utf-8", answer.headers().firstValue("Content-Type").orElseThrow());
    }

    @Test
    void aFailureAfterCommitAbortsTheConnectionInsteadOfWritingGarbage() {
        // The stage promised 1,000,000 bytes and sent 100,000: the client must see a broken response.
        var e = assertThrows(IOException.class, () -> HTTP.send(
                HttpRequest.newBuilder(gateway.uri("/explode-late")).build(), HttpResponse.BodyHandlers.ofByteArray()));
        assertFalse(e.getMessage() != null && e.getMessage().contains("Internal Server Error"), e.toString());
    }

    @Test
    void headersSurviveALaterStageResettingTheResponse() throws Exception {
        HttpResponse<String> answer = get("/reset-then-answer");
        assertEquals(200, answer.statusCode());
        assertEquals("answered after a reset", answer.body());
        assertTrue(answer.headers().firstValue("X-Before-Reset").isEmpty());
        assertTransactionHeaders(answer);
    }
}
