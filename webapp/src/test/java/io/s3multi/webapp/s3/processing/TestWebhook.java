package io.s3multi.webapp.s3.processing;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Executors;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;

/**
 * A tiny webhook on 127.0.0.1: answers each POST with the next scripted answer (the last one repeats), records
 * the JSON it was sent, and can hold requests until released.
 */
public final class TestWebhook implements AutoCloseable {

    /** One answer: an HTTP status and a body ({@code null}: the connection is closed without an answer). */
    public record Answer(int status, String body) {

        public static Answer action(String action) {
            return new Answer(200, "{\"action\":\"" + action + "\",\"reason\":\"the test's webhook said " + action
                    + "\"}");
        }
    }

    private static final ObjectMapper JSON = new ObjectMapper();

    private final HttpServer server;
    private final BlockingQueue<Answer> script = new LinkedBlockingQueue<>();
    private final List<JsonNode> received = new CopyOnWriteArrayList<>();
    private final CountDownLatch firstRequest = new CountDownLatch(1);
    private volatile CountDownLatch hold = new CountDownLatch(0);
    private volatile Answer last = Answer.action("continue");

    private TestWebhook(HttpServer server) {
        this.server = server;
    }

    public static TestWebhook start(Answer... answers) throws IOException {
        HttpServer server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        TestWebhook webhook = new TestWebhook(server);
        webhook.script.addAll(List.of(answers));
        server.createContext("/", webhook::answer);
        server.setExecutor(Executors.newCachedThreadPool());
        server.start();
        return webhook;
    }

    /** Forgets what was received and answers {@code answers} from now on. */
    public void script(Answer... answers) {
        script.clear();
        received.clear();
        last = Answer.action("continue");
        script.addAll(List.of(answers));
    }

    public String url() {
        return "http://127.0.0.1:" + server.getAddress().getPort() + "/hook";
    }

    /** Requests from now on wait (at most 2 minutes) until {@link #release()}. */
    public void holdRequests() {
        hold = new CountDownLatch(1);
    }

    public void release() {
        hold.countDown();
    }

    public boolean awaitFirstRequest(long seconds) throws InterruptedException {
        return firstRequest.await(seconds, TimeUnit.SECONDS);
    }

    public List<JsonNode> received() {
        return List.copyOf(received);
    }

    private void answer(HttpExchange exchange) throws IOException {
        try (exchange) {
            received.add(JSON.readTree(exchange.getRequestBody().readAllBytes()));
            firstRequest.countDown();
            try {
                hold.await(2, TimeUnit.MINUTES);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            }
            Answer answer = script.poll();
            if (answer == null) {
                answer = last;
            } else {
                last = answer;
            }
            if (answer.body() == null) {
                return;  // closed without an answer
            }
            byte[] body = answer.body().getBytes(StandardCharsets.UTF_8);
            exchange.getResponseHeaders().add("Content-Type", "application/json");
            exchange.sendResponseHeaders(answer.status(), body.length == 0 ? -1 : body.length);
            try (OutputStream out = exchange.getResponseBody()) {
                out.write(body);
            }
        }
    }

    @Override
    public void close() {
        release();
        server.stop(0);
    }
}
