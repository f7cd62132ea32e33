package io.s3multi.webapp.fault;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.core.sync.RequestBody;

/**
 * Swift goes silent: it accepts the request and never answers, or stops in the middle of a body. Every wait of
 * the gateway is bounded by an idle timeout; the client gets an error, never a hang and never a short body
 * passed off as whole.
 */
class StallFaultIT extends FaultInjectionTest {

    /** The idle timeout plus the time a busy shared machine takes on top. */
    private static final Duration BOUND = Duration.ofSeconds(NATIVE_IDLE_TIMEOUT_SECONDS + 8);

    private final HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();

    @Test
    void aSilentSwiftIsGatewayTimeoutOnTheNativePathWithinItsIdleTimeout() throws Exception {
        String bucket = bucket();
        s3().putObject(b -> b.bucket(bucket).key("k"), RequestBody.fromString("native"));
        String token = nativeToken();
        proxy().when(object("GET", bucket, "k")).then(Fault.stall());

        long start = System.nanoTime();
        HttpResponse<String> answer = http.send(nativeGet(bucket, token).timeout(BOUND.plusSeconds(10)).build(),
                HttpResponse.BodyHandlers.ofString());
        Duration took = Duration.ofNanos(System.nanoTime() - start);
        System.out.println("FAULT native stall: " + answer.statusCode() + " after " + took.toMillis() + " ms");
        assertEquals(504, answer.statusCode(), answer.body());
        assertTrue(took.compareTo(BOUND) < 0, "took " + took);
    }

    @Test
    void aSwiftSilentMidDownloadCutsTheNativeDownloadWithinItsIdleTimeout() throws Exception {
        String bucket = bucket();
        long size = 2L * 1024 * 1024;
        s3().putObject(b -> b.bucket(bucket).key("k"), pattern(size, 1));
        String token = nativeToken();
        proxy().when(object("GET", bucket, "k")).then(Fault.stallInResponseBody(256 * 1024));

        long start = System.nanoTime();
        var raw = RawDownload.get(URI.create(gateway().endpoint() + "/v1/AUTH_test/" + bucket + "/k").toURL(),
                BOUND.plusSeconds(10), "X-Auth-Token: " + token);
        Duration took = Duration.ofNanos(System.nanoTime() - start);
        System.out.println("FAULT native stall mid-body: " + raw + " after " + took.toMillis() + " ms");
        assertEquals(200, raw.status());
        assertFalse(raw.complete(), raw::toString);
        assertFalse(raw.ending().equals("timeout"), "the gateway left the client waiting: " + raw);
        assertTrue(took.compareTo(BOUND) < 0, "took " + took);
    }

    private HttpRequest.Builder nativeGet(String bucket, String token) {
        return HttpRequest.newBuilder(URI.create(gateway().endpoint() + "/v1/AUTH_test/" + bucket + "/k"))
                .header("X-Auth-Token", token);
    }

    /** test:tester's Swift token, fetched through the gateway's native path. */
    private String nativeToken() throws Exception {
        HttpResponse<Void> auth = http.send(HttpRequest.newBuilder(URI.create(gateway().endpoint() + "/auth/v1.0"))
                .header("X-Auth-User", "test:tester").header("X-Auth-Key", "testing").build(),
                HttpResponse.BodyHandlers.discarding());
        assertEquals(200, auth.statusCode());
        return auth.headers().firstValue("X-Auth-Token").orElseThrow();
    }
}
