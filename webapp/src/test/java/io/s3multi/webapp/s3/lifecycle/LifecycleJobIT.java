package io.s3multi.webapp.s3.lifecycle;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.s3multi.s3.background.BucketWork;
import io.s3multi.s3.background.Checkpoint;
import io.s3multi.s3.background.Pacer;
import io.s3multi.s3.background.ServiceAccounts;
import io.s3multi.s3.handler.bucket.SwiftBucketRegistry;
import io.s3multi.s3.lifecycle.run.LifecycleJob;
import io.s3multi.s3.multipart.MultipartSettings;
import io.s3multi.swift.SwiftAccount;
import io.s3multi.swift.SwiftBackend;
import io.s3multi.swift.SwiftClientConfig;
import io.s3multi.webapp.s3.S3IntegrationTest;
import io.s3multi.webapp.s3.S3TestGateway;
import java.net.URI;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.core.sync.RequestBody;
import software.amazon.awssdk.services.s3.model.BucketVersioningStatus;
import software.amazon.awssdk.services.s3.model.ExpirationStatus;
import software.amazon.awssdk.services.s3.model.LifecycleRule;
import software.amazon.awssdk.services.s3.model.ListObjectVersionsResponse;

/**
 * {@link LifecycleJob} run directly on a bucket of test:tester, reached with the gateway's service identity, with a
 * lifecycle day of 2 s and a clock the test moves (no waiting): what the rules delete, what they leave, and what
 * Swift holds afterwards (the bucket's container and {@code <bucket>_segments}).
 */
class LifecycleJobIT extends S3IntegrationTest {

    private static final Duration DAY = Duration.ofSeconds(2);
    private static SwiftBackend backend;
    private static SwiftAccount owner;

    private final LifecycleJob job = new LifecycleJob(new SwiftBucketRegistry(gateway().registry())::lifecycle, DAY,
            MultipartSettings.defaults());
    private final List<String> log = new ArrayList<>();

    @BeforeAll
    static void serviceIdentity() throws Exception {
        backend = SwiftBackend.start(SwiftClientConfig.defaults(URI.create(S3TestGateway.SWIFT_URL)));
        owner = new ServiceAccounts(backend, S3TestGateway.SERVICE_USER, S3TestGateway.SERVICE_KEY)
                .forAccount(gateway().swift().storageUrl().getPath().replaceAll(".*/", ""));
    }

    @AfterAll
    static void closeBackend() {
        backend.close();
    }

    /** Runs the job as the worker would, at {@code now}. */
    private void run(String bucket, Instant now, boolean dryRun) throws Exception {
        job.run(new BucketWork(bucket, owner, Pacer.UNPACED, Checkpoint.NONE, () -> true,
                Clock.fixed(now, ZoneOffset.UTC), dryRun, (container, object, action, reason, performed) ->
                log.add(action + " " + object + (performed ? "" : " (dry run)"))));
    }

    private static Instant daysFromNow(int days) {
        return Instant.now().plus(DAY.multipliedBy(days + 1));
    }

    private String bucketWith(boolean versioned, LifecycleRule... rules) {
        String bucket = uniqueBucket();
        s3().createBucket(b -> b.bucket(bucket));
        if (versioned) {
            s3().putBucketVersioning(v -> v.bucket(bucket).versioningConfiguration(
                    c -> c.status(BucketVersioningStatus.ENABLED)));
        }
        s3().putBucketLifecycleConfiguration(p -> p.bucket(bucket).lifecycleConfiguration(c -> c.rules(rules)));
        return bucket;
    }

    private void put(String bucket, String key, String body) {
        s3().putObject(p -> p.bucket(bucket).key(key), RequestBody.fromString(body));
    }

    private static List<String> stored(String container) throws Exception {
        return S3TestGateway.objectNames(gateway().swift(), container);
    }

    @Test
    void anExpirationRuleDeletesMatchingObjectsWithTheirSegmentsAndLeavesOthers() throws Exception {
        String bucket = bucketWith(false, LifecycleRule.builder().id("old").status(ExpirationStatus.ENABLED)
                .filter(f -> f.prefix("old/")).expiration(e -> e.days(1)).build());
        Instant beforeWrites = Instant.now();
        put(bucket, "old/plain", "p");
        put(bucket, "keep/plain", "k");
        String upload = s3().createMultipartUpload(c -> c.bucket(bucket).key("old/multipart")).uploadId();
        String etag = s3().uploadPart(u -> u.bucket(bucket).key("old/multipart").uploadId(upload).partNumber(1),
                RequestBody.fromString("part one")).eTag();
        s3().completeMultipartUpload(c -> c.bucket(bucket).key("old/multipart").uploadId(upload)
                .multipartUpload(m -> m.parts(p -> p.partNumber(1).eTag(etag))));
        assertTrue(stored(bucket + "_segments").stream().anyMatch(name -> name.contains(upload)));

        run(bucket, beforeWrites, false);
        assertEquals(List.of("keep/plain", "old/multipart", "old/plain"), stored(bucket), "not yet a day old");
        run(bucket, daysFromNow(1), true);
        assertEquals(List.of("expire old/multipart (dry run)", "expire old/plain (dry run)"), log);
        assertEquals(List.of("keep/plain", "old/multipart", "old/plain"), stored(bucket), "a dry run changes nothing");

        run(bucket, daysFromNow(1), false);
        assertEquals(List.of("keep/plain"), stored(bucket));
        assertEquals(List.of(), stored(bucket + "_segments").stream().filter(name -> name.contains(upload)).toList(),
                "the multipart object's segments went with it");
        assertEquals("k", s3().getObjectAsBytes(g -> g.bucket(bucket).key("keep/plain")).asUtf8String());
    }

    @Test
    void aNoncurrentRuleKeepsNewerNoncurrentVersions() throws Exception {
        String bucket = bucketWith(true, LifecycleRule.builder().id("nc").status(ExpirationStatus.ENABLED)
                .filter(f -> f.prefix("")).noncurrentVersionExpiration(n -> n.noncurrentDays(1)
                        .newerNoncurrentVersions(1)).build());
        for (String body : List.of("v1", "v2", "v3", "v4")) {
            put(bucket, "k", body);
        }
        run(bucket, daysFromNow(1), false);
        ListObjectVersionsResponse left = s3().listObjectVersions(l -> l.bucket(bucket));
        assertEquals(2, left.versions().size(), left.toString());
        assertEquals("v4", s3().getObjectAsBytes(g -> g.bucket(bucket).key("k")).asUtf8String());
        String older = left.versions().stream().filter(v -> !v.isLatest()).findFirst().orElseThrow().versionId();
        assertEquals("v3", s3().getObjectAsBytes(g -> g.bucket(bucket).key("k").versionId(older)).asUtf8String());
    }

    @Test
    void anExpiredObjectDeleteMarkerGoesAndOneWithOlderVersionsStays() throws Exception {
        String bucket = bucketWith(true, LifecycleRule.builder().id("markers").status(ExpirationStatus.ENABLED)
                .filter(f -> f.prefix("")).expiration(e -> e.expiredObjectDeleteMarker(true)).build());
        String lone = s3().putObject(p -> p.bucket(bucket).key("lone"), RequestBody.fromString("x")).versionId();
        s3().deleteObject(d -> d.bucket(bucket).key("lone"));
        s3().deleteObject(d -> d.bucket(bucket).key("lone").versionId(lone));
        put(bucket, "kept", "y");
        s3().deleteObject(d -> d.bucket(bucket).key("kept"));

        run(bucket, Instant.now(), false);
        ListObjectVersionsResponse left = s3().listObjectVersions(l -> l.bucket(bucket));
        assertEquals(List.of("kept"), left.deleteMarkers().stream().map(m -> m.key()).toList(), left.toString());
        assertEquals(List.of("kept"), left.versions().stream().map(v -> v.key()).toList());
    }

    @Test
    void anAbortRuleAbortsAnAbandonedUploadAndLeavesOnlyTheAbortsTrace() throws Exception {
        String bucket = bucketWith(false, LifecycleRule.builder().id("abort").status(ExpirationStatus.ENABLED)
                .filter(f -> f.prefix("")).abortIncompleteMultipartUpload(a -> a.daysAfterInitiation(1)).build());
        Instant beforeCreate = Instant.now();
        String upload = s3().createMultipartUpload(c -> c.bucket(bucket).key("abandoned")).uploadId();
        s3().uploadPart(u -> u.bucket(bucket).key("abandoned").uploadId(upload).partNumber(1),
                RequestBody.fromString("part"));
        run(bucket, beforeCreate, false);
        assertEquals(1, s3().listMultipartUploads(l -> l.bucket(bucket)).uploads().size(), "not yet a day old");

        run(bucket, daysFromNow(1), false);
        assertEquals(List.of("abort-upload abandoned"), log);
        assertEquals(List.of(), s3().listMultipartUploads(l -> l.bucket(bucket)).uploads());
        List<String> left = stored(bucket + "_segments");
        assertEquals(List.of("aborts/" + upload), left,
                "only the abort's trace, for a Complete racing it, until the sweeper removes it");
    }
}
