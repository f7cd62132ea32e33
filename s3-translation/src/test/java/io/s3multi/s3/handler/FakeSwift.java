package io.s3multi.s3.handler;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import io.s3multi.swift.SwiftAccount;
import io.s3multi.swift.SwiftBackend;
import io.s3multi.swift.SwiftClientConfig;
import io.s3multi.swift.auth.AuthToken;
import io.s3multi.swift.auth.FixedTokenSource;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

/**
 * A Swift account on 127.0.0.1 that answers what a test registered and records every request, so handler
 * tests can assert both the S3 answer and the exact Swift requests it cost.
 */
final class FakeSwift implements AutoCloseable {

    static final String ACCOUNT_PATH = "/v1/AUTH_test";

    /** One request as Swift received it; header names in lower case. */
    record Call(String method, String path, String query, Map<String, String> headers, byte[] body) {

        String header(String name) {
            return headers.get(name.toLowerCase(Locale.ROOT));
        }

        @Override
        public String toString() {
            return method + " " + path + (query == null ? "" : "?" + query);
        }
    }

    /** What to answer. */
    record Answer(int status, Map<String, String> headers, byte[] body) {

        static Answer of(int status, String... namesAndValues) {
            Map<String, String> headers = new LinkedHashMap<>();
            for (int i = 0; i < namesAndValues.length; i += 2) {
                headers.put(namesAndValues[i], namesAndValues[i + 1]);
            }
            return new Answer(status, headers, new byte[0]);
        }

        Answer withBody(byte[] bytes) {
            return new Answer(status, headers, bytes);
        }
    }

    private final HttpServer server;
    private final ExecutorService handlers = Executors.newCachedThreadPool();
    private final Map<String, Answer> answers = new LinkedHashMap<>();
    private final List<Call> calls = new CopyOnWriteArrayList<>();
    private final SwiftBackend backend;

    FakeSwift() throws IOException {
        server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        server.createContext("/", this::handle);
        // Concurrently, as Swift does: PutObject's HEAD runs beside its PUT, whose last byte waits for the HEAD's
        // answer. A call is recorded once its body is read, so that HEAD is always listed before that PUT.
        server.setExecutor(handlers);
        server.start();
        URI endpoint = URI.create("http://127.0.0.1:" + server.getAddress().getPort());
        backend = SwiftBackend.start(SwiftClientConfig.defaults(endpoint).withExpectContinue(false));
    }

    /** Answers {@code method} on {@code path} (relative to the account, e.g. {@code /b/k}; with a query if any). */
    FakeSwift on(String method, String path, Answer answer) {
        answers.put(method + " " + ACCOUNT_PATH + path, answer);
        return this;
    }

    SwiftAccount account() {
        return backend.account(new FixedTokenSource(new AuthToken("tk", URI.create(
                "http://127.0.0.1:" + server.getAddress().getPort() + ACCOUNT_PATH), null)));
    }

    /** Every request received, in order, as {@code METHOD path[?query]} relative to the account. */
    List<String> requests() {
        List<String> described = new ArrayList<>();
        for (Call call : calls) {
            described.add(call.toString().replace(ACCOUNT_PATH, ""));
        }
        return described;
    }

    List<Call> calls() {
        return calls;
    }

    private void handle(HttpExchange exchange) throws IOException {
        byte[] body = exchange.getRequestBody().readAllBytes();
        Map<String, String> headers = new LinkedHashMap<>();
        exchange.getRequestHeaders().forEach((name, values) -> headers.put(name.toLowerCase(Locale.ROOT),
                String.join(",", values)));
        String path = exchange.getRequestURI().getRawPath();
        String query = exchange.getRequestURI().getRawQuery();
        calls.add(new Call(exchange.getRequestMethod(), path, query, headers, body));
        Answer answer = answers.get(exchange.getRequestMethod() + " " + path + (query == null ? "" : "?" + query));
        if (answer == null) {
            answer = Answer.of(404);
        }
        answer.headers().forEach((name, value) -> exchange.getResponseHeaders().add(name, value));
        boolean noBody = exchange.getRequestMethod().equals("HEAD") || answer.body().length == 0;
        if (exchange.getRequestMethod().equals("HEAD") && answer.headers().containsKey("Content-Length")) {
            exchange.sendResponseHeaders(answer.status(), -1);
        } else {
            exchange.sendResponseHeaders(answer.status(), noBody ? -1 : answer.body().length);
        }
        try (OutputStream out = exchange.getResponseBody()) {
            if (!noBody) {
                out.write(answer.body());
            }
        }
    }

    @Override
    public void close() {
        backend.close();
        server.stop(0);
        handlers.shutdownNow();
    }
}
