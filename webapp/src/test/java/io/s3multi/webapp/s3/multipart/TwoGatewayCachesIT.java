package io.s3multi.webapp.s3.multipart;

import io.s3multi.s3.multipart.SegmentFreeBuckets;
import io.s3multi.s3.multipart.SkippedLookCheck;
import io.s3multi.swift.SwiftHeaders;
import io.s3multi.swift.SwiftReply;
import io.s3multi.webapp.s3.S3TestGateway;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.core.sync.RequestBody;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.model.BucketVersioningStatus;
import software.amazon.awssdk.services.s3.model.CompleteMultipartUploadResponse;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Properties;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;

/**
 * What each gateway remembers (a bucket without segments, an upload's checksum algorithm, a bucket without
 * versioning) while another gateway on the same Swift changes what it describes: no orphaned segment, no lost part
 * or version. The second gateway, {@code west}, reaches the dev Swift as {@code localhost} instead of
 * {@code 127.0.0.1}: Swift's tempauth then names the same account by another storage URL, so the per-JVM
 * {@link SegmentFreeBuckets} keeps what each gateway learnt apart, as two gateway processes would.
 */
class TwoGatewayCachesIT extends MultipartIntegrationTest {

    private static S3TestGateway west;

    @BeforeAll
    static void startWest() throws Exception {
        Properties properties = multipartSettings(S3TestGateway.configuration());
        String otherName = S3TestGateway.SWIFT_URL.replace("127.0.0.1", "localhost");
        for (String name : properties.stringPropertyNames()) {
            if (properties.getProperty(name).equals(S3TestGateway.SWIFT_URL)) {
                properties.setProperty(name, otherName);
            }
        }
        west = S3TestGateway.start(properties);
    }

    @AfterAll
    static void stopWest() throws Exception {
        west.close();
    }

    @AfterEach
    void trustAsTheGatewayDoes() {
        SegmentFreeBuckets.trustForTests(SegmentFreeBuckets.TTL);
    }

    private static S3Client westS3() {
        return west.s3();
    }

    /**
     * This gateway trusts the bucket to be without segments; the other completes a multipart object at k (it never
     * saw the bucket, so it does not wait), and a PutObject here replaces it without a look: the object's segments
     * must go (the Complete looks at its key again once no gateway can trust the bucket any longer).
     */
    @Test
    void aMultipartObjectCompletedOnAnotherGatewayAndOverwrittenHereLeavesNoSegments() throws Exception {
        // A loaded machine takes longer than the 1 s the gateway trusts for the few requests below.
        SegmentFreeBuckets.trustForTests(Duration.ofSeconds(10));
        String bucket = bucket();
        byte[] small = "small".getBytes(StandardCharsets.UTF_8);
        SmallPutCostIT.awaitSegmentFreeKnown(bucket, small);
        String uploadId = westS3().createMultipartUpload(b -> b.bucket(bucket).key("k")).uploadId();
        String etag = westS3().uploadPart(b -> b.bucket(bucket).key("k").uploadId(uploadId).partNumber(1),
                RequestBody.fromBytes(randomBytes(1000, 31))).eTag();
        westS3().completeMultipartUpload(b -> b.bucket(bucket).key("k").uploadId(uploadId)
                .multipartUpload(m -> m.parts(p -> p.partNumber(1).eTag(etag))));

        s3().putObject(b -> b.bucket(bucket).key("k"), RequestBody.fromBytes(small));
        // The Complete's check of its key is due when the 10 s of trust are over; the PutObject has landed.
        SkippedLookCheck.runPendingForTests();

        assertArrayEquals(small, s3().getObjectAsBytes(b -> b.bucket(bucket).key("k")).asByteArray());
        assertEquals(List.of(), segmentsOfUpload(bucket, uploadId), "left in " + bucket + "_segments");
    }

    /** The Complete's late look at its key finds its own object there: the object keeps every segment. */
    @Test
    void aYoungUploadsObjectLeftAloneKeepsItsSegmentsAfterTheLateLook() throws Exception {
        String bucket = bucket();
        byte[] bytes = randomBytes(1000, 39);
        String uploadId = westS3().createMultipartUpload(b -> b.bucket(bucket).key("k")).uploadId();
        String etag = westS3().uploadPart(b -> b.bucket(bucket).key("k").uploadId(uploadId).partNumber(1),
                RequestBody.fromBytes(bytes)).eTag();
        westS3().completeMultipartUpload(b -> b.bucket(bucket).key("k").uploadId(uploadId)
                .multipartUpload(m -> m.parts(p -> p.partNumber(1).eTag(etag))));

        SkippedLookCheck.runPendingForTests();

        assertEquals(1, segmentsOfUpload(bucket, uploadId).size(), segmentsOfUpload(bucket, uploadId).toString());
        assertArrayEquals(bytes, s3().getObjectAsBytes(b -> b.bucket(bucket).key("k")).asByteArray());
    }

    /** A part sent here for an upload this gateway created, after the other gateway aborted it. */
    @Test
    void aPartOfAnUploadAbortedOnAnotherGatewayIsNoSuchUploadAndLeavesNothing() throws Exception {
        String bucket = bucket();
        String uploadId = s3().createMultipartUpload(b -> b.bucket(bucket).key("k")).uploadId();
        s3().uploadPart(b -> b.bucket(bucket).key("k").uploadId(uploadId).partNumber(1),
                RequestBody.fromBytes(randomBytes(MIN_PART_SIZE, 32)));
        westS3().abortMultipartUpload(b -> b.bucket(bucket).key("k").uploadId(uploadId));

        var failure = s3Error(() -> s3().uploadPart(b -> b.bucket(bucket).key("k").uploadId(uploadId)
                .partNumber(2), RequestBody.fromBytes(randomBytes(1000, 33))));

        assertEquals("NoSuchUpload", failure.awsErrorDetails().errorCode());
        assertEquals(List.of(), segmentsOfUpload(bucket, uploadId));
    }

    /** A part sent here after the other gateway completed the upload: refused, and the object keeps its bytes. */
    @Test
    void aPartOfAnUploadCompletedOnAnotherGatewayIsNoSuchUploadAndTheObjectStaysWhole() throws Exception {
        String bucket = bucket();
        byte[] first = randomBytes(MIN_PART_SIZE, 34);
        byte[] second = randomBytes(2000, 35);
        String uploadId = s3().createMultipartUpload(b -> b.bucket(bucket).key("k")).uploadId();
        String etag1 = s3().uploadPart(b -> b.bucket(bucket).key("k").uploadId(uploadId).partNumber(1),
                RequestBody.fromBytes(first)).eTag();
        String etag2 = s3().uploadPart(b -> b.bucket(bucket).key("k").uploadId(uploadId).partNumber(2),
                RequestBody.fromBytes(second)).eTag();
        westS3().completeMultipartUpload(b -> b.bucket(bucket).key("k").uploadId(uploadId).multipartUpload(m -> m
                .parts(p -> p.partNumber(1).eTag(etag1), p -> p.partNumber(2).eTag(etag2))));

        var failure = s3Error(() -> s3().uploadPart(b -> b.bucket(bucket).key("k").uploadId(uploadId)
                .partNumber(2), RequestBody.fromBytes(randomBytes(3000, 36))));

        assertEquals("NoSuchUpload", failure.awsErrorDetails().errorCode());
        assertArrayEquals(concat(first, second), s3().getObjectAsBytes(b -> b.bucket(bucket).key("k"))
                .asByteArray());
        assertEquals(2, segmentsOfUpload(bucket, uploadId).size(), segmentsOfUpload(bucket, uploadId).toString());
        assertEquals(segmentsOfUpload(bucket, uploadId).stream().map(name -> bucket + "_segments/" + name).toList(),
                MultipartIntegrationTestSupport.assertManifestSegmentsExist(swift(), bucket, "k"));
    }

    /**
     * Versioning enabled on the other gateway between this one's Create and Complete, over a multipart object of the
     * unversioned days: the Complete names its version, and the older object stays readable as a noncurrent version.
     */
    @Test
    void versioningEnabledOnAnotherGatewayDuringAnUploadKeepsTheOlderObjectAndNamesTheNewVersion()
            throws Exception {
        String bucket = bucket();
        byte[] old = randomBytes(1500, 37);
        String oldUpload = s3().createMultipartUpload(b -> b.bucket(bucket).key("k")).uploadId();
        String oldEtag = s3().uploadPart(b -> b.bucket(bucket).key("k").uploadId(oldUpload).partNumber(1),
                RequestBody.fromBytes(old)).eTag();
        s3().completeMultipartUpload(b -> b.bucket(bucket).key("k").uploadId(oldUpload)
                .multipartUpload(m -> m.parts(p -> p.partNumber(1).eTag(oldEtag))));
        byte[] fresh = randomBytes(2500, 38);
        String uploadId = s3().createMultipartUpload(b -> b.bucket(bucket).key("k")).uploadId();
        String etag = s3().uploadPart(b -> b.bucket(bucket).key("k").uploadId(uploadId).partNumber(1),
                RequestBody.fromBytes(fresh)).eTag();
        westS3().putBucketVersioning(b -> b.bucket(bucket)
                .versioningConfiguration(v -> v.status(BucketVersioningStatus.ENABLED)));

        CompleteMultipartUploadResponse done = s3().completeMultipartUpload(b -> b.bucket(bucket).key("k")
                .uploadId(uploadId).multipartUpload(m -> m.parts(p -> p.partNumber(1).eTag(etag))));

        assertNotNull(done.versionId(), "the version the Complete wrote");
        assertArrayEquals(fresh, s3().getObjectAsBytes(b -> b.bucket(bucket).key("k").versionId(done.versionId()))
                .asByteArray());
        // Swift names the older object by its timestamp once it moves it into its versions (docs/VERSIONING.md).
        List<String> older = s3().listObjectVersions(b -> b.bucket(bucket).prefix("k")).versions().stream()
                .filter(version -> !version.isLatest()).map(version -> version.versionId()).toList();
        assertEquals(1, older.size(), older.toString());
        assertArrayEquals(old, s3().getObjectAsBytes(b -> b.bucket(bucket).key("k").versionId(older.get(0)))
                .asByteArray());
        assertEquals(1, segmentsOfUpload(bucket, oldUpload).size(), "the older object's part");
        SwiftReply head = swift().objects().head(bucket, "k", SwiftHeaders.empty());
        assertEquals(uploadId, head.header("X-Object-Meta-S3multi-Upload-Id"));
    }
}
