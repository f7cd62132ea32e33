package io.s3multi.webapp.s3.lifecycle;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.s3multi.s3.contract.RegistryLayout;
import io.s3multi.swift.SwiftHeaders;
import io.s3multi.swift.http.SwiftResponse;
import io.s3multi.webapp.s3.S3IntegrationTest;
import io.s3multi.webapp.s3.S3TestGateway;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.core.sync.RequestBody;
import software.amazon.awssdk.services.s3.model.CreateMultipartUploadResponse;
import software.amazon.awssdk.services.s3.model.ExpirationStatus;
import software.amazon.awssdk.services.s3.model.LifecycleRule;
import software.amazon.awssdk.services.s3.model.S3Exception;
import software.amazon.awssdk.services.s3.model.TransitionStorageClass;

/**
 * Put/Get/DeleteBucketLifecycleConfiguration through the AWS SDK v2 with its defaults (and awscli, boto3's older
 * PutBucketLifecycle), against the dev Swift: where the configuration is stored, AWS's refusals, and the
 * {@code x-amz-expiration} / {@code x-amz-abort-*} headers it causes.
 */
class BucketLifecycleIT extends S3IntegrationTest {

    private static final LifecycleRule LOGS = LifecycleRule.builder().id("logs").status(ExpirationStatus.ENABLED)
            .filter(f -> f.prefix("logs/")).expiration(e -> e.days(30))
            .abortIncompleteMultipartUpload(a -> a.daysAfterInitiation(7)).build();
    private static final LifecycleRule VERSIONS = LifecycleRule.builder().id("versions")
            .status(ExpirationStatus.DISABLED).filter(f -> f.and(a -> a.prefix("v/").objectSizeGreaterThan(10L)
                    .tags(t -> t.key("keep").value("no"))))
            .noncurrentVersionExpiration(n -> n.noncurrentDays(3).newerNoncurrentVersions(2)).build();

    private String bucketWith(LifecycleRule... rules) {
        String bucket = uniqueBucket();
        s3().createBucket(b -> b.bucket(bucket));
        if (rules.length > 0) {
            s3().putBucketLifecycleConfiguration(p -> p.bucket(bucket).lifecycleConfiguration(c -> c.rules(rules)));
        }
        return bucket;
    }

    private static String stored(String bucket) throws Exception {
        if (!S3TestGateway.objectNames(gateway().registry(), bucket).contains(RegistryLayout.LIFECYCLE)) {
            return null;
        }
        try (SwiftResponse stored = gateway().registry().objects().get(bucket, RegistryLayout.LIFECYCLE,
                SwiftHeaders.empty())) {
            return new String(stored.body().readAllBytes(), StandardCharsets.UTF_8);
        }
    }

    /** The next midnight UTC after {@code days} days from now (what AWS shows for an object written now). */
    private static Instant midnightAfter(int days) {
        return LocalDate.ofInstant(Instant.now().plusSeconds(days * 86_400L), ZoneOffset.UTC).plusDays(1)
                .atStartOfDay().toInstant(ZoneOffset.UTC);
    }

    @Test
    void aConfigurationIsStoredWithTheBucketsRecordAndReadBack() throws Exception {
        String bucket = bucketWith(LOGS, VERSIONS);
        assertEquals(List.of(LOGS, VERSIONS), s3().getBucketLifecycleConfiguration(g -> g.bucket(bucket)).rules());
        String stored = stored(bucket);
        assertTrue(stored.contains("<ID>logs</ID>") && stored.contains("<DaysAfterInitiation>7<"), stored);
        assertEquals(List.of(), S3TestGateway.objectNames(swift(), bucket), "nothing is written into the bucket");

        s3().deleteBucketLifecycle(d -> d.bucket(bucket));
        S3Exception none = assertThrows(S3Exception.class,
                () -> s3().getBucketLifecycleConfiguration(g -> g.bucket(bucket)));
        assertEquals(404, none.statusCode());
        assertEquals("NoSuchLifecycleConfiguration", none.awsErrorDetails().errorCode());
        assertNull(stored(bucket));
    }

    @Test
    void badConfigurationsAreRefusedAsAwsRefusesThemAndNothingIsStored() throws Exception {
        String bucket = bucketWith();
        assertEquals("InvalidArgument", refused(bucket, LifecycleRule.builder().id("z")
                .status(ExpirationStatus.ENABLED).filter(f -> f.prefix("")).expiration(e -> e.days(0)).build()));
        assertEquals("InvalidArgument", refused(bucket, LifecycleRule.builder().id("d")
                .status(ExpirationStatus.ENABLED).filter(f -> f.prefix(""))
                .expiration(e -> e.date(Instant.parse("2030-01-01T12:00:00Z"))).build()));
        assertEquals("InvalidStorageClass", refused(bucket, LifecycleRule.builder().id("t")
                .status(ExpirationStatus.ENABLED).filter(f -> f.prefix(""))
                .transitions(t -> t.days(30).storageClass(TransitionStorageClass.GLACIER)).build()));
        assertEquals("InvalidArgument", refused(bucket, LOGS, LOGS), "duplicate IDs");
        assertNull(stored(bucket));
    }

    private static String refused(String bucket, LifecycleRule... rules) {
        return assertThrows(S3Exception.class, () -> s3().putBucketLifecycleConfiguration(p -> p.bucket(bucket)
                .lifecycleConfiguration(c -> c.rules(rules)))).awsErrorDetails().errorCode();
    }

    @Test
    void objectsAndUploadsARuleWillExpireSayWhenAndByWhichRule() {
        String bucket = bucketWith(LOGS);
        String expected = "expiry-date=\"" + java.time.format.DateTimeFormatter.ofPattern(
                "EEE, dd MMM yyyy HH:mm:ss 'GMT'", java.util.Locale.US).withZone(ZoneOffset.UTC).format(
                midnightAfter(30)) + "\", rule-id=\"logs\"";
        String put = s3().putObject(p -> p.bucket(bucket).key("logs/a"), RequestBody.fromString("x")).expiration();
        assertEquals(expected, put);
        assertEquals(expected, s3().headObject(h -> h.bucket(bucket).key("logs/a")).expiration());
        assertEquals(expected, s3().getObjectAsBytes(g -> g.bucket(bucket).key("logs/a")).response().expiration());
        s3().putObject(p -> p.bucket(bucket).key("other"), RequestBody.fromString("x"));
        assertNull(s3().headObject(h -> h.bucket(bucket).key("other")).expiration());

        CreateMultipartUploadResponse upload = s3().createMultipartUpload(c -> c.bucket(bucket).key("logs/big"));
        assertEquals("logs", upload.abortRuleId());
        assertEquals(midnightAfter(7), upload.abortDate());
        var parts = s3().listParts(l -> l.bucket(bucket).key("logs/big").uploadId(upload.uploadId()));
        assertEquals("logs", parts.abortRuleId());
        assertEquals(midnightAfter(7), parts.abortDate());
        CreateMultipartUploadResponse elsewhere = s3().createMultipartUpload(c -> c.bucket(bucket).key("x"));
        assertNull(elsewhere.abortRuleId());
    }

    @Test
    void aBucketWithoutAConfigurationShowsNoHeaders() {
        String bucket = bucketWith();
        assertNull(s3().putObject(p -> p.bucket(bucket).key("logs/a"), RequestBody.fromString("x")).expiration());
        assertNull(s3().createMultipartUpload(c -> c.bucket(bucket).key("logs/a")).abortDate());
    }

    /** awscli's put-bucket-lifecycle-configuration and boto3's older put_bucket_lifecycle (rule-level Prefix). */
    @Test
    void awscliAndTheOlderPutBucketLifecycleOfBoto3() throws Exception {
        String bucket = bucketWith();
        tools().aws("s3api", "put-bucket-lifecycle-configuration", "--bucket", bucket, "--lifecycle-configuration",
                "{\"Rules\":[{\"ID\":\"cli\",\"Status\":\"Enabled\",\"Filter\":{\"Prefix\":\"tmp/\"},"
                        + "\"AbortIncompleteMultipartUpload\":{\"DaysAfterInitiation\":1}}]}").requireSuccess();
        assertEquals("cli", s3().getBucketLifecycleConfiguration(g -> g.bucket(bucket)).rules().get(0).id());

        tools().boto3(String.join("\n",
                "s3 = s3_client()",
                "s3.put_bucket_lifecycle(Bucket='" + bucket + "', LifecycleConfiguration={'Rules': [",
                "    {'ID': 'old', 'Prefix': 'old/', 'Status': 'Enabled', 'Expiration': {'Days': 2}}]})",
                "got = s3.get_bucket_lifecycle(Bucket='" + bucket + "')['Rules']",
                "expect(got[0]['Prefix'] == 'old/' and got[0]['ID'] == 'old', got)")).requireSuccess();
        String stored = stored(bucket);
        assertTrue(stored.contains("<Prefix>old/</Prefix>") && !stored.contains("<Filter>"), stored);
        assertFalse(stored.contains("cli"), "the new configuration replaced the old one");
    }
}
