package io.s3multi.s3.testing;

import static io.s3multi.s3.testing.SwiftStore.JSON;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import io.s3multi.s3.multipart.SegmentFreeBuckets;
import io.s3multi.swift.SwiftAccount;
import io.s3multi.swift.SwiftBackend;
import io.s3multi.swift.SwiftClientConfig;
import io.s3multi.swift.auth.AuthToken;
import io.s3multi.swift.auth.FixedTokenSource;
import io.s3multi.swift.container.ListingQuery;
import io.s3multi.swift.container.ObjectEntry;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Consumer;
import java.util.function.Predicate;

/**
 * A Swift account for tests: objects in memory ({@link SwiftStore}), served on 127.0.0.1 once a test asks for the
 * {@link #account()}, with every request recorded, so a test can assert both the S3 answer and the exact Swift
 * requests it cost.
 *
 * <p>Over HTTP it behaves as the gateway relies on: container HEAD, PUT, POST and DELETE; object PUT (into an
 * existing container, with {@code If-None-Match: *} and {@code X-Copy-From}), GET (SLO manifests read as the
 * concatenation of their segments, or listed with {@code ?multipart-manifest=get}; {@code If-Match}), HEAD, POST
 * of metadata, DELETE; JSON listings; bulk delete; SLO manifest PUT with or without {@code heartbeat=on}
 * (segments checked to exist). Requests are served concurrently, as Swift serves them: PutObject's HEAD runs
 * beside its PUT, whose last byte waits for the HEAD's answer, and a hook may make requests of its own. A request
 * is recorded once its body is read, so that HEAD is always listed before that PUT.
 *
 * <p>A test can script a request's answer instead ({@link #on}), make Swift fail ({@link #failing}) and make an
 * interleaving happen ({@link #after}: an action run once right after the first request that matches is
 * handled, before the answer goes out, as if another request had come in between).
 */
public final class FakeSwift implements AutoCloseable {

    public static final String ACCOUNT_PATH = "/v1/AUTH_test";
    private static final String LISTING_TIME = "2026-11-21T12:00:00.000000";
    private static final String HTTP_DATE = "Sat, 21 Nov 2026 12:00:00 GMT";

    /** One request as Swift received it: raw path and query; header names in lower case. */
    public record Call(String method, String path, String query, Map<String, String> headers, byte[] body) {

        public String header(String name) {
            return headers.get(name.toLowerCase(Locale.ROOT));
        }

        @Override
        public String toString() {
            return method + " " + path + (query == null ? "" : "?" + query);
        }
    }

    /** A request as {@link #requests} describes it, and when it came ({@link System#nanoTime()}). */
    public record Sent(String request, long nanoTime) {
    }

    /** What to answer. */
    public record Answer(int status, Map<String, String> headers, byte[] body) {

        public static Answer of(int status, String... namesAndValues) {
            Map<String, String> headers = new LinkedHashMap<>();
            for (int i = 0; i < namesAndValues.length; i += 2) {
                headers.put(namesAndValues[i], namesAndValues[i + 1]);
            }
            return new Answer(status, headers, new byte[0]);
        }

        static Answer json(int status, JsonNode document) throws IOException {
            return of(status, "Content-Type", "application/json").withBody(JSON.writeValueAsBytes(document));
        }

        public Answer withBody(byte[] bytes) {
            return new Answer(status, headers, bytes);
        }
    }

    private record Hook(Predicate<String> request, Consumer<FakeSwift> action) {
    }

    private record Fault(Predicate<String> request, int status, AtomicInteger times) {
    }

    private final SwiftStore store = new SwiftStore();
    private final Map<String, Answer> scripted = new LinkedHashMap<>();
    private final List<Call> calls = new CopyOnWriteArrayList<>();
    private final List<String> requests = new CopyOnWriteArrayList<>();
    private final List<Sent> sent = new CopyOnWriteArrayList<>();
    private final List<Hook> hooks = new CopyOnWriteArrayList<>();
    private final List<Fault> faults = new CopyOnWriteArrayList<>();
    private ExecutorService handlers;
    private HttpServer server;
    private SwiftBackend backend;

    /** The objects behind the account; tests that need no HTTP use it alone. */
    public SwiftStore store() {
        return store;
    }

    /** The account, served from now on. */
    public synchronized SwiftAccount account() {
        if (server == null) {
            start();
        }
        return backend.account(new FixedTokenSource(new AuthToken("tk", URI.create(endpoint() + ACCOUNT_PATH),
                null)));
    }

    /** Answers {@code method} on {@code path} (relative to the account, e.g. {@code /b/k}; with a query if any). */
    public FakeSwift on(String method, String path, Answer answer) {
        scripted.put(method + " " + ACCOUNT_PATH + path, answer);
        return this;
    }

    /**
     * Runs {@code action} once, right after the first request described as {@code METHOD /container/object}
     * (decoded, no query) is handled and before it is answered.
     */
    public FakeSwift after(String request, Consumer<FakeSwift> action) {
        return afterFirst(request::equals, action);
    }

    /** Runs {@code action} once, right after the first request whose description matches is handled. */
    public FakeSwift afterFirst(Predicate<String> request, Consumer<FakeSwift> action) {
        hooks.add(new Hook(request, action));
        return this;
    }

    /**
     * Answers the next {@code times} requests whose description matches with {@code status}, without acting on
     * them, as a failing Swift would. The bulk delete is described as {@code POST } (no path).
     */
    public FakeSwift failing(Predicate<String> request, int status, int times) {
        faults.add(new Fault(request, status, new AtomicInteger(times)));
        return this;
    }

    /** Creates a container (objects put by a test create theirs). */
    public FakeSwift createContainer(String container) {
        store.createContainer(container);
        return this;
    }

    /** Stores an object (see {@link SwiftStore#put(String, String, byte[], String, Map)}). */
    public void put(String container, String object, byte[] body, String contentType, Map<String, String> meta) {
        store.put(container, object, body, contentType, meta);
    }

    /** Stores a manifest (see {@link SwiftStore#putManifest}). */
    public void putManifest(String container, String object, List<String> segments, Map<String, String> meta) {
        store.putManifest(container, object, segments, meta);
    }

    public SwiftStore.StoredObject get(String container, String object) {
        return store.get(container, object);
    }

    public void delete(String container, String object) {
        store.delete(container, object);
    }

    /** The names stored in a container, in order. */
    public List<String> names(String container) {
        return store.names(container);
    }

    /** Every request received under the account, in order. */
    public List<Call> calls() {
        return calls;
    }

    /** Every request as {@code METHOD /container/object} (decoded, no query), in order. */
    public List<String> requests() {
        return requests;
    }

    /** Every request with the time it came, in order. */
    public List<Sent> sent() {
        return sent;
    }

    public static String md5(byte[] bytes) {
        return SwiftStore.md5(bytes);
    }

    private void start() {
        // Tests list every request: PutObjects look at their key, as they did before buckets were known segment-free.
        SegmentFreeBuckets.trustForTests(java.time.Duration.ZERO);
        handlers = Executors.newCachedThreadPool(r -> {
            Thread thread = new Thread(r, "fake-swift");
            thread.setDaemon(true);
            return thread;
        });
        try {
            server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        server.createContext("/", this::handle);
        server.setExecutor(handlers);
        server.start();
        backend = SwiftBackend.start(SwiftClientConfig.defaults(endpoint()).withExpectContinue(false));
    }

    private URI endpoint() {
        return URI.create("http://127.0.0.1:" + server.getAddress().getPort());
    }

    private void handle(HttpExchange exchange) throws IOException {
        byte[] body = exchange.getRequestBody().readAllBytes();
        String method = exchange.getRequestMethod();
        String rawPath = exchange.getRequestURI().getRawPath();
        String rawQuery = exchange.getRequestURI().getRawQuery();
        if (!rawPath.startsWith(ACCOUNT_PATH)) {
            // /info: no limits worth telling, the client keeps Swift's defaults
            send(exchange, method, Answer.json(200, JSON.createObjectNode()));
            return;
        }
        Map<String, String> headers = new LinkedHashMap<>();
        exchange.getRequestHeaders().forEach((name, values) -> headers.put(name.toLowerCase(Locale.ROOT),
                String.join(",", values)));
        Call call = new Call(method, rawPath, rawQuery, headers, body);
        calls.add(call);
        String path = decode(rawPath.substring(ACCOUNT_PATH.length()));
        String described = method + " " + path;
        requests.add(described);
        sent.add(new Sent(described, System.nanoTime()));
        Answer answer = scripted.get(call.toString());
        for (Fault fault : faults) {
            if (answer == null && fault.request().test(described) && fault.times().getAndDecrement() > 0) {
                answer = Answer.of(fault.status());
            }
        }
        if (answer == null) {
            synchronized (this) {
                answer = new SwiftSemantics(store, call, path, query(rawQuery)).answer();
            }
        }
        for (Hook hook : hooks) {
            if (hook.request().test(described) && hooks.remove(hook)) {
                hook.action().accept(this);
            }
        }
        send(exchange, method, answer);
    }

    private static void send(HttpExchange exchange, String method, Answer answer) throws IOException {
        answer.headers().forEach((name, value) -> exchange.getResponseHeaders().add(name, value));
        boolean noBody = method.equals("HEAD") || answer.body().length == 0;
        exchange.sendResponseHeaders(answer.status(), noBody ? -1 : answer.body().length);
        try (OutputStream out = exchange.getResponseBody()) {
            if (!noBody) {
                out.write(answer.body());
            }
        }
    }

    private static String decode(String raw) {
        return URLDecoder.decode(raw.replace("+", "%2B"), StandardCharsets.UTF_8);
    }

    private static Map<String, String> query(String raw) {
        Map<String, String> query = new LinkedHashMap<>();
        if (raw != null) {
            for (String pair : raw.split("&")) {
                int equals = pair.indexOf('=');
                String name = equals < 0 ? pair : pair.substring(0, equals);
                String value = equals < 0 ? "" : pair.substring(equals + 1);
                query.put(URLDecoder.decode(name, StandardCharsets.UTF_8),
                        URLDecoder.decode(value, StandardCharsets.UTF_8));
            }
        }
        return query;
    }

    @Override
    public synchronized void close() {
        if (server != null) {
            backend.close();
            server.stop(0);
            handlers.shutdownNow();
        }
    }

    /** What Swift does with one request to the store. */
    private record SwiftSemantics(SwiftStore store, Call call, String path, Map<String, String> query) {

        Answer answer() throws IOException {
            if (path.isEmpty() || path.equals("/")) {
                return query.containsKey("bulk-delete") ? bulkDelete() : Answer.of(400);
            }
            String name = path.substring(1);
            int slash = name.indexOf('/');
            return slash < 0 ? container(name) : object(name.substring(0, slash), name.substring(slash + 1));
        }

        private Answer container(String container) throws IOException {
            return switch (call.method()) {
                case "GET" -> store.hasContainer(container) ? listing(container) : Answer.of(404);
                case "HEAD", "POST" -> Answer.of(store.hasContainer(container) ? 204 : 404);
                case "PUT" -> Answer.of(store.createContainer(container) ? 201 : 202);
                case "DELETE" -> Answer.of(store.deleteContainer(container));
                default -> Answer.of(405);
            };
        }

        private Answer object(String container, String object) throws IOException {
            SwiftStore.StoredObject stored = store.get(container, object);
            return switch (call.method()) {
                case "HEAD", "GET" -> {
                    if (stored == null) {
                        yield Answer.of(404);
                    }
                    if (call.method().equals("GET") && stored.slo()
                            && "get".equals(query.get("multipart-manifest"))) {
                        yield manifestListing(stored);
                    }
                    byte[] content = call.method().equals("GET") ? store.read(stored) : new byte[0];
                    String ifMatch = call.header("If-Match");
                    if (ifMatch != null && !ifMatch.replace("\"", "").equals(stored.etag())) {
                        yield Answer.of(412);
                    }
                    yield new Answer(200, headersOf(stored), content);
                }
                case "DELETE" -> Answer.of(store.delete(container, object) ? 204 : 404);
                case "POST" -> {
                    if (stored == null) {
                        yield Answer.of(404);
                    }
                    store.store(container, object, new SwiftStore.StoredObject(stored.body(), stored.etag(),
                            call.header("Content-Type"), meta(), stored.slo()));
                    yield Answer.of(202);
                }
                case "PUT" -> store.hasContainer(container) ? put(container, object, stored) : Answer.of(404);
                default -> Answer.of(405);
            };
        }

        private Answer put(String container, String object, SwiftStore.StoredObject existing) throws IOException {
            if ("*".equals(call.header("If-None-Match")) && existing != null) {
                return Answer.of(412);
            }
            String copyFrom = call.header("X-Copy-From");
            byte[] body = call.body();
            boolean slo = false;
            if (copyFrom != null) {
                SwiftStore.StoredObject source = store.get(URLDecoder.decode(copyFrom, StandardCharsets.UTF_8)
                        .substring(1));
                if (source == null) {
                    return Answer.of(404);
                }
                body = range(store.read(source), call.header("Range"));
            } else if ("put".equals(query.get("multipart-manifest"))) {
                for (JsonNode segment : JSON.readTree(body)) {
                    if (store.get(segment.get("path").asText().substring(1)) == null) {
                        ObjectNode failed = JSON.createObjectNode().put("Response Status", "400 Bad Request");
                        failed.putArray("Errors").addArray().add(segment.get("path").asText()).add("404 Not Found");
                        return query.containsKey("heartbeat") ? Answer.json(202, failed) : Answer.of(400);
                    }
                }
                slo = true;
            }
            var stored = new SwiftStore.StoredObject(body, SwiftStore.md5(body), call.header("Content-Type"), meta(),
                    slo);
            store.store(container, object, stored);
            if (query.containsKey("heartbeat")) {
                return Answer.json(202, JSON.createObjectNode().put("Response Status", "201 Created")
                        .put("Etag", "\"" + stored.etag() + "\""));
            }
            return Answer.of(201, "Etag", stored.etag());
        }

        private Answer listing(String container) throws IOException {
            ListingQuery asked = new ListingQuery(query.get("prefix"), query.get("delimiter"), query.get("marker"),
                    null, query.containsKey("limit") ? Integer.valueOf(query.get("limit")) : null, false);
            List<ObjectEntry> entries;
            try {
                entries = store.list(container, asked).entries();
            } catch (SwiftStore.BadDelimiter e) {
                return Answer.of(412);
            }
            ArrayNode listed = JSON.createArrayNode();
            for (ObjectEntry entry : entries) {
                if (entry.isSubdir()) {
                    listed.addObject().put("subdir", entry.subdir());
                } else {
                    listed.addObject().put("name", entry.name()).put("bytes", entry.bytes())
                            .put("hash", entry.hash()).put("last_modified", LISTING_TIME)
                            .put("content_type", entry.contentType());
                }
            }
            return Answer.json(200, listed);
        }

        private Answer bulkDelete() throws IOException {
            int deleted = 0;
            int notFound = 0;
            for (String line : new String(call.body(), StandardCharsets.US_ASCII).split("\n")) {
                if (!line.isBlank()) {
                    if (store.delete(decode(line.trim()).substring(1))) {
                        deleted++;
                    } else {
                        notFound++;
                    }
                }
            }
            ObjectNode result = JSON.createObjectNode().put("Response Status", "200 OK")
                    .put("Number Deleted", deleted).put("Number Not Found", notFound);
            result.putArray("Errors");
            return Answer.json(200, result);
        }

        /** What {@code ?multipart-manifest=get} answers: the segments as Swift lists them. */
        private Answer manifestListing(SwiftStore.StoredObject manifest) throws IOException {
            ArrayNode entries = JSON.createArrayNode();
            for (JsonNode segment : JSON.readTree(manifest.body())) {
                SwiftStore.StoredObject part = store.get(segment.get("path").asText().substring(1));
                ObjectNode entry = entries.addObject().put("name", segment.get("path").asText())
                        .put("hash", segment.get("etag").asText()).put("bytes", segment.get("size_bytes").asLong())
                        .put("content_type", "application/octet-stream").put("last_modified", LISTING_TIME);
                if (part != null && part.slo()) {
                    entry.put("sub_slo", true);
                }
            }
            Answer listing = Answer.json(200, entries);
            listing.headers().put("X-Static-Large-Object", "True");
            return listing;
        }

        private static byte[] range(byte[] bytes, String range) {
            if (range == null) {
                return bytes;
            }
            String[] bounds = range.substring("bytes=".length()).split("-");
            int from = Integer.parseInt(bounds[0]);
            int to = Integer.parseInt(bounds[1]);
            byte[] slice = new byte[to - from + 1];
            System.arraycopy(bytes, from, slice, 0, slice.length);
            return slice;
        }

        private static Map<String, String> headersOf(SwiftStore.StoredObject object) {
            Map<String, String> headers = new LinkedHashMap<>();
            headers.put("Etag", object.etag());
            headers.put("Last-Modified", HTTP_DATE);
            if (object.contentType() != null) {
                headers.put("Content-Type", object.contentType());
            }
            if (object.slo()) {
                headers.put("X-Static-Large-Object", "True");
            }
            headers.putAll(object.meta());
            return headers;
        }

        private Map<String, String> meta() {
            Map<String, String> meta = new LinkedHashMap<>();
            call.headers().forEach((name, value) -> {
                if (name.startsWith("x-object-meta-")) {
                    meta.put(name, value);
                }
            });
            return SwiftStore.lowerCase(meta);
        }
    }
}
