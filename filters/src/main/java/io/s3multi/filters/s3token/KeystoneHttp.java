package io.s3multi.filters.s3token;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.s3multi.swift.http.HttpClientBuilder;
import java.io.Closeable;
import java.io.IOException;
import java.net.URI;
import java.time.Duration;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicLong;
import org.eclipse.jetty.client.ContentResponse;
import org.eclipse.jetty.client.HttpClient;
import org.eclipse.jetty.client.Request;
import org.eclipse.jetty.client.StringRequestContent;
import org.eclipse.jetty.http.HttpMethod;

/**
 * Small JSON requests to Keystone's identity API over Jetty HttpClient (built by {@link HttpClientBuilder}, like
 * the gateway's other clients), each bounded by a connect timeout and a total request timeout, so that a dead or
 * stuck Keystone costs an S3 request at most that long and never a hang.
 *
 * <p>Every request is counted ({@link #requestsSent()}): tests prove with it how rarely the gateway asks Keystone.
 * Keystone's answers are small documents, read whole (at most {@value #MAX_ANSWER_BYTES} bytes).
 */
final class KeystoneHttp implements Closeable {

    static final int MAX_ANSWER_BYTES = 1 << 20;

    /** One answer: status, the {@code X-Subject-Token} header when present, the JSON body (possibly empty). */
    record Answer(int status, String subjectToken, JsonNode json) {
    }

    private static final ObjectMapper JSON = new ObjectMapper();

    private final URI authUrl;
    private final Duration requestTimeout;
    private final HttpClient client;
    private final AtomicLong requestsSent = new AtomicLong();

    KeystoneHttp(URI authUrl, Duration connectTimeout, Duration requestTimeout) {
        this.authUrl = authUrl;
        this.requestTimeout = requestTimeout;
        try {
            // Keystone's 401 carries WWW-Authenticate: the builder leaves it to us, an answer, not a challenge.
            this.client = HttpClientBuilder.named("keystone-client@" + authUrl.getAuthority())
                    .threads(16, 2)
                    .connectTimeout(connectTimeout)
                    .start();
        } catch (Exception e) {
            throw new IllegalStateException("cannot start the Keystone HTTP client", e);
        }
    }

    /** {@code POST <auth_url><path>} with a JSON body, optionally with {@code X-Auth-Token}. */
    Answer post(String path, JsonNode body, String authToken) throws KeystoneUnavailableException {
        Request request = client.newRequest(authUrl + path).method(HttpMethod.POST)
                .body(new StringRequestContent("application/json", body.toString()));
        return send(request, authToken);
    }

    /** {@code GET <auth_url><path>} with {@code X-Auth-Token}. */
    Answer get(String path, String authToken) throws KeystoneUnavailableException {
        return send(client.newRequest(authUrl + path).method(HttpMethod.GET), authToken);
    }

    /** How many requests this client sent to Keystone since it started (answered or not). */
    long requestsSent() {
        return requestsSent.get();
    }

    /** A JSON object node to fill in. */
    static com.fasterxml.jackson.databind.node.ObjectNode object() {
        return JSON.createObjectNode();
    }

    private Answer send(Request request, String authToken) throws KeystoneUnavailableException {
        request.headers(headers -> {
            headers.put("Accept", "application/json");
            if (authToken != null) {
                headers.put("X-Auth-Token", authToken);
            }
        }).timeout(requestTimeout.toMillis(), TimeUnit.MILLISECONDS);
        requestsSent.incrementAndGet();
        ContentResponse response;
        try {
            response = request.send();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new KeystoneUnavailableException("interrupted while asking Keystone", e);
        } catch (TimeoutException e) {
            throw new KeystoneUnavailableException("Keystone did not answer " + request.getMethod() + " "
                    + request.getPath() + " within " + requestTimeout.toMillis() + " ms", e);
        } catch (ExecutionException e) {
            throw new KeystoneUnavailableException("Keystone unreachable for " + request.getMethod() + " "
                    + request.getPath() + ": " + e.getCause(), e.getCause());
        }
        if (response.getStatus() >= 500) {
            throw new KeystoneUnavailableException("Keystone answered " + response.getStatus() + " to "
                    + request.getMethod() + " " + request.getPath());
        }
        String text = response.getContentAsString();
        JsonNode json;
        try {
            json = text == null || text.isBlank() ? JSON.createObjectNode() : JSON.readTree(text);
        } catch (IOException e) {
            throw new KeystoneUnavailableException("Keystone answered " + response.getStatus()
                    + " with a body that is not JSON", e);
        }
        return new Answer(response.getStatus(), response.getHeaders().get("X-Subject-Token"), json);
    }

    @Override
    public void close() {
        try {
            client.stop();
        } catch (Exception e) {
            throw new IllegalStateException("cannot stop the Keystone HTTP client", e);
        }
    }
}
