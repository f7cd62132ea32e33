package io.s3multi.filters.s3token;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
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
import org.eclipse.jetty.client.ProxyAuthenticationProtocolHandler;
import org.eclipse.jetty.client.RedirectProtocolHandler;
import org.eclipse.jetty.client.Request;
import org.eclipse.jetty.client.StringRequestContent;
import org.eclipse.jetty.client.WWWAuthenticationProtocolHandler;
import org.eclipse.jetty.client.transport.HttpClientTransportOverHTTP;
import org.eclipse.jetty.http.HttpCookieStore;
import org.eclipse.jetty.http.HttpMethod;
import org.eclipse.jetty.io.ClientConnector;
import org.eclipse.jetty.util.thread.QueuedThreadPool;

/**
 * Small JSON requests to Keystone's identity API over Jetty HttpClient, each bounded by a connect timeout and a
 * total request timeout, so that a dead or stuck Keystone costs an S3 request at most that long and never a hang.
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
        QueuedThreadPool threads = new QueuedThreadPool(16, 2);
        threads.setName("keystone-client@" + authUrl.getAuthority());
        threads.setDaemon(true);
        ClientConnector connector = new ClientConnector();
        connector.setExecutor(threads);
        connector.setConnectTimeout(connectTimeout);
        this.client = new HttpClient(new HttpClientTransportOverHTTP(connector));
        client.setExecutor(threads);
        client.setConnectTimeout(connectTimeout.toMillis());
        client.setFollowRedirects(false);
        client.setHttpCookieStore(new HttpCookieStore.Empty());
        try {
            client.start();
        } catch (Exception e) {
            throw new IllegalStateException("cannot start the Keystone HTTP client", e);
        }
        // Keystone's 401 carries WWW-Authenticate; it is an answer for us, not a challenge to act on.
        client.getProtocolHandlers().remove(WWWAuthenticationProtocolHandler.NAME);
        client.getProtocolHandlers().remove(ProxyAuthenticationProtocolHandler.NAME);
        client.getProtocolHandlers().remove(RedirectProtocolHandler.NAME);
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
