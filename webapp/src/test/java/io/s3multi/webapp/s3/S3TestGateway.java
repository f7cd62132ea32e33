package io.s3multi.webapp.s3;

import io.s3multi.filters.pipeline.GatewayConfig;
import io.s3multi.s3.contract.SegmentsLayout;
import io.s3multi.swift.ObjectPath;
import io.s3multi.swift.SwiftAccount;
import io.s3multi.swift.SwiftBackend;
import io.s3multi.swift.SwiftClientConfig;
import io.s3multi.swift.SwiftHeaders;
import io.s3multi.swift.bulk.BulkDeleteResult;
import io.s3multi.swift.bulk.SwiftBulkDelete;
import io.s3multi.swift.container.ListingCursor;
import io.s3multi.swift.container.ListingQuery;
import io.s3multi.swift.container.ObjectEntry;
import io.s3multi.swift.container.VersionEntry;
import io.s3multi.swift.error.SwiftException;
import io.s3multi.swift.error.SwiftHttpStatusException;
import io.s3multi.webapp.S3MultiServer;
import java.net.URI;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Properties;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Consumer;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.S3ClientBuilder;
import software.amazon.awssdk.services.s3.S3Configuration;
import software.amazon.awssdk.services.s3.presigner.S3Presigner;

/**
 * A whole gateway in this JVM, in front of the dev Swift, with the clients that tests drive it with.
 * {@link S3IntegrationTest} starts one per test class; see the package documentation for the API.
 */
public final class S3TestGateway implements AutoCloseable {

    /** The dev Swift's proxy, from failsafe's {@code swift.url}. */
    public static final String SWIFT_URL = System.getProperty("swift.url", "http://127.0.0.1:8081");

    public static final String PIPELINE =
            "catch_errors proxy_logging healthcheck cors tempauth s3multi s3api proxy_server";
    public static final String REGION = "us-east-1";

    /** tempauth users of the dev Swift, also configured in the gateway: access key and secret. */
    public static final String TESTER = "test:tester";
    public static final String TESTER_KEY = "testing";
    public static final String TESTER2 = "test2:tester2";
    public static final String TESTER2_KEY = "testing2";
    public static final String TESTER3 = "test:tester3";
    public static final String TESTER3_KEY = "testing3";
    /** The bucket registry's tempauth user; its account holds one container per bucket (SwiftBucketRegistry). */
    public static final String REGISTRY_USER = "s3multi:registry";
    /** Its key, random per dev cluster ({@link DevRegistryKey}). */
    public static final String REGISTRY_KEY = DevRegistryKey.read();
    /** The gateway's service identity (a reseller admin, for background work in every account). */
    public static final String SERVICE_USER = "s3multi:service";
    /** Its key, random per dev cluster ({@link DevRegistryKey#service()}). */
    public static final String SERVICE_KEY = DevRegistryKey.service();

    private static final AtomicInteger BUCKETS = new AtomicInteger();

    private final S3MultiServer server;
    private final SwiftBackend swiftBackend;
    private final List<AutoCloseable> clients = new ArrayList<>();
    private final Map<List<String>, S3Client> defaultClients = new ConcurrentHashMap<>();
    private final Map<List<String>, S3Presigner> presigners = new ConcurrentHashMap<>();

    private S3TestGateway(S3MultiServer server, SwiftBackend swiftBackend) {
        this.server = server;
        this.swiftBackend = swiftBackend;
    }

    /** The configuration the tests run: the S3 pipeline, the three dev users, the dev bucket registry. */
    public static Properties configuration() {
        var properties = new Properties();
        properties.setProperty("pipeline", PIPELINE);
        properties.setProperty("server.host", "127.0.0.1");
        properties.setProperty("server.port", "0");
        properties.setProperty("filter.tempauth.user_test_tester", TESTER_KEY + " .admin");
        properties.setProperty("filter.tempauth.user_test2_tester2", TESTER2_KEY + " .admin");
        properties.setProperty("filter.tempauth.user_test_tester3", TESTER3_KEY);
        properties.setProperty("filter.tempauth.swift_url", SWIFT_URL);
        properties.setProperty("filter.s3api.bucket_registry_user", REGISTRY_USER);
        properties.setProperty("filter.s3api.bucket_registry_key", REGISTRY_KEY);
        properties.setProperty("filter.s3api.swift_url", SWIFT_URL);
        properties.setProperty("service_user", SERVICE_USER);
        properties.setProperty("service_key", SERVICE_KEY);
        properties.setProperty("filter.s3multi.swift_url", SWIFT_URL);
        properties.setProperty("filter.proxy_server.swift_url", SWIFT_URL);
        return properties;
    }

    /** Starts a gateway with {@link #configuration()}. */
    public static S3TestGateway start() throws Exception {
        return start(configuration());
    }

    /** Starts a gateway with these properties (for tests that need other settings). */
    public static S3TestGateway start(Properties configuration) throws Exception {
        SwiftBackend backend = SwiftBackend.start(SwiftClientConfig.defaults(URI.create(SWIFT_URL)));
        try {
            backend.tempAuthAccount(TESTER, TESTER_KEY).head();
        } catch (SwiftException e) {
            backend.close();
            throw new AssertionError("the dev Swift at " + SWIFT_URL + " is not usable (start it: dev/swift start)", e);
        }
        S3MultiServer server = S3MultiServer.start(GatewayConfig.fromProperties(configuration, "S3 integration test"));
        return new S3TestGateway(server, backend);
    }

    /** The running server (port, installed pipeline, e.g. to listen to proxy_logging's records). */
    public S3MultiServer server() {
        return server;
    }

    public int port() {
        return server.port();
    }

    /** {@code http://127.0.0.1:<port>} */
    public URI endpoint() {
        return URI.create("http://127.0.0.1:" + port());
    }

    /** The gateway's URL of {@code pathAndQuery} (which starts with {@code /} and is used as written). */
    public URI uri(String pathAndQuery) {
        return URI.create(endpoint() + pathAndQuery);
    }

    /** An SDK client for test:tester with the SDK's default settings (the same instance on every call). */
    public S3Client s3() {
        return s3(TESTER, TESTER_KEY);
    }

    /** An SDK client for any access key and secret, default settings; one per credentials, reused. */
    public S3Client s3(String accessKey, String secretKey) {
        return defaultClients.computeIfAbsent(List.of(accessKey, secretKey),
                credentials -> s3(accessKey, secretKey, builder -> { }));
    }

    /**
     * An SDK client with the defaults plus whatever {@code customizer} changes (checksum modes, chunked encoding,
     * an override configuration ...). Only endpoint, region, path style and credentials are preset.
     */
    public S3Client s3(String accessKey, String secretKey, Consumer<S3ClientBuilder> customizer) {
        S3ClientBuilder builder = S3Client.builder()
                .endpointOverride(endpoint())
                .region(Region.of(REGION))
                .forcePathStyle(true)
                .credentialsProvider(credentials(accessKey, secretKey));
        customizer.accept(builder);
        return remember(builder.build());
    }

    /** A presigner for test:tester (path style). */
    public S3Presigner presigner() {
        return presigner(TESTER, TESTER_KEY);
    }

    public S3Presigner presigner(String accessKey, String secretKey) {
        return presigners.computeIfAbsent(List.of(accessKey, secretKey), credentials -> remember(
                S3Presigner.builder()
                        .endpointOverride(endpoint())
                        .region(Region.of(REGION))
                        .serviceConfiguration(S3Configuration.builder().pathStyleAccessEnabled(true).build())
                        .credentialsProvider(credentials(accessKey, secretKey))
                        .build()));
    }

    private static StaticCredentialsProvider credentials(String accessKey, String secretKey) {
        return StaticCredentialsProvider.create(AwsBasicCredentials.create(accessKey, secretKey));
    }

    /** test:tester's Swift account reached directly, not through the gateway: what Swift really stored. */
    public SwiftAccount swift() {
        return swift(TESTER, TESTER_KEY);
    }

    /** Another tempauth user's Swift account, directly. */
    public SwiftAccount swift(String user, String key) {
        return swiftBackend.tempAuthAccount(user, key);
    }

    /** A bucket name no other test uses: {@code s3it-<random>-<n>}, lower case, valid for S3 and Swift. */
    public static String uniqueBucket() {
        return "s3it-" + UUID.randomUUID().toString().replace("-", "").substring(0, 16).toLowerCase(Locale.ROOT)
                + "-" + BUCKETS.incrementAndGet();
    }

    /**
     * Deletes container {@code bucket} and {@code bucket_segments} with every object in them, directly in
     * test:tester's and test2:tester2's Swift accounts, and the bucket's record in the gateway's bucket registry;
     * what does not exist is skipped.
     */
    public void deleteBucketDirectly(String bucket) {
        for (SwiftAccount account : List.of(swift(), swift(TESTER2, TESTER2_KEY))) {
            deleteContainer(account, bucket + "_segments");
            deleteContainer(account, bucket);
        }
        deleteContainer(registry(), bucket);  // the name's record in the bucket registry
    }

    /** The gateway's bucket registry account (s3multi:registry), directly. */
    public SwiftAccount registry() {
        return swift(REGISTRY_USER, REGISTRY_KEY);
    }

    /**
     * {@link #objectNames} of {@code <bucket>_segments} but the traces aborts leave there ({@code aborts/<upload
     * id>}, kept for a Complete racing the abort on another gateway until the sweeper or Swift's expirer
     * removes them): what an upload left behind.
     */
    public static List<String> segmentsBesidesAbortTraces(SwiftAccount account, String bucket) throws SwiftException {
        return objectNames(account, bucket + "_segments").stream()
                .filter(name -> !name.startsWith(SegmentsLayout.ABORTS)).toList();
    }

    /** The names of the objects in {@code container}, directly from Swift; empty when it does not exist. */
    public static List<String> objectNames(SwiftAccount account, String container) throws SwiftException {
        List<String> names = new ArrayList<>();
        try {
            ListingCursor<ObjectEntry> cursor = account.containers().listAllObjects(container, ListingQuery.all());
            while (cursor.hasMorePages()) {
                cursor.nextPage().entries().forEach(entry -> names.add(entry.name()));
            }
        } catch (SwiftHttpStatusException e) {
            if (e.status() != 404) {
                throw e;
            }
        }
        return names;
    }

    /**
     * Deletes what a test's bucket left in Swift: the bucket and its segments container in {@code owner}'s account,
     * and the name's record in the bucket registry (if DeleteBucket did not release it).
     */
    public static void deleteBucketEverywhere(SwiftBackend backend, SwiftAccount owner, String bucket) {
        deleteContainer(owner, bucket + "_segments");
        deleteContainer(owner, bucket);
        deleteContainer(backend.tempAuthAccount(REGISTRY_USER, REGISTRY_KEY), bucket);
    }

    /**
     * Deletes one container and its objects directly in Swift; nothing happens when it does not exist. A gateway's
     * background worker may still write a lease or checkpoint into a registry record while it goes: a container
     * that is not empty when its turn comes (409) is emptied again, a few times.
     */
    public static void deleteContainer(SwiftAccount account, String container) {
        for (int attempt = 1; ; attempt++) {
            try {
                deleteContainerOnce(account, container);
                return;
            } catch (IllegalStateException e) {
                if (attempt == 5 || !(e.getCause() instanceof SwiftHttpStatusException status)
                        || status.status() != 409) {
                    throw e;
                }
            }
        }
    }

    private static void deleteContainerOnce(SwiftAccount account, String container) {
        try {
            ListingCursor<ObjectEntry> cursor = account.containers().listAllObjects(container, ListingQuery.all());
            while (cursor.hasMorePages()) {
                // In bulk: a test's 10,000 segments one DELETE at a time took minutes of the suite.
                deleteInBulk(account, cursor.nextPage().entries().stream()
                        .map(object -> new ObjectPath(container, object.name())).toList());
            }
            deleteVersions(account, container);
            ignoringMissing(() -> account.containers().delete(container));
        } catch (SwiftHttpStatusException e) {
            if (e.status() != 404) {
                throw new IllegalStateException("cannot clean up container " + container, e);
            }
        } catch (SwiftException e) {
            throw new IllegalStateException("cannot clean up container " + container, e);
        }
    }

    /** Bulk deletes a cleanup sends at once. */
    private static final int PARALLEL_BULK_DELETES = 4;

    /**
     * Deletes {@code paths} in bulk requests of {@link SwiftBulkDelete#MAX_BATCH}, {@link #PARALLEL_BULK_DELETES} of
     * them at a time: within one request Swift deletes two objects at a time, so one request after the other left the
     * 10,000 segments of MultipartTenThousandPartsIT minutes of cleanup.
     */
    private static void deleteInBulk(SwiftAccount account, List<ObjectPath> paths) throws SwiftException {
        if (paths.size() <= SwiftBulkDelete.MAX_BATCH) {
            if (!paths.isEmpty()) {
                account.bulkDelete().delete(paths);
            }
            return;
        }
        ExecutorService senders = Executors.newFixedThreadPool(PARALLEL_BULK_DELETES);
        try {
            List<Future<BulkDeleteResult>> sent = new ArrayList<>();
            for (int from = 0; from < paths.size(); from += SwiftBulkDelete.MAX_BATCH) {
                List<ObjectPath> batch = paths.subList(from, Math.min(paths.size(), from + SwiftBulkDelete.MAX_BATCH));
                sent.add(senders.submit(() -> account.bulkDelete().delete(batch)));
            }
            for (Future<BulkDeleteResult> batch : sent) {
                batch.get(10, TimeUnit.MINUTES);
            }
        } catch (ExecutionException e) {
            if (e.getCause() instanceof SwiftException swift) {
                throw swift;
            }
            throw new IllegalStateException("bulk delete failed", e.getCause());
        } catch (InterruptedException | TimeoutException e) {
            throw new IllegalStateException("bulk delete did not finish", e);
        } finally {
            senders.shutdownNow();
        }
    }

    /** Every version and delete marker of a container with Swift's object versioning; Swift keeps it until then. */
    private static void deleteVersions(SwiftAccount account, String container) throws SwiftException {
        if (account.containers().head(container).header("X-Versions-Enabled") == null) {
            return;
        }
        while (true) {
            List<VersionEntry> versions = account.containers().listVersions(container, ListingQuery.all(), null)
                    .entries();
            if (versions.isEmpty()) {
                return;
            }
            for (VersionEntry version : versions) {
                ignoringMissing(() -> account.objects().deleteVersion(container, version.name(), version.versionId(),
                        SwiftHeaders.empty()));
            }
        }
    }

    private interface SwiftCall {
        void run() throws SwiftException;
    }

    private static void ignoringMissing(SwiftCall call) throws SwiftException {
        try {
            call.run();
        } catch (SwiftHttpStatusException e) {
            if (e.status() != 404) {
                throw e;
            }
        }
    }

    private <T extends AutoCloseable> T remember(T client) {
        synchronized (clients) {
            clients.add(client);
        }
        return client;
    }

    @Override
    public void close() throws Exception {
        synchronized (clients) {
            for (AutoCloseable client : clients) {
                client.close();
            }
            clients.clear();
        }
        defaultClients.clear();
        presigners.clear();
        try {
            server.close();
        } finally {
            swiftBackend.close();
        }
    }
}
