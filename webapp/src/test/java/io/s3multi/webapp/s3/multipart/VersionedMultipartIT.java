package io.s3multi.webapp.s3.multipart;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.s3multi.swift.SwiftHeaders;
import io.s3multi.swift.container.VersionEntry;
import io.s3multi.webapp.s3.VersionedBuckets;
import java.io.ByteArrayOutputStream;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.core.sync.RequestBody;
import software.amazon.awssdk.services.s3.model.CompletedPart;

/**
 * Multipart objects on buckets with versioning (Swift's object versioning): a multipart version that an overwrite
 * or a delete made noncurrent keeps its segments and reads back byte-identical by version id; only the null
 * version, replaced in place, takes its segments along (no orphans).
 */
class VersionedMultipartIT extends MultipartIntegrationTest {

    private final List<String> versioned = new ArrayList<>();

    @AfterEach
    void deleteVersions() throws Exception {
        for (String bucket : versioned) {
            VersionedBuckets.deleteAllVersions(swift(), bucket);
        }
        versioned.clear();
    }

    /** A new bucket whose versioning is enabled (or, with {@code false}, never switched on). */
    private String versionedBucket(boolean enabled) throws Exception {
        String bucket = bucket();
        versioned.add(bucket);
        if (enabled) {
            VersionedBuckets.versioning(swift(), bucket, true);
        }
        return bucket;
    }

    @Test
    void putObjectOverAMultipartVersionKeepsItReadable() throws Exception {
        String bucket = versionedBucket(true);
        Upload old = completedUpload(bucket, "k", 3, 1);
        s3().putObject(b -> b.bucket(bucket).key("k"), RequestBody.fromString("plain now"));
        assertStillReadable(bucket, old);
    }

    @Test
    void copyObjectOverAMultipartVersionKeepsItReadable() throws Exception {
        String bucket = versionedBucket(true);
        Upload old = completedUpload(bucket, "k", 3, 2);
        s3().putObject(b -> b.bucket(bucket).key("source"), RequestBody.fromString("the copy's source"));
        s3().copyObject(b -> b.sourceBucket(bucket).sourceKey("source").destinationBucket(bucket)
                .destinationKey("k"));
        assertStillReadable(bucket, old);
    }

    @Test
    void anotherCompleteOverAMultipartVersionKeepsItReadable() throws Exception {
        String bucket = versionedBucket(true);
        Upload old = completedUpload(bucket, "k", 3, 3);
        Upload fresh = completedUpload(bucket, "k", 2, 4);
        assertStillReadable(bucket, old);
        assertStillReadable(bucket, fresh);
    }

    @Test
    void deleteObjectOfAMultipartVersionWritesAMarkerAndKeepsItReadable() throws Exception {
        String bucket = versionedBucket(true);
        Upload old = completedUpload(bucket, "k", 3, 5);
        s3().deleteObject(b -> b.bucket(bucket).key("k"));
        assertTrue(VersionedBuckets.versions(swift(), bucket, "k").get(0).isDeleteMarker());
        assertStillReadable(bucket, old);
    }

    @Test
    void theNullVersionMovedIntoVersionsByAPutKeepsItsSegments() throws Exception {
        assertNullVersionKeptByAWriteAfterVersioningWasEnabled(6, bucket -> s3().putObject(
                b -> b.bucket(bucket).key("k"), RequestBody.fromString("plain now")));
    }

    @Test
    void theNullVersionMovedIntoVersionsByACompleteKeepsItsSegments() throws Exception {
        assertNullVersionKeptByAWriteAfterVersioningWasEnabled(7, bucket -> assertStillReadable(bucket,
                completedUpload(bucket, "k", 2, 8)));
    }

    private void assertNullVersionKeptByAWriteAfterVersioningWasEnabled(long seed, Write write) throws Exception {
        String bucket = versionedBucket(false);
        Upload old = completedUpload(bucket, "k", 3, seed);
        VersionedBuckets.versioning(swift(), bucket, true);
        write.to(bucket);
        assertStillReadable(bucket, old.withVersion(oldestVersion(bucket, "k")));
    }

    private interface Write {
        void to(String bucket) throws Exception;
    }

    @Test
    void aVersionReplacedWhileSuspendedKeepsItsSegments() throws Exception {
        String bucket = versionedBucket(true);
        Upload old = completedUpload(bucket, "k", 3, 9);
        VersionedBuckets.versioning(swift(), bucket, false);
        s3().putObject(b -> b.bucket(bucket).key("k"), RequestBody.fromString("the null version"));
        s3().deleteObject(b -> b.bucket(bucket).key("k"));
        assertStillReadable(bucket, old);
    }

    @Test
    void theNullVersionReplacedWhileSuspendedTakesItsSegmentsAlong() throws Exception {
        String bucket = versionedBucket(true);
        VersionedBuckets.versioning(swift(), bucket, false);
        Upload put = completedUpload(bucket, "k", 3, 10);
        s3().putObject(b -> b.bucket(bucket).key("k"), RequestBody.fromString("the null version"));
        assertNothingLeftOf(bucket, put);
        Upload completed = completedUpload(bucket, "k", 3, 11);
        Upload replacing = completedUpload(bucket, "k", 2, 12);
        assertNothingLeftOf(bucket, completed);
        s3().deleteObject(b -> b.bucket(bucket).key("k"));
        assertNothingLeftOf(bucket, replacing);
    }

    @Test
    void deletingAMultipartVersionByIdDeletesItsSegmentsAndOnlyThose() throws Exception {
        String bucket = versionedBucket(true);
        Upload first = completedUpload(bucket, "k", 3, 13);
        Upload second = completedUpload(bucket, "k", 2, 14);
        s3().putObject(b -> b.bucket(bucket).key("k"), RequestBody.fromString("plain now"));
        assertStillReadable(bucket, first);
        assertStillReadable(bucket, second);

        var deleted = s3().deleteObject(b -> b.bucket(bucket).key("k").versionId(second.versionId()));
        assertEquals(second.versionId(), deleted.versionId());
        assertNothingLeftOf(bucket, second);
        assertStillReadable(bucket, first);
        assertEquals("plain now", s3().getObjectAsBytes(b -> b.bucket(bucket).key("k")).asUtf8String());

        // The current version, multipart: its segments go, and the newest remaining version becomes current.
        Upload third = completedUpload(bucket, "k", 2, 15);
        s3().deleteObject(b -> b.bucket(bucket).key("k").versionId(third.versionId()));
        assertNothingLeftOf(bucket, third);
        assertEquals("plain now", s3().getObjectAsBytes(b -> b.bucket(bucket).key("k")).asUtf8String());
        assertStillReadable(bucket, first);
        List<String> left = segmentNames(bucket);
        assertTrue(left.stream().allMatch(name -> name.contains(first.uploadId())), left.toString());
    }

    /**
     * More parts than a manifest holds (here 4): sub-manifests in the segments container. Swift answers a GET of
     * such a version by id 409 (its SLO middleware passes {@code version-id} on to the sub-manifests, in an
     * unversioned container); the gateway reads it from the sub-manifests, whole, by range and by part.
     */
    @Test
    void aNestedMultipartVersionReadsBackByIdWholeByRangeAndByPart() throws Exception {
        String bucket = versionedBucket(true);
        Upload old = completedUpload(bucket, "k", 6, 20);
        s3().putObject(b -> b.bucket(bucket).key("k"), RequestBody.fromString("plain now"));
        String id = old.versionId();
        byte[] bytes = old.bytes();

        var whole = s3().getObjectAsBytes(b -> b.bucket(bucket).key("k").versionId(id));
        assertArrayEquals(bytes, whole.asByteArray());
        assertEquals(id, whole.response().versionId());
        assertTrue(whole.response().eTag().endsWith("-6\""), whole.response().eTag());
        // Across the first sub-manifest's end (4 parts of MIN_PART_SIZE) into the second.
        long first = 4L * MIN_PART_SIZE - 10;
        long last = 4L * MIN_PART_SIZE + 20;
        var across = s3().getObjectAsBytes(b -> b.bucket(bucket).key("k").versionId(id)
                .range("bytes=" + first + "-" + last));
        assertArrayEquals(java.util.Arrays.copyOfRange(bytes, (int) first, (int) last + 1), across.asByteArray());
        assertEquals("bytes " + first + "-" + last + "/" + bytes.length, across.response().contentRange());
        var tail = s3().getObjectAsBytes(b -> b.bucket(bucket).key("k").versionId(id).range("bytes=-500"));
        assertArrayEquals(java.util.Arrays.copyOfRange(bytes, bytes.length - 500, bytes.length), tail.asByteArray());
        var fifth = s3().getObjectAsBytes(b -> b.bucket(bucket).key("k").versionId(id).partNumber(5));
        assertArrayEquals(java.util.Arrays.copyOfRange(bytes, 4 * MIN_PART_SIZE, 5 * MIN_PART_SIZE),
                fifth.asByteArray());
        assertEquals(6, fifth.response().partsCount());
        assertEquals("InvalidRange", s3Error(() -> s3().getObject(b -> b.bucket(bucket).key("k").versionId(id)
                .range("bytes=" + bytes.length + "-"))).awsErrorDetails().errorCode());
    }

    /** Swift answers 409 to a COPY of such a version too: the gateway copies its bytes from the sub-manifests. */
    @Test
    void aNestedMultipartVersionIsCopiedById() throws Exception {
        String bucket = versionedBucket(true);
        Upload old = completedUpload(bucket, "k", 5, 21);
        s3().putObject(b -> b.bucket(bucket).key("k"), RequestBody.fromString("plain now"));

        var copied = s3().copyObject(b -> b.sourceBucket(bucket).sourceKey("k").sourceVersionId(old.versionId())
                .destinationBucket(bucket).destinationKey("restored"));
        assertEquals(old.versionId(), copied.copySourceVersionId());
        String md5 = java.util.HexFormat.of().formatHex(java.security.MessageDigest.getInstance("MD5")
                .digest(old.bytes()));
        assertEquals("\"" + md5 + "\"", copied.copyObjectResult().eTag());
        var restored = s3().getObjectAsBytes(b -> b.bucket(bucket).key("restored"));
        assertArrayEquals(old.bytes(), restored.asByteArray());
        assertEquals(copied.versionId(), restored.response().versionId());
        assertEquals((long) old.bytes().length, swift().objects().head(bucket, "restored", SwiftHeaders.empty())
                .contentLength());
    }

    /** And to UploadPartCopy's: parts copied from such a version, by range and whole, hold its bytes. */
    @Test
    void partsAreCopiedFromANestedMultipartVersionById() throws Exception {
        String bucket = versionedBucket(true);
        Upload old = completedUpload(bucket, "k", 6, 22);
        s3().putObject(b -> b.bucket(bucket).key("k"), RequestBody.fromString("plain now"));
        byte[] bytes = old.bytes();
        int first = 4 * MIN_PART_SIZE - 10;   // across the first sub-manifest's end (4 parts)
        int last = 5 * MIN_PART_SIZE + 9;

        String uploadId = s3().createMultipartUpload(b -> b.bucket(bucket).key("parts")).uploadId();
        var ranged = s3().uploadPartCopy(b -> b.sourceBucket(bucket).sourceKey("k").sourceVersionId(old.versionId())
                .copySourceRange("bytes=" + first + "-" + last).destinationBucket(bucket).destinationKey("parts")
                .uploadId(uploadId).partNumber(1));
        var whole = s3().uploadPartCopy(b -> b.sourceBucket(bucket).sourceKey("k").sourceVersionId(old.versionId())
                .destinationBucket(bucket).destinationKey("parts").uploadId(uploadId).partNumber(2));
        assertEquals(old.versionId(), ranged.copySourceVersionId());
        s3().completeMultipartUpload(b -> b.bucket(bucket).key("parts").uploadId(uploadId).multipartUpload(m -> m.parts(
                CompletedPart.builder().partNumber(1).eTag(ranged.copyPartResult().eTag()).build(),
                CompletedPart.builder().partNumber(2).eTag(whole.copyPartResult().eTag()).build())));

        ByteArrayOutputStream expected = new ByteArrayOutputStream();
        expected.write(bytes, first, last - first + 1);
        expected.write(bytes);
        assertArrayEquals(expected.toByteArray(), s3().getObjectAsBytes(b -> b.bucket(bucket).key("parts"))
                .asByteArray());
    }

    @Test
    void aMultipartNullVersionDeletedByIdTakesItsSegmentsAlong() throws Exception {
        String bucket = versionedBucket(false);
        Upload old = completedUpload(bucket, "k", 3, 16);
        s3().deleteObject(b -> b.bucket(bucket).key("k").versionId("null"));
        assertNothingLeftOf(bucket, old);
        assertEquals(List.of(), segmentNames(bucket));
    }

    @Test
    void listingsShowTheMultipartEtagOfTheCurrentVersion() throws Exception {
        String bucket = versionedBucket(true);
        completedUpload(bucket, "k", 2, 17);
        completedUpload(bucket, "k", 2, 18);  // the current version is the second one
        s3().putObject(b -> b.bucket(bucket).key("dir/plain"), RequestBody.fromString("plain"));
        completedUpload(bucket, "dir/multi", 2, 19);
        String etag = s3().headObject(b -> b.bucket(bucket).key("k")).eTag();
        String nested = s3().headObject(b -> b.bucket(bucket).key("dir/multi")).eTag();
        assertTrue(etag.endsWith("-2\""), etag);

        assertEquals(etag, listedEtags(bucket, null, null).get("k"));
        assertEquals(nested, listedEtags(bucket, null, null).get("dir/multi"));
        assertEquals(etag, listedEtags(bucket, null, "/").get("k"));
        assertEquals(nested, listedEtags(bucket, "dir/", "/").get("dir/multi"));
        assertEquals(etag, listedEtags(bucket, null, "ir").get("k"));  // a delimiter Swift cannot roll up
        assertEquals(etag, s3().listObjects(b -> b.bucket(bucket)).contents().stream()
                .filter(o -> o.key().equals("k")).findFirst().orElseThrow().eTag());
    }

    private static java.util.Map<String, String> listedEtags(String bucket, String prefix, String delimiter) {
        java.util.Map<String, String> etags = new java.util.HashMap<>();
        s3().listObjectsV2(b -> b.bucket(bucket).prefix(prefix).delimiter(delimiter)).contents()
                .forEach(o -> etags.put(o.key(), o.eTag()));
        return etags;
    }

    /** A completed upload: its id, its bytes, the version id Swift gave its manifest ({@code null}: none). */
    private record Upload(String uploadId, byte[] bytes, String versionId) {
        Upload withVersion(String id) {
            return new Upload(uploadId, bytes, id);
        }
    }

    private static Upload completedUpload(String bucket, String key, int parts, long seed) throws Exception {
        String uploadId = s3().createMultipartUpload(b -> b.bucket(bucket).key(key)).uploadId();
        List<CompletedPart> completed = new ArrayList<>();
        ByteArrayOutputStream all = new ByteArrayOutputStream();
        for (int number = 1; number <= parts; number++) {
            int n = number;
            byte[] part = randomBytes(n == parts ? 1000 : MIN_PART_SIZE, seed * 100 + n);
            all.write(part);
            String eTag = s3().uploadPart(b -> b.bucket(bucket).key(key).uploadId(uploadId).partNumber(n),
                    RequestBody.fromBytes(part)).eTag();
            completed.add(CompletedPart.builder().partNumber(n).eTag(eTag).build());
        }
        s3().completeMultipartUpload(b -> b.bucket(bucket).key(key).uploadId(uploadId)
                .multipartUpload(m -> m.parts(completed)));
        String version = swift().objects().head(bucket, key, SwiftHeaders.empty()).header("X-Object-Version-Id");
        return new Upload(uploadId, all.toByteArray(), "null".equals(version) ? null : version);
    }

    private static String oldestVersion(String bucket, String key) throws Exception {
        List<VersionEntry> versions = VersionedBuckets.versions(swift(), bucket, key);
        return versions.get(versions.size() - 1).versionId();
    }

    /** The version reads back byte-identical by id, straight from Swift, and its upload's parts are all there. */
    private static void assertStillReadable(String bucket, Upload upload) throws Exception {
        assertNotNull(upload.versionId(), "a version id");
        assertArrayEquals(upload.bytes(), VersionedBuckets.read(swift(), bucket, "k", upload.versionId()),
                "version " + upload.versionId() + " of upload " + upload.uploadId());
        assertTrue(segmentNames(bucket).stream().anyMatch(name -> name.startsWith("parts/" + upload.uploadId())),
                segmentNames(bucket).toString());
    }

    private static void assertNothingLeftOf(String bucket, Upload upload) throws Exception {
        List<String> left = segmentNames(bucket).stream().filter(name -> name.contains(upload.uploadId())).toList();
        assertEquals(List.of(), left, "left in " + bucket + "_segments of upload " + upload.uploadId());
    }
}
