package io.s3multi.admin;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.s3multi.s3.background.ServiceAccounts;
import io.s3multi.s3.contract.ReservedMetadata;
import io.s3multi.s3.contract.SegmentsLayout;
import io.s3multi.s3.contract.UploadId;
import io.s3multi.swift.SwiftAccount;
import io.s3multi.swift.SwiftBackend;
import io.s3multi.swift.SwiftClientConfig;
import io.s3multi.swift.SwiftHeaders;
import io.s3multi.swift.container.ListingQuery;
import io.s3multi.swift.container.ObjectEntry;
import io.s3multi.swift.error.SwiftException;
import io.s3multi.swift.error.SwiftHttpStatusException;
import java.net.URI;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Properties;
import java.util.Random;
import java.util.UUID;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.core.sync.RequestBody;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.model.CompletedPart;
import software.amazon.awssdk.services.s3.model.S3Exception;

/**
 * The admin tool against the dev Swift and Keystone, next to a gateway run from its launcher jar (tempauth and
 * s3token, Keystone verdicts cached 1 s), reading that gateway's own configuration file.
 */
class AdminToolIT {

    private static final int CACHE_TTL_SECONDS = 1;

    private static Properties configuration;
    private static Path conf;
    private static GatewayProcess gateway;
    private static SwiftBackend swift;
    private static ServiceAccounts accounts;
    private final List<Runnable> cleanUp = new ArrayList<>();

    @BeforeAll
    static void start() throws Exception {
        configuration = DevFixture.gatewayConfiguration(CACHE_TTL_SECONDS);
        conf = DevFixture.write(configuration);
        gateway = GatewayProcess.start(conf);
        swift = SwiftBackend.start(SwiftClientConfig.defaults(URI.create(DevFixture.SWIFT_URL)));
        accounts = new ServiceAccounts(swift, DevFixture.SERVICE_USER, DevFixture.serviceKey());
    }

    @AfterAll
    static void stop() throws Exception {
        if (swift != null) {
            swift.close();
        }
        if (gateway != null) {
            gateway.close();
        }
    }

    @AfterEach
    void cleanUp() {
        java.util.Collections.reverse(cleanUp);   // the last made first: buckets before their clients
        for (Runnable step : cleanUp) {
            try {
                step.run();
            } catch (RuntimeException e) {
                System.err.println("clean-up failed: " + e);
            }
        }
    }

    @Test
    void aKeyTheToolMadeSignsThroughS3tokenUntilItIsRevoked() throws Exception {
        ToolRun created = tool("keys", "create", "--user", DevFixture.KEYSTONE_DEMO_USER, "--project",
                DevFixture.KEYSTONE_DEMO_PROJECT);
        assertEquals(0, created.exit(), created.toString());
        String[] key = created.out().lines().skip(1).findFirst().orElseThrow().split("\t");
        String access = key[0];
        String secret = key[1];
        String account = "AUTH_" + key[3];
        cleanUp.add(() -> tool("keys", "revoke", access));
        assertTrue(tool("keys", "list", "--user", DevFixture.KEYSTONE_DEMO_USER).out().contains(access));

        S3Client s3 = client(access, secret);
        String bucket = "admin-" + UUID.randomUUID().toString().substring(0, 13);
        s3.createBucket(b -> b.bucket(bucket));
        byte[] bytes = randomBytes(70_000);
        s3.putObject(b -> b.bucket(bucket).key("signed/by the tool"), RequestBody.fromBytes(bytes));
        assertArrayEquals(bytes, s3.getObjectAsBytes(b -> b.bucket(bucket).key("signed/by the tool")).asByteArray());
        var stored = accounts.forAccount(account).objects().head(bucket, "signed/by the tool", SwiftHeaders.empty());
        assertEquals(Integer.toString(bytes.length), stored.header("Content-Length"));
        s3.deleteObject(b -> b.bucket(bucket).key("signed/by the tool"));
        s3.deleteBucket(b -> b.bucket(bucket));

        ToolRun revoked = tool("keys", "revoke", access);
        assertEquals(0, revoked.exit(), revoked.toString());
        assertFalse(tool("keys", "list", "--user", DevFixture.KEYSTONE_DEMO_USER).out().contains(access));
        S3Exception refused = refusedWithin(s3, 20_000);
        assertEquals(403, refused.statusCode(), refused.toString());
        assertEquals("InvalidAccessKeyId", refused.awsErrorDetails().errorCode(), refused.toString());
    }

    @Test
    void uploadsListShowsAnAbandonedUploadAndAbortRemovesItAndItsSegments() throws Exception {
        S3Client s3 = client(DevFixture.TESTER, DevFixture.TESTER_KEY);
        String bucket = bucket(s3, DevFixture.TESTER_ACCOUNT);
        String uploadId = openUpload(s3, bucket, "abandoned/upload", 1000, 2000);
        assertEquals(3, segments(bucket).size(), segments(bucket).toString());   // the marker and two parts

        ToolRun listed = ToolRun.asProcess("--conf", conf.toString(), "uploads", "list", "--bucket", bucket);
        assertEquals(0, listed.exit(), listed.toString());
        List<String[]> rows = listed.rowsWith(uploadId);
        assertEquals(1, rows.size(), listed.toString());
        assertEquals(List.of(DevFixture.TESTER_ACCOUNT, bucket, "abandoned/upload", uploadId, "2", "3000"),
                List.of(rows.get(0)[0], rows.get(0)[1], rows.get(0)[2], rows.get(0)[3], rows.get(0)[6],
                        rows.get(0)[7]), Arrays.toString(rows.get(0)));

        ToolRun tooYoung = tool("uploads", "abort", "--older-than", "1h", "--bucket", bucket);
        assertEquals(0, tooYoung.exit(), tooYoung.toString());
        assertTrue(tooYoung.rowsWith(uploadId).isEmpty(), tooYoung.toString());
        ToolRun dryRun = tool("uploads", "abort", "--older-than", "0s", "--dry-run", "--bucket", bucket);
        assertTrue(dryRun.out().startsWith("would abort\t"), dryRun.toString());
        assertEquals(3, segments(bucket).size(), "neither changed anything: " + segments(bucket));

        ToolRun aborted = tool("uploads", "abort", "--older-than", "0s", "--bucket", bucket);
        assertEquals(0, aborted.exit(), aborted.toString());
        assertTrue(aborted.out().startsWith("aborted\t" + DevFixture.TESTER_ACCOUNT + "\t" + bucket
                + "\tabandoned/upload\t" + uploadId), aborted.toString());
        assertEquals(List.of("aborts/" + uploadId), segments(bucket), "nothing but the abort's trace, for the sweeper");
        assertTrue(s3.listMultipartUploads(b -> b.bucket(bucket)).uploads().isEmpty());
        assertTrue(tool("uploads", "list", "--bucket", bucket).rowsWith(uploadId).isEmpty());
    }

    @Test
    void usageCountsEveryObjectAndEverySegment() throws Exception {
        S3Client s3 = client(DevFixture.TESTER, DevFixture.TESTER_KEY);
        String bucket = bucket(s3, DevFixture.TESTER_ACCOUNT);
        s3.putObject(b -> b.bucket(bucket).key("plain"), RequestBody.fromBytes(randomBytes(1234)));
        String uploadId = s3.createMultipartUpload(b -> b.bucket(bucket).key("multipart")).uploadId();
        List<CompletedPart> parts = new ArrayList<>();
        int[] sizes = {5 * 1024 * 1024, 4321};
        for (int number = 1; number <= sizes.length; number++) {
            int part = number;
            String etag = s3.uploadPart(b -> b.bucket(bucket).key("multipart").uploadId(uploadId).partNumber(part),
                    RequestBody.fromBytes(randomBytes(sizes[part - 1]))).eTag();
            parts.add(CompletedPart.builder().partNumber(part).eTag(etag).build());
        }
        s3.completeMultipartUpload(b -> b.bucket(bucket).key("multipart").uploadId(uploadId)
                .multipartUpload(m -> m.parts(parts)));
        long multipartBytes = sizes[0] + sizes[1];

        ToolRun usage = tool("usage", "--bucket", bucket);
        assertEquals(0, usage.exit(), usage.toString());
        String[] row = usage.rowsWith(bucket).get(0);
        // objects as clients see them; the segments: the two parts; stored: the parts, the plain object and the
        // multipart object's manifest (a few hundred bytes of JSON)
        assertEquals(List.of("2", Long.toString(1234 + multipartBytes), "2", Long.toString(multipartBytes)),
                Arrays.asList(row).subList(2, 6), usage.toString());
        long manifestBytes = Long.parseLong(row[6]) - multipartBytes - 1234;
        assertTrue(manifestBytes > 0 && manifestBytes < 2000, usage.toString());
        assertEquals(2, segments(bucket).size(), segments(bucket).toString());
    }

    @Test
    void sweepDryRunListsAPlantedOrphanAndSweepRemovesIt() throws Exception {
        S3Client s3 = client(DevFixture.TESTER, DevFixture.TESTER_KEY);
        String bucket = bucket(s3, DevFixture.TESTER_ACCOUNT);
        // An Abort that died after deleting the marker: the part stays, named by nothing.
        String orphanId = s3.createMultipartUpload(b -> b.bucket(bucket).key("orphan")).uploadId();
        s3.uploadPart(b -> b.bucket(bucket).key("orphan").uploadId(orphanId).partNumber(1),
                RequestBody.fromBytes(randomBytes(1000)));
        accounts.forAccount(DevFixture.TESTER_ACCOUNT).objects().delete(bucket + "_segments",
                SegmentsLayout.marker("orphan", new UploadId(orphanId)), SwiftHeaders.empty());
        // An upload in progress, which must stay.
        String liveId = s3.createMultipartUpload(b -> b.bucket(bucket).key("live")).uploadId();
        s3.uploadPart(b -> b.bucket(bucket).key("live").uploadId(liveId).partNumber(1),
                RequestBody.fromBytes(randomBytes(1000)));
        List<String> before = segments(bucket);
        List<String> orphanParts = before.stream()
                .filter(name -> name.startsWith(SegmentsLayout.partsPrefix(new UploadId(orphanId)))).toList();
        assertEquals(1, orphanParts.size(), before.toString());
        // Everything planted is older than the grace period for a tool whose clock runs two days ahead.
        Clock later = Clock.offset(Clock.systemUTC(), Duration.ofDays(2));

        ToolRun dryRun = toolAt(later, "sweep", "--dry-run", "--bucket", bucket);
        assertEquals(0, dryRun.exit(), dryRun.toString());
        List<String[]> intended = dryRun.rowsWith(orphanParts.get(0));
        assertEquals(1, intended.size(), dryRun.toString());
        assertEquals(List.of("delete", "no", bucket + "_segments"), Arrays.asList(intended.get(0)).subList(0, 3));
        assertEquals(before, segments(bucket), "a dry run changes nothing");

        ToolRun swept = toolAt(later, "sweep", "--bucket", bucket);
        assertEquals(0, swept.exit(), swept.toString());
        List<String[]> done = swept.rowsWith(orphanParts.get(0));
        assertEquals(List.of("delete", "yes"), Arrays.asList(done.get(0)).subList(0, 2), swept.toString());
        List<String> expected = new ArrayList<>(before);
        expected.removeAll(orphanParts);
        assertEquals(expected, segments(bucket));
        assertEquals(List.of(liveId), s3.listMultipartUploads(b -> b.bucket(bucket)).uploads().stream()
                .map(upload -> upload.uploadId()).toList());
    }

    @Test
    void sweepLeavesAClaimYoungerThanTheConfiguredClaimTimeoutToItsHolder() throws Exception {
        S3Client s3 = client(DevFixture.TESTER, DevFixture.TESTER_KEY);
        String bucket = bucket(s3, DevFixture.TESTER_ACCOUNT);
        String uploadId = openUpload(s3, bucket, "held", 1000);
        // A Complete at work on a gateway whose claim_timeout is 60 s: it refreshed its claim 20 s ago, by the
        // tool's clock, which runs two days ahead so that everything is older than the grace period.
        Clock later = Clock.offset(Clock.systemUTC(), Duration.ofDays(2));
        SwiftAccount owner = accounts.forAccount(DevFixture.TESTER_ACCOUNT);
        String claim = SegmentsLayout.claim(new UploadId(uploadId));
        owner.objects().put(bucket + "_segments", claim, new byte[0], SwiftHeaders.of(
                "Content-Type", SegmentsLayout.CLAIM_CONTENT_TYPE, ReservedMetadata.CLAIM_STATE, "COMPLETING",
                ReservedMetadata.CLAIM_TOKEN, "a live holder's",
                ReservedMetadata.CLAIM_REFRESHED, Long.toString(later.millis() - 20_000)));
        cleanUp.add(() -> {
            try {
                owner.objects().delete(bucket + "_segments", claim, SwiftHeaders.empty());
            } catch (SwiftException e) {
                throw new IllegalStateException(e);
            }
        });
        Properties longClaims = (Properties) configuration.clone();
        longClaims.setProperty("filter.s3multi.claim_timeout", "60");
        List<String> before = segments(bucket);

        ToolRun swept = ToolRun.inProcess(later, "--conf", DevFixture.write(longClaims).toString(), "sweep",
                "--bucket", bucket);

        assertEquals(0, swept.exit(), swept.toString());
        assertEquals(before, segments(bucket), "the claim, the marker and the part stay: " + swept);
        assertEquals("a live holder's", owner.objects().head(bucket + "_segments", claim, SwiftHeaders.empty())
                .header(ReservedMetadata.CLAIM_TOKEN));
    }

    @Test
    void checkConfigRunsTheGatewaysValidationOffline() throws Exception {
        ToolRun good = ToolRun.asProcess("check-config", conf.toString());
        assertEquals(0, good.exit(), good.toString());
        assertTrue(good.out().startsWith("OK: pipeline 'catch_errors proxy_logging healthcheck tempauth s3token"),
                good.toString());

        Properties withoutKey = (Properties) configuration.clone();
        withoutKey.remove("filter.s3api.bucket_registry_key");
        withoutKey.setProperty("filter.s3api.max_bucket_listin", "5");
        withoutKey.setProperty("filter.s3token.swift_url", "http://keystone.invalid:8083");
        ToolRun bad = ToolRun.asProcess("check-config", DevFixture.write(withoutKey).toString());
        assertEquals(1, bad.exit(), bad.toString());
        assertTrue(bad.err().contains("filter.s3api.max_bucket_listin is not a setting of s3api"), bad.toString());

        withoutKey.remove("filter.s3api.max_bucket_listin");
        ToolRun noRegistryKey = ToolRun.asProcess("check-config", DevFixture.write(withoutKey).toString());
        assertEquals(1, noRegistryKey.exit(), noRegistryKey.toString());
        assertTrue(noRegistryKey.err().contains("filter.s3api.bucket_registry_user = s3multi:registry needs its Swift"
                + " key in filter.s3api.bucket_registry_key"), noRegistryKey.toString());

        ToolRun missing = ToolRun.asProcess("check-config", "target/no-such-file.properties");
        assertEquals(1, missing.exit(), missing.toString());
        assertEquals(2, ToolRun.inProcess("check-config").exit());
    }

    private static ToolRun tool(String... args) {
        return toolAt(Clock.systemUTC(), args);
    }

    private static ToolRun toolAt(Clock clock, String... args) {
        String[] withConf = new String[args.length + 2];
        withConf[0] = "--conf";
        withConf[1] = conf.toString();
        System.arraycopy(args, 0, withConf, 2, args.length);
        return ToolRun.inProcess(clock, withConf);
    }

    /** A new bucket of {@code account}, removed after the test (objects, uploads, segments, registry record). */
    private String bucket(S3Client s3, String account) {
        String bucket = "admin-" + UUID.randomUUID().toString().substring(0, 13);
        s3.createBucket(b -> b.bucket(bucket));
        cleanUp.add(() -> {
            s3.listMultipartUploads(b -> b.bucket(bucket)).uploads().forEach(u -> s3.abortMultipartUpload(
                    b -> b.bucket(bucket).key(u.key()).uploadId(u.uploadId())));
            s3.listObjectsV2Paginator(b -> b.bucket(bucket)).contents()
                    .forEach(o -> s3.deleteObject(b -> b.bucket(bucket).key(o.key())));
            s3.deleteBucket(b -> b.bucket(bucket));
        });
        return bucket;
    }

    /** A new upload of {@code key} with parts 1, 2, ... of these sizes, left open; its id. */
    private static String openUpload(S3Client s3, String bucket, String key, int... partSizes) {
        String uploadId = s3.createMultipartUpload(b -> b.bucket(bucket).key(key)).uploadId();
        for (int number = 1; number <= partSizes.length; number++) {
            int part = number;
            s3.uploadPart(b -> b.bucket(bucket).key(key).uploadId(uploadId).partNumber(part),
                    RequestBody.fromBytes(randomBytes(partSizes[part - 1])));
        }
        return uploadId;
    }

    /** What {@code <bucket>_segments} of test:tester holds, from Swift itself. */
    private static List<String> segments(String bucket) throws SwiftException {
        List<String> names = new ArrayList<>();
        SwiftAccount owner = accounts.forAccount(DevFixture.TESTER_ACCOUNT);
        try {
            var cursor = owner.containers().listAllObjects(bucket + "_segments", ListingQuery.all());
            while (cursor.hasMorePages()) {
                cursor.nextPage().entries().stream().map(ObjectEntry::name).forEach(names::add);
            }
        } catch (SwiftHttpStatusException e) {
            if (e.status() != 404) {
                throw e;
            }
        }
        return names;
    }

    /** The refusal of a request with a revoked key, polled until the gateway's cache let the key go. */
    private static S3Exception refusedWithin(S3Client s3, long millis) throws InterruptedException {
        long deadline = System.currentTimeMillis() + millis;
        while (true) {
            try {
                s3.listBuckets();
            } catch (S3Exception refused) {
                return refused;
            }
            if (System.currentTimeMillis() > deadline) {
                throw new AssertionError("a revoked key still works after " + millis + " ms");
            }
            Thread.sleep(200);
        }
    }

    private S3Client client(String access, String secret) {
        S3Client s3 = S3Client.builder().endpointOverride(gateway.endpoint()).region(Region.US_EAST_1)
                .forcePathStyle(true)
                .credentialsProvider(StaticCredentialsProvider.create(AwsBasicCredentials.create(access, secret)))
                .build();
        cleanUp.add(s3::close);
        return s3;
    }

    private static byte[] randomBytes(int length) {
        byte[] bytes = new byte[length];
        new Random(length).nextBytes(bytes);
        return bytes;
    }
}
