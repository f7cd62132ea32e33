package io.s3multi.webapp.s3.multipart;

import io.s3multi.webapp.s3.S3TestGateway;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;

/**
 * The native Swift API as a Swift client sees it through the gateway's {@code proxy_server} stage: a token from
 * the gateway's {@code /auth/v1.0}, then requests to {@code /v1/AUTH_test/...} on the gateway's port, with any
 * header a client may send.
 */
public final class NativeSwiftThroughGateway {

    private static final Duration TIMEOUT = Duration.ofSeconds(30);

    private final S3TestGateway gateway;
    private final HttpClient http = HttpClient.newBuilder().connectTimeout(TIMEOUT).build();
    private final String token;

    public NativeSwiftThroughGateway(S3TestGateway gateway) throws IOException, InterruptedException {
        this.gateway = gateway;
        HttpResponse<Void> auth = http.send(HttpRequest.newBuilder(gateway.uri("/auth/v1.0")).timeout(TIMEOUT)
                .header("X-Auth-User", S3TestGateway.TESTER).header("X-Auth-Key", S3TestGateway.TESTER_KEY)
                .GET().build(), HttpResponse.BodyHandlers.discarding());
        if (auth.statusCode() != 200) {
            throw new AssertionError("native auth through the gateway answered " + auth.statusCode());
        }
        token = auth.headers().firstValue("X-Auth-Token").orElseThrow();
    }

    /**
     * Sends {@code method} to {@code /v1/AUTH_test/<pathAndQuery>} with a body and header pairs; returns the
     * status (and the body as text for failures).
     */
    public HttpResponse<String> send(String method, String pathAndQuery, byte[] body, String... headers)
            throws IOException, InterruptedException {
        HttpRequest.Builder request = HttpRequest.newBuilder(gateway.uri("/v1/AUTH_test/" + pathAndQuery))
                .timeout(TIMEOUT).header("X-Auth-Token", token)
                .method(method, body == null ? HttpRequest.BodyPublishers.noBody()
                        : HttpRequest.BodyPublishers.ofByteArray(body));
        for (int i = 0; i < headers.length; i += 2) {
            request.header(headers[i], headers[i + 1]);
        }
        return http.send(request.build(), HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
    }

    /** {@link #send} that requires a 2xx answer. */
    public HttpResponse<String> ok(String method, String pathAndQuery, byte[] body, String... headers)
            throws IOException, InterruptedException {
        HttpResponse<String> response = send(method, pathAndQuery, body, headers);
        if (response.statusCode() / 100 != 2) {
            throw new AssertionError(method + " " + pathAndQuery + " answered " + response.statusCode() + ": "
                    + response.body());
        }
        return response;
    }
}
