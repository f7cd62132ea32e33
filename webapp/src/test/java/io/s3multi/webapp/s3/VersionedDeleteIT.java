package io.s3multi.webapp.s3;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.s3multi.swift.SwiftHeaders;
import io.s3multi.swift.container.VersionEntry;
import io.s3multi.swift.error.SwiftHttpStatusException;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.HexFormat;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.core.sync.RequestBody;
import software.amazon.awssdk.services.s3.model.DeleteObjectResponse;
import software.amazon.awssdk.services.s3.model.DeleteObjectsResponse;
import software.amazon.awssdk.services.s3.model.DeletedObject;
import software.amazon.awssdk.services.s3.model.NoSuchKeyException;
import software.amazon.awssdk.services.s3.model.ObjectIdentifier;
import software.amazon.awssdk.services.s3.model.S3Error;
import software.amazon.awssdk.services.s3.model.S3Exception;

/**
 * DeleteObject and DeleteObjects on buckets with versioning (Swift's object versioning): delete markers, deleting one
 * version by id, the newest remaining version made current again, suspended buckets; AWS SDK v2 defaults and boto3.
 * What Swift stored is read straight from Swift ({@link VersionedBuckets}).
 */
class VersionedDeleteIT extends S3IntegrationTest {

    private final List<String> versioned = new ArrayList<>();

    @AfterEach
    void deleteVersions() throws Exception {
        for (String bucket : versioned) {
            VersionedBuckets.deleteAllVersions(swift(), bucket);
        }
        versioned.clear();
    }

    private String versionedBucket() throws Exception {
        String bucket = uniqueBucket();
        s3().createBucket(b -> b.bucket(bucket));
        versioned.add(bucket);
        VersionedBuckets.versioning(swift(), bucket, true);
        return bucket;
    }

    /** Puts {@code body} at {@code key}; the version id Swift gave it. */
    private static String put(String bucket, String key, String body) throws Exception {
        s3().putObject(b -> b.bucket(bucket).key(key), RequestBody.fromString(body));
        return swift().objects().head(bucket, key, SwiftHeaders.empty()).header("X-Object-Version-Id");
    }

    private static List<VersionEntry> versions(String bucket, String key) throws Exception {
        return VersionedBuckets.versions(swift(), bucket, key);
    }

    private static String current(String bucket, String key) {
        return s3().getObjectAsBytes(b -> b.bucket(bucket).key(key)).asUtf8String();
    }

    private static String read(String bucket, String key, String versionId) throws Exception {
        return new String(VersionedBuckets.read(swift(), bucket, key, versionId), StandardCharsets.UTF_8);
    }

    /** Swift's current version of the key is its newest version (or there is none, with a marker newest). */
    private static void assertNewestIsCurrent(String bucket, String key) throws Exception {
        VersionEntry newest = versions(bucket, key).get(0);
        if (newest.isDeleteMarker()) {
            assertThrows(NoSuchKeyException.class, () -> current(bucket, key));
            SwiftHttpStatusException absent = assertThrows(SwiftHttpStatusException.class,
                    () -> swift().objects().head(bucket, key, SwiftHeaders.empty()));
            assertEquals(404, absent.status());
        } else {
            assertEquals(newest.versionId(), swift().objects().head(bucket, key, SwiftHeaders.empty())
                    .header("X-Object-Version-Id"));
            assertEquals(read(bucket, key, newest.versionId()), current(bucket, key));
        }
    }

    @Test
    void deleteWithoutVersionIdWritesAMarkerAndAnswersIt() throws Exception {
        String bucket = versionedBucket();
        String one = put(bucket, "k", "one");
        DeleteObjectResponse deleted = s3().deleteObject(b -> b.bucket(bucket).key("k"));
        assertTrue(deleted.deleteMarker(), deleted.toString());
        List<VersionEntry> versions = versions(bucket, "k");
        assertEquals(2, versions.size(), versions.toString());
        assertTrue(versions.get(0).isDeleteMarker());
        assertEquals(versions.get(0).versionId(), deleted.versionId());
        assertThrows(NoSuchKeyException.class, () -> current(bucket, "k"));
        assertEquals("one", read(bucket, "k", one));
    }

    @Test
    void deleteOfAKeyThatIsNotThereWritesAMarkerToo() throws Exception {
        String bucket = versionedBucket();
        DeleteObjectResponse deleted = s3().deleteObject(b -> b.bucket(bucket).key("never"));
        assertTrue(deleted.deleteMarker(), deleted.toString());
        List<VersionEntry> versions = versions(bucket, "never");
        assertEquals(1, versions.size(), versions.toString());
        assertEquals(deleted.versionId(), versions.get(0).versionId());
    }

    @Test
    void deleteOfTheMarkerByIdRestoresThePreviousVersion() throws Exception {
        String bucket = versionedBucket();
        put(bucket, "k", "one");
        put(bucket, "k", "two");
        String marker = s3().deleteObject(b -> b.bucket(bucket).key("k")).versionId();
        DeleteObjectResponse deleted = s3().deleteObject(b -> b.bucket(bucket).key("k").versionId(marker));
        assertTrue(deleted.deleteMarker(), deleted.toString());
        assertEquals(marker, deleted.versionId());
        assertEquals("two", current(bucket, "k"));
        assertEquals(2, versions(bucket, "k").size());
        assertNewestIsCurrent(bucket, "k");
    }

    @Test
    void deleteOfTheCurrentVersionByIdMakesTheNewestRemainingOneCurrent() throws Exception {
        String bucket = versionedBucket();
        String one = put(bucket, "k", "one");
        put(bucket, "k", "two");
        String three = put(bucket, "k", "three");
        DeleteObjectResponse deleted = s3().deleteObject(b -> b.bucket(bucket).key("k").versionId(three));
        assertNull(deleted.deleteMarker(), deleted.toString());
        assertEquals(three, deleted.versionId());
        assertEquals("two", current(bucket, "k"));
        assertNewestIsCurrent(bucket, "k");
        assertEquals("one", read(bucket, "k", one));
    }

    @Test
    void deleteOfANoncurrentVersionByIdLeavesTheCurrentOne() throws Exception {
        String bucket = versionedBucket();
        String one = put(bucket, "k", "one");
        String two = put(bucket, "k", "two");
        s3().deleteObject(b -> b.bucket(bucket).key("k").versionId(one));
        assertEquals(List.of(two), versions(bucket, "k").stream().map(VersionEntry::versionId).toList());
        assertEquals("two", current(bucket, "k"));
    }

    @Test
    void deleteOfTheLastVersionLeavesNothing() throws Exception {
        String bucket = versionedBucket();
        String one = put(bucket, "k", "one");
        s3().deleteObject(b -> b.bucket(bucket).key("k").versionId(one));
        assertEquals(List.of(), versions(bucket, "k"));
        assertThrows(NoSuchKeyException.class, () -> current(bucket, "k"));
    }

    @Test
    void anUnknownVersionIdIsDeletedAlreadyAndAMalformedOneIsInvalidArgument() throws Exception {
        String bucket = versionedBucket();
        String one = put(bucket, "k", "one");
        String unknown = "1000000000.00000";
        DeleteObjectResponse deleted = s3().deleteObject(b -> b.bucket(bucket).key("k").versionId(unknown));
        assertEquals(204, deleted.sdkHttpResponse().statusCode());
        assertEquals(unknown, deleted.versionId());
        S3Exception malformed = assertThrows(S3Exception.class,
                () -> s3().deleteObject(b -> b.bucket(bucket).key("k").versionId("garbage")));
        assertEquals(400, malformed.statusCode());
        assertEquals("InvalidArgument", malformed.awsErrorDetails().errorCode());
        assertEquals(List.of(one), versions(bucket, "k").stream().map(VersionEntry::versionId).toList());
        assertEquals("one", current(bucket, "k"));
    }

    @Test
    void versionIdNullDeletesTheNullVersionAndTheNewestRemainingOneBecomesCurrent() throws Exception {
        String bucket = versionedBucket();
        String one = put(bucket, "k", "one");
        VersionedBuckets.versioning(swift(), bucket, false);
        put(bucket, "k", "the null version");
        assertEquals("the null version", current(bucket, "k"));
        s3().deleteObject(b -> b.bucket(bucket).key("k").versionId("null"));
        assertEquals(List.of(one), versions(bucket, "k").stream().map(VersionEntry::versionId).toList());
        assertEquals("one", current(bucket, "k"));
    }

    @Test
    void versionIdNullWithoutANullVersionDeletesNothing() throws Exception {
        String bucket = versionedBucket();
        String one = put(bucket, "k", "one");
        s3().deleteObject(b -> b.bucket(bucket).key("k").versionId("null"));
        assertEquals(List.of(one), versions(bucket, "k").stream().map(VersionEntry::versionId).toList());
        assertEquals("one", current(bucket, "k"));
    }

    @Test
    void deleteOnASuspendedBucketDeletesTheNullVersionOnlyAndWritesNoMarker() throws Exception {
        String bucket = versionedBucket();
        String one = put(bucket, "k", "one");
        VersionedBuckets.versioning(swift(), bucket, false);
        put(bucket, "k", "the null version");
        DeleteObjectResponse deleted = s3().deleteObject(b -> b.bucket(bucket).key("k"));
        assertNull(deleted.deleteMarker(), "Swift writes no marker while suspended: " + deleted);
        assertThrows(NoSuchKeyException.class, () -> current(bucket, "k"));
        assertEquals(List.of(one), versions(bucket, "k").stream().map(VersionEntry::versionId).toList());
        assertEquals("one", read(bucket, "k", one));
    }

    @Test
    void deleteObjectsReportsMarkersAndVersionsAsAwsDoes() throws Exception {
        String bucket = versionedBucket();
        put(bucket, "a", "a1");
        put(bucket, "a", "a2");
        String b1 = put(bucket, "b", "b1");
        put(bucket, "b", "b2");
        put(bucket, "c", "c1");
        String cMarker = s3().deleteObject(b -> b.bucket(bucket).key("c")).versionId();
        DeleteObjectsResponse response = s3().deleteObjects(b -> b.bucket(bucket).delete(d -> d.objects(
                ObjectIdentifier.builder().key("a").build(),
                ObjectIdentifier.builder().key("b").versionId(b1).build(),
                ObjectIdentifier.builder().key("c").versionId(cMarker).build(),
                ObjectIdentifier.builder().key("d").versionId("1000000000.00000").build(),
                ObjectIdentifier.builder().key("e").versionId("garbage").build())));
        Map<String, DeletedObject> deleted = response.deleted().stream()
                .collect(Collectors.toMap(DeletedObject::key, Function.identity()));
        assertEquals(4, deleted.size(), response.toString());

        String aMarker = versions(bucket, "a").get(0).versionId();
        assertTrue(versions(bucket, "a").get(0).isDeleteMarker());
        assertTrue(deleted.get("a").deleteMarker());
        assertEquals(aMarker, deleted.get("a").deleteMarkerVersionId());
        assertNull(deleted.get("a").versionId());

        assertEquals(b1, deleted.get("b").versionId());
        assertNull(deleted.get("b").deleteMarker());
        assertEquals(1, versions(bucket, "b").size());
        assertEquals("b2", current(bucket, "b"));

        assertEquals(cMarker, deleted.get("c").versionId());
        assertTrue(deleted.get("c").deleteMarker());
        assertEquals(cMarker, deleted.get("c").deleteMarkerVersionId());
        assertEquals("c1", current(bucket, "c"));

        assertEquals("1000000000.00000", deleted.get("d").versionId());

        List<S3Error> errors = response.errors();
        assertEquals(1, errors.size(), response.toString());
        assertEquals("e", errors.get(0).key());
        assertEquals("InvalidArgument", errors.get(0).code());
    }

    @Test
    void boto3SeesMarkersAndVersionDeletesAsAwsAnswersThem() throws Exception {
        String bucket = versionedBucket();
        String one = put(bucket, "k", "one");
        ToolResult boto3 = tools().boto3(String.join("\n",
                "s3 = s3_client()",
                "b = '" + bucket + "'",
                "s3.put_object(Bucket=b, Key='k', Body=b'two')",
                "marker = s3.delete_object(Bucket=b, Key='k')",
                "expect(marker.get('DeleteMarker') is True, marker)",
                "gone = s3.delete_object(Bucket=b, Key='k', VersionId=marker['VersionId'])",
                "expect(gone.get('DeleteMarker') is True and gone['VersionId'] == marker['VersionId'], gone)",
                "expect(s3.get_object(Bucket=b, Key='k')['Body'].read() == b'two')",
                "result = s3.delete_objects(Bucket=b, Delete={'Objects': [{'Key': 'k', 'VersionId': '" + one + "'},",
                "    {'Key': 'k'}]})",
                "deleted = result['Deleted']",
                "expect(len(deleted) == 2 and not result.get('Errors'), result)",
                "expect(deleted[0]['VersionId'] == '" + one + "' and 'DeleteMarker' not in deleted[0], deleted[0])",
                "expect(deleted[1]['DeleteMarker'] is True and deleted[1]['DeleteMarkerVersionId'], deleted[1])",
                "print(deleted[1]['DeleteMarkerVersionId'])"));
        boto3.requireSuccess();
        List<VersionEntry> versions = versions(bucket, "k");
        assertEquals(2, versions.size(), versions.toString());
        assertTrue(versions.get(0).isDeleteMarker());
        assertEquals(versions.get(0).versionId(), boto3.stdout().strip());
        assertFalse(versions.get(1).isDeleteMarker());
        assertNotEquals(one, versions.get(1).versionId());
        assertEquals("two", read(bucket, "k", versions.get(1).versionId()));
    }

    @Test
    void sixteenConcurrentWritersAndDeletersLeaveOneLatestVersionAndEveryVersionReadable() throws Exception {
        String bucket = versionedBucket();
        Set<String> written = ConcurrentHashMap.newKeySet();
        written.add("seed");
        put(bucket, "k", "seed");
        ExecutorService pool = Executors.newFixedThreadPool(CONCURRENT);
        try {
            CountDownLatch start = new CountDownLatch(1);
            List<Future<?>> running = new ArrayList<>();
            for (int worker = 0; worker < CONCURRENT; worker++) {
                int id = worker;
                running.add(pool.submit(() -> {
                    start.await();
                    for (int round = 0; round < ROUNDS; round++) {
                        writeOrDelete(bucket, id, round, written);
                    }
                    return null;
                }));
            }
            start.countDown();
            for (Future<?> worker : running) {
                worker.get(5, TimeUnit.MINUTES);
            }
        } finally {
            pool.shutdownNow();
        }

        List<VersionEntry> versions = versions(bucket, "k");
        assertFalse(versions.isEmpty());
        for (VersionEntry version : versions) {
            if (!version.isDeleteMarker()) {
                byte[] bytes = VersionedBuckets.read(swift(), bucket, "k", version.versionId());
                assertTrue(written.contains(new String(bytes, StandardCharsets.UTF_8)), version.versionId());
                assertEquals(version.object().hash(), md5Hex(bytes), version.versionId());
            }
        }
        // Exactly one latest: the newest version, which Swift's current symlink shows (none: a marker is newest).
        List<String> current = versions.stream().filter(version -> version.isLatest() && !version.isDeleteMarker())
                .map(VersionEntry::versionId).toList();
        VersionEntry newest = versions.get(0);
        assertEquals(newest.isDeleteMarker() ? List.of() : List.of(newest.versionId()), current, versions.toString());
        assertNewestIsCurrent(bucket, "k");
    }

    private static final int CONCURRENT = 16;
    private static final int ROUNDS = 6;

    /**
     * Even workers write; odd ones delete: a marker, the newest version by id (which makes the gateway restore the
     * latest), or the oldest version by id, in turn.
     */
    private static void writeOrDelete(String bucket, int worker, int round, Set<String> written) throws Exception {
        if (worker % 2 == 0) {
            String body = "worker " + worker + " round " + round;
            written.add(body);
            s3().putObject(b -> b.bucket(bucket).key("k"), RequestBody.fromString(body));
            return;
        }
        List<VersionEntry> versions = versions(bucket, "k");
        if (round % 3 == 0 || versions.isEmpty()) {
            s3().deleteObject(b -> b.bucket(bucket).key("k"));
            return;
        }
        String id = versions.get(round % 3 == 1 ? 0 : versions.size() - 1).versionId();
        s3().deleteObject(b -> b.bucket(bucket).key("k").versionId(id));
    }

    private static String md5Hex(byte[] bytes) throws Exception {
        return HexFormat.of().formatHex(MessageDigest.getInstance("MD5").digest(bytes));
    }
}
