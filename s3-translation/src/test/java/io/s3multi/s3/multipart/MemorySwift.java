package io.s3multi.s3.multipart;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import io.s3multi.swift.SwiftAccount;
import io.s3multi.swift.SwiftBackend;
import io.s3multi.swift.SwiftClientConfig;
import io.s3multi.swift.auth.AuthToken;
import io.s3multi.swift.auth.FixedTokenSource;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentSkipListMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Consumer;
import java.util.function.Predicate;

/**
 * A Swift account on 127.0.0.1 that keeps objects in memory and behaves as the multipart code relies on: object
 * PUT (with {@code If-None-Match: *} and {@code X-Copy-From}), GET (SLO manifests read as the concatenation of
 * their segments, or listed with {@code ?multipart-manifest=get}; {@code If-Match}), HEAD, POST of metadata, DELETE, JSON listings with prefix, marker and limit,
 * bulk delete, and SLO manifest PUT with or without {@code heartbeat=on} (segments checked to exist).
 *
 * <p>A test makes an interleaving happen with {@link #after}: an action run once right after the first request
 * that matches is handled, before the answer goes out, as if another request had come in between.
 */
final class MemorySwift implements AutoCloseable {

    static final String ACCOUNT_PATH = "/v1/AUTH_test";
    private static final ObjectMapper JSON = new ObjectMapper();

    /** A stored object: body, content type, metadata by lower-case name, and the SLO flag. */
    record StoredObject(byte[] body, String contentType, Map<String, String> meta, boolean slo) {
        String etag() {
            return md5(body);
        }
    }

    private record Hook(Predicate<String> request, Consumer<MemorySwift> action) {
    }

    private record Fault(Predicate<String> request, int status, AtomicInteger times) {
    }

    private final HttpServer server;
    private final SwiftBackend backend;
    private final ConcurrentSkipListMap<String, StoredObject> objects = new ConcurrentSkipListMap<>();
    private final List<String> requests = new CopyOnWriteArrayList<>();
    private final List<Sent> sent = new CopyOnWriteArrayList<>();
    private final List<Hook> hooks = new CopyOnWriteArrayList<>();
    private final List<Fault> faults = new CopyOnWriteArrayList<>();
    private final ExecutorService handlers = Executors.newCachedThreadPool(r -> {
        Thread thread = new Thread(r, "memory-swift");
        thread.setDaemon(true);
        return thread;
    });

    MemorySwift() throws IOException {
        server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        server.createContext("/", this::handle);
        // Several requests at once, as Swift serves them: a hook may make requests of its own.
        server.setExecutor(handlers);
        server.start();
        backend = SwiftBackend.start(SwiftClientConfig.defaults(endpoint()).withExpectContinue(false));
    }

    SwiftAccount account() {
        return backend.account(new FixedTokenSource(new AuthToken("tk", URI.create(endpoint() + ACCOUNT_PATH), null)));
    }

    /**
     * Runs {@code action} once, right after the first request described as {@code METHOD /container/object}
     * (decoded, no query) is handled and before it is answered.
     */
    MemorySwift after(String request, Consumer<MemorySwift> action) {
        return afterFirst(request::equals, action);
    }

    /** Runs {@code action} once, right after the first request whose description matches is handled. */
    MemorySwift afterFirst(Predicate<String> request, Consumer<MemorySwift> action) {
        hooks.add(new Hook(request, action));
        return this;
    }

    /**
     * Answers the next {@code times} requests whose description matches with {@code status}, without acting on
     * them, as a failing Swift would. The bulk delete is described as {@code POST } (no path).
     */
    MemorySwift failing(Predicate<String> request, int status, int times) {
        faults.add(new Fault(request, status, new AtomicInteger(times)));
        return this;
    }

    void put(String container, String object, byte[] body, String contentType, Map<String, String> meta) {
        Map<String, String> lower = new TreeMap<>();
        meta.forEach((name, value) -> lower.put(name.toLowerCase(Locale.ROOT), value));
        objects.put(container + "/" + object, new StoredObject(body, contentType, lower, false));
    }

    /**
     * Stores a manifest at {@code container/object} naming {@code segments} (container/object paths, each of
     * which must exist), as a Complete leaves one.
     */
    void putManifest(String container, String object, List<String> segments, Map<String, String> meta) {
        ArrayNode body = JSON.createArrayNode();
        for (String segment : segments) {
            StoredObject target = objects.get(segment);
            body.addObject().put("path", "/" + segment).put("etag", target.etag())
                    .put("size_bytes", target.body().length);
        }
        Map<String, String> lower = new TreeMap<>();
        meta.forEach((name, value) -> lower.put(name.toLowerCase(Locale.ROOT), value));
        try {
            objects.put(container + "/" + object,
                    new StoredObject(JSON.writeValueAsBytes(body), "binary/octet-stream", lower, true));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    StoredObject get(String container, String object) {
        return objects.get(container + "/" + object);
    }

    void delete(String container, String object) {
        objects.remove(container + "/" + object);
    }

    /** The names stored in a container, in order. */
    List<String> names(String container) {
        List<String> names = new ArrayList<>();
        for (String path : objects.keySet()) {
            if (path.startsWith(container + "/")) {
                names.add(path.substring(container.length() + 1));
            }
        }
        return names;
    }

    /** A request as {@link #requests} describes it, and when it came ({@link System#nanoTime()}). */
    record Sent(String request, long nanoTime) {
    }

    /** Every request with the time it came, in order. */
    List<Sent> sent() {
        return sent;
    }

    /** Every request as {@code METHOD /container/object} (decoded, no query), in order. */
    List<String> requests() {
        return requests;
    }

    private URI endpoint() {
        return URI.create("http://127.0.0.1:" + server.getAddress().getPort());
    }

    private void handle(HttpExchange exchange) throws IOException {
        byte[] body = exchange.getRequestBody().readAllBytes();
        String method = exchange.getRequestMethod();
        if (!exchange.getRequestURI().getRawPath().startsWith(ACCOUNT_PATH)) {
            // /info: no limits worth telling, the client keeps Swift's defaults
            byte[] info = "{}".getBytes(StandardCharsets.US_ASCII);
            exchange.getResponseHeaders().add("Content-Type", "application/json");
            exchange.sendResponseHeaders(200, info.length);
            try (OutputStream out = exchange.getResponseBody()) {
                out.write(info);
            }
            return;
        }
        String rawPath = exchange.getRequestURI().getRawPath().substring(ACCOUNT_PATH.length());
        String path = URLDecoder.decode(rawPath.replace("+", "%2B"), StandardCharsets.UTF_8);
        Map<String, String> query = query(exchange.getRequestURI().getRawQuery());
        String described = method + " " + path;
        requests.add(described);
        sent.add(new Sent(described, System.nanoTime()));
        Answer answer = null;
        for (Fault fault : faults) {
            if (fault.request().test(described) && fault.times().getAndDecrement() > 0) {
                answer = Answer.of(fault.status());
                break;
            }
        }
        if (answer == null) {
            synchronized (this) {
                answer = answer(exchange, method, path, query, body);
            }
        }
        for (Hook hook : hooks) {
            if (hook.request().test(described) && hooks.remove(hook)) {
                hook.action().accept(this);
            }
        }
        answer.headers().forEach((name, value) -> exchange.getResponseHeaders().add(name, value));
        boolean noBody = method.equals("HEAD") || answer.body().length == 0;
        exchange.sendResponseHeaders(answer.status(), noBody ? -1 : answer.body().length);
        try (OutputStream out = exchange.getResponseBody()) {
            if (!noBody) {
                out.write(answer.body());
            }
        }
    }

    private record Answer(int status, Map<String, String> headers, byte[] body) {
        static Answer of(int status) {
            return new Answer(status, new LinkedHashMap<>(), new byte[0]);
        }

        static Answer json(int status, JsonNode document) throws IOException {
            Map<String, String> headers = new LinkedHashMap<>();
            headers.put("Content-Type", "application/json");
            return new Answer(status, headers, JSON.writeValueAsBytes(document));
        }
    }

    private Answer answer(HttpExchange exchange, String method, String path, Map<String, String> query, byte[] body)
            throws IOException {
        if (path.isEmpty() || path.equals("/")) {
            return query.containsKey("bulk-delete") ? bulkDelete(body) : Answer.of(400);
        }
        String name = path.substring(1);
        if (!name.contains("/")) {
            return method.equals("GET") ? listing(name, query) : Answer.of(204);
        }
        StoredObject stored = objects.get(name);
        String header = header(exchange, "If-Match");
        return switch (method) {
            case "HEAD", "GET" -> {
                if (stored == null) {
                    yield Answer.of(404);
                }
                if (method.equals("GET") && stored.slo() && "get".equals(query.get("multipart-manifest"))) {
                    yield manifestListing(stored);
                }
                byte[] content = method.equals("GET") ? read(stored) : new byte[0];
                if (header != null && !header.replace("\"", "").equals(stored.etag())) {
                    yield Answer.of(412);
                }
                Answer found = new Answer(200, headersOf(stored), content);
                yield found;
            }
            case "DELETE" -> objects.remove(name) == null ? Answer.of(404) : Answer.of(204);
            case "POST" -> {
                if (stored == null) {
                    yield Answer.of(404);
                }
                objects.put(name, new StoredObject(stored.body(), header(exchange, "Content-Type"),
                        metaOf(exchange), stored.slo()));
                yield Answer.of(202);
            }
            case "PUT" -> put(exchange, name, stored, query, body);
            default -> Answer.of(405);
        };
    }

    private Answer put(HttpExchange exchange, String name, StoredObject existing, Map<String, String> query,
            byte[] body) throws IOException {
        if ("*".equals(header(exchange, "If-None-Match")) && existing != null) {
            return Answer.of(412);
        }
        String copyFrom = header(exchange, "X-Copy-From");
        StoredObject stored;
        if (copyFrom != null) {
            StoredObject source = objects.get(URLDecoder.decode(copyFrom, StandardCharsets.UTF_8).substring(1));
            if (source == null) {
                return Answer.of(404);
            }
            stored = new StoredObject(range(read(source), header(exchange, "Range")), header(exchange, "Content-Type"),
                    metaOf(exchange), false);
        } else if ("put".equals(query.get("multipart-manifest"))) {
            for (JsonNode segment : JSON.readTree(body)) {
                if (!objects.containsKey(segment.get("path").asText().substring(1))) {
                    ObjectNode failed = JSON.createObjectNode().put("Response Status", "400 Bad Request");
                    failed.putArray("Errors").addArray().add(segment.get("path").asText()).add("404 Not Found");
                    return query.containsKey("heartbeat") ? Answer.json(202, failed) : Answer.of(400);
                }
            }
            stored = new StoredObject(body, header(exchange, "Content-Type"), metaOf(exchange), true);
        } else {
            stored = new StoredObject(body, header(exchange, "Content-Type"), metaOf(exchange), false);
        }
        objects.put(name, stored);
        if (query.containsKey("heartbeat")) {
            return Answer.json(202, JSON.createObjectNode().put("Response Status", "201 Created")
                    .put("Etag", "\"" + stored.etag() + "\""));
        }
        Answer created = Answer.of(201);
        created.headers().put("Etag", stored.etag());
        return created;
    }

    private Answer listing(String container, Map<String, String> query) throws IOException {
        String prefix = query.getOrDefault("prefix", "");
        String marker = query.getOrDefault("marker", "");
        int limit = Integer.parseInt(query.getOrDefault("limit", "10000"));
        ArrayNode entries = JSON.createArrayNode();
        for (Map.Entry<String, StoredObject> entry : objects.tailMap(container + "/" + marker, false).entrySet()) {
            String name = entry.getKey().substring(container.length() + 1);
            if (!entry.getKey().startsWith(container + "/") || entries.size() >= limit) {
                break;
            }
            if (name.startsWith(prefix)) {
                StoredObject object = entry.getValue();
                entries.addObject().put("name", name).put("bytes", object.body().length).put("hash", object.etag())
                        .put("last_modified", "2026-11-21T12:00:00.000000")
                        .put("content_type", object.contentType() == null ? "" : object.contentType());
            }
        }
        return Answer.json(200, entries);
    }

    private Answer bulkDelete(byte[] body) throws IOException {
        int deleted = 0;
        int notFound = 0;
        for (String line : new String(body, StandardCharsets.US_ASCII).split("\n")) {
            if (!line.isBlank()) {
                if (objects.remove(URLDecoder.decode(line.trim().replace("+", "%2B"), StandardCharsets.UTF_8)
                        .substring(1)) != null) {
                    deleted++;
                } else {
                    notFound++;
                }
            }
        }
        ObjectNode result = JSON.createObjectNode().put("Response Status", "200 OK").put("Number Deleted", deleted)
                .put("Number Not Found", notFound);
        result.putArray("Errors");
        return Answer.json(200, result);
    }

    /** What {@code ?multipart-manifest=get} answers: the segments as Swift lists them. */
    private Answer manifestListing(StoredObject manifest) throws IOException {
        ArrayNode entries = JSON.createArrayNode();
        for (JsonNode segment : JSON.readTree(manifest.body())) {
            StoredObject part = objects.get(segment.get("path").asText().substring(1));
            ObjectNode entry = entries.addObject().put("name", segment.get("path").asText())
                    .put("hash", segment.get("etag").asText()).put("bytes", segment.get("size_bytes").asLong())
                    .put("content_type", "application/octet-stream")
                    .put("last_modified", "2026-11-21T12:00:00.000000");
            if (part != null && part.slo()) {
                entry.put("sub_slo", true);
            }
        }
        Answer listing = Answer.json(200, entries);
        listing.headers().put("X-Static-Large-Object", "True");
        return listing;
    }

    /** The object's bytes; a manifest's are its segments', recursively. */
    private byte[] read(StoredObject object) throws IOException {
        if (!object.slo()) {
            return object.body();
        }
        ByteArrayOutputStream all = new ByteArrayOutputStream();
        for (JsonNode segment : JSON.readTree(object.body())) {
            StoredObject part = objects.get(segment.get("path").asText().substring(1));
            if (part == null) {
                throw new IOException("segment " + segment.get("path").asText() + " is gone");
            }
            all.write(read(part));
        }
        return all.toByteArray();
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

    private static Map<String, String> headersOf(StoredObject object) {
        Map<String, String> headers = new LinkedHashMap<>();
        headers.put("Etag", object.etag());
        headers.put("Last-Modified", "Sat, 21 Nov 2026 12:00:00 GMT");
        if (object.contentType() != null) {
            headers.put("Content-Type", object.contentType());
        }
        if (object.slo()) {
            headers.put("X-Static-Large-Object", "True");
        }
        object.meta().forEach(headers::put);
        return headers;
    }

    private static Map<String, String> metaOf(HttpExchange exchange) {
        Map<String, String> meta = new TreeMap<>();
        exchange.getRequestHeaders().forEach((name, values) -> {
            if (name.toLowerCase(Locale.ROOT).startsWith("x-object-meta-")) {
                meta.put(name.toLowerCase(Locale.ROOT), values.get(0));
            }
        });
        return meta;
    }

    private static String header(HttpExchange exchange, String name) {
        return exchange.getRequestHeaders().getFirst(name);
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

    static String md5(byte[] bytes) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("MD5").digest(bytes));
        } catch (java.security.NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    @Override
    public void close() {
        backend.close();
        server.stop(0);
        handlers.shutdownNow();
    }
}
