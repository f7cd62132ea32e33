package io.s3multi.s3.handler;

import io.s3multi.s3.auth.RequestBody;
import io.s3multi.s3.error.S3Exception;
import io.s3multi.s3.handler.bucket.BucketRegistry;
import io.s3multi.s3.http.RequestHead;
import io.s3multi.s3.operation.RequestBodySource;
import io.s3multi.s3.operation.S3Call;
import io.s3multi.s3.operation.S3Identity;
import io.s3multi.s3.operation.S3Response;
import io.s3multi.s3.request.S3OperationClassifier;
import io.s3multi.s3.request.S3Request;
import io.s3multi.s3.request.S3RequestParser;
import io.s3multi.swift.SwiftAccount;
import io.s3multi.swift.SwiftBackend;
import io.s3multi.swift.SwiftClientConfig;
import io.s3multi.swift.SwiftHeaders;
import io.s3multi.swift.container.ListingQuery;
import io.s3multi.swift.container.ObjectEntry;
import io.s3multi.swift.error.SwiftException;
import io.s3multi.swift.error.SwiftHttpStatusException;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.UnaryOperator;

/**
 * Drives the s3api handlers in-process against the dev Swift, without HTTP or signatures: a request head is
 * parsed and classified as the pipeline would, then dispatched as one of two accounts. The registry lives in
 * the account of {@code registry.user} (default {@code s3multi:registry}) with the key {@code registry.key}
 * (default: the dev cluster's, from {@code registry.key} in its state dir, see {@code dev/swift}).
 */
final class HandlerBench implements AutoCloseable {

    static final String SWIFT_URL = System.getProperty("swift.url", "http://127.0.0.1:8081");

    /** One of the dev Swift's tempauth users as an S3 identity. */
    record User(String tempAuthUser, String key, String swiftAccount) {
    }

    static final User TEST = new User("test:tester", "testing", "AUTH_test");
    static final User TEST2 = new User("test2:tester2", "testing2", "AUTH_test2");
    /** In test's account without {@code .admin}: Swift refuses it to create containers. */
    static final User TEST3 = new User("test:tester3", "testing3", "AUTH_test");

    final SwiftBackend backend;
    final BucketRegistry registry;
    final S3ApiDispatcher dispatcher;
    private final S3RequestParser parser = new S3RequestParser();

    HandlerBench() {
        this(UnaryOperator.identity());
    }

    /** @param registryAsDispatched wraps the registry the dispatcher uses (to run something amid a claim) */
    HandlerBench(UnaryOperator<BucketRegistry> registryAsDispatched) {
        backend = SwiftBackend.start(SwiftClientConfig.defaults(URI.create(SWIFT_URL))
                .withIdleTimeout(Duration.ofSeconds(30)));
        S3ApiSettings settings = new S3ApiSettings("us-east-1", 1000, 1000,
                System.getProperty("registry.user", "s3multi:registry"),
                registryKey());
        registry = BucketRegistry.of(backend, settings);
        dispatcher = new S3ApiDispatcher(settings, registryAsDispatched.apply(registry));
    }

    private static String registryKey() {
        String key = System.getProperty("registry.key");
        if (key != null) {
            return key;
        }
        Path file = Path.of(System.getenv().getOrDefault("S3MULTI_DEV_DIR", "/var/tmp/s3multi-dev"), "registry.key");
        try {
            return Files.readString(file).strip();
        } catch (IOException e) {
            throw new UncheckedIOException("no bucket-registry key (dev/swift start writes " + file + ")", e);
        }
    }

    SwiftAccount swift(User user) {
        return backend.tempAuthAccount(user.tempAuthUser(), user.key());
    }

    static String uniqueBucket(String purpose) {
        return "s3b-" + purpose + "-" + UUID.randomUUID().toString().substring(0, 8);
    }

    /** Parses, classifies and dispatches one request without a body. */
    S3Response send(User user, String method, String rawPath, String rawQuery, String... headers) {
        return send(user, method, rawPath, rawQuery, new byte[0], headers);
    }

    S3Response send(User user, String method, String rawPath, String rawQuery, byte[] body, String... headers) {
        Map<String, List<String>> fields = new LinkedHashMap<>();
        fields.put("Content-Length", List.of(Integer.toString(body.length)));
        for (int i = 0; i < headers.length; i += 2) {
            fields.put(headers[i], List.of(headers[i + 1]));
        }
        RequestHead head = new RequestHead(method, rawPath, rawQuery, fields);
        S3Request request = parser.parse(head);
        var identity = new S3Identity(user.tempAuthUser(), user.tempAuthUser(), user.swiftAccount(),
                user.swiftAccount());
        RequestBodySource bodySource = also -> RequestBody.open(new ByteArrayInputStream(body), head, null, null, also);
        var call = new S3Call(request, identity, swift(user), bodySource, Clock.systemUTC(), "tx-test");
        return dispatcher.dispatch(S3OperationClassifier.classify(request), call);
    }

    /** The S3 error a request fails with. */
    S3Exception failure(User user, String method, String rawPath, String rawQuery, String... headers) {
        try {
            S3Response answer = send(user, method, rawPath, rawQuery, headers);
            throw new AssertionError("expected an S3 error, got " + answer.status());
        } catch (S3Exception expected) {
            return expected;
        }
    }

    static String bodyText(S3Response response) {
        var out = new ByteArrayOutputStream();
        try {
            response.body().writeTo(out);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out.toString(StandardCharsets.UTF_8);
    }

    boolean containerExists(User user, String container) throws SwiftException {
        try {
            swift(user).containers().head(container);
            return true;
        } catch (SwiftHttpStatusException e) {
            if (e.status() == 404) {
                return false;
            }
            throw e;
        }
    }

    void putObject(User user, String container, String name, String content) throws SwiftException {
        swift(user).objects().put(container, name, content.getBytes(StandardCharsets.UTF_8),
                SwiftHeaders.of("Content-Type", "text/plain"));
    }

    /** Deletes a container and everything in it, and its registry record; gone already is fine. */
    void cleanUp(User user, String container) {
        SwiftAccount account = swift(user);
        try {
            for (ObjectEntry entry : account.containers().listAllObjects(container, ListingQuery.all()).stream()
                    .toList()) {
                account.objects().delete(container, entry.name(), SwiftHeaders.empty());
            }
            account.containers().delete(container);
        } catch (SwiftException | UncheckedIOException gone) {
            // not there
        }
        try {
            registry.release(container, user.swiftAccount());
        } catch (SwiftException ignored) {
            // not recorded
        }
    }

    Object registryOwner(String bucket) throws SwiftException {
        return registry.ownerOf(bucket).orElse(null);
    }

    @Override
    public void close() {
        backend.close();
    }
}
