package io.s3multi.webapp.s3;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.s3multi.swift.ObjectPath;
import io.s3multi.swift.SwiftHeaders;
import io.s3multi.swift.slo.SloSegment;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.s3.model.DeleteObjectsResponse;
import software.amazon.awssdk.services.s3.model.DeletedObject;
import software.amazon.awssdk.services.s3.model.ObjectIdentifier;
import software.amazon.awssdk.services.s3.model.S3Exception;

/** DeleteObjects with the AWS SDK (CRC32 of the body, as the SDK sends it): verbose, quiet, segments, errors. */
class DeleteObjectsIT extends S3IntegrationTest {

    private static List<ObjectIdentifier> keys(String... keys) {
        List<ObjectIdentifier> identifiers = new ArrayList<>();
        for (String key : keys) {
            identifiers.add(ObjectIdentifier.builder().key(key).build());
        }
        return identifiers;
    }

    private String bucketWith(String... keys) throws Exception {
        String bucket = ObjectTests.createBucket(this, swift());
        for (String key : keys) {
            swift().objects().put(bucket, key, key.getBytes(UTF_8), SwiftHeaders.empty());
        }
        return bucket;
    }

    @Test
    void verboseModeListsEveryKeyIncludingOnesThatDidNotExist() throws Exception {
        String bucket = bucketWith("a", "b/c", "d e");
        DeleteObjectsResponse response = s3().deleteObjects(b -> b.bucket(bucket)
                .delete(d -> d.objects(keys("a", "b/c", "d e", "never-there"))));
        assertEquals(List.of("a", "b/c", "d e", "never-there"),
                response.deleted().stream().map(DeletedObject::key).collect(Collectors.toList()));
        assertTrue(response.errors().isEmpty(), response.errors().toString());
        for (String key : List.of("a", "b/c", "d e")) {
            ObjectTests.assertNotInSwift(swift(), bucket, key);
        }
    }

    @Test
    void quietModeListsOnlyFailures() throws Exception {
        String bucket = bucketWith("q1", "q2", "keep");
        DeleteObjectsResponse response = s3().deleteObjects(b -> b.bucket(bucket)
                .delete(d -> d.quiet(true).objects(keys("q1", "q2"))));
        assertTrue(response.deleted().isEmpty());
        assertTrue(response.errors().isEmpty());
        ObjectTests.assertNotInSwift(swift(), bucket, "q1");
        ObjectTests.assertNotInSwift(swift(), bucket, "q2");
        assertTrue(ObjectTests.existsInSwift(swift(), bucket, "keep"));
    }

    @Test
    void aMalformedVersionIdIsAnErrorForThatKeyOnly() throws Exception {
        String bucket = bucketWith("v", "w");
        DeleteObjectsResponse response = s3().deleteObjects(b -> b.bucket(bucket).delete(d -> d.objects(
                ObjectIdentifier.builder().key("v").versionId("null").build(),
                ObjectIdentifier.builder().key("w").versionId("3HL4kqtJlcpXroDTDmJ").build())));
        assertEquals(List.of("v"), response.deleted().stream().map(DeletedObject::key).toList());
        assertEquals(1, response.errors().size());
        assertEquals("w", response.errors().get(0).key());
        // Not an id Swift could have given (VersionId): AWS's answer to a malformed version id.
        assertEquals("InvalidArgument", response.errors().get(0).code());
        assertTrue(ObjectTests.existsInSwift(swift(), bucket, "w"));
    }

    @Test
    void nativeStaticLargeObjectsGoWithoutTheirSegments() throws Exception {
        String bucket = ObjectTests.createBucket(this, swift());
        String segments = bucket + "_segments";
        swift().containers().create(segments, SwiftHeaders.empty());
        byte[] part = "segment".getBytes(UTF_8);
        swift().objects().put(segments, "m/1", part, SwiftHeaders.empty());
        swift().largeObjects().putManifest(bucket, "m", List.of(
                SloSegment.of(new ObjectPath(segments, "m/1"), ObjectIT.md5Hex(part), part.length)),
                SwiftHeaders.empty());
        s3().deleteObjects(b -> b.bucket(bucket).delete(d -> d.objects(keys("m"))));
        ObjectTests.assertNotInSwift(swift(), bucket, "m");
        // Written with the Swift API: not the gateway's segment to delete (multipart objects: MultipartOverwriteIT).
        assertTrue(ObjectTests.existsInSwift(swift(), segments, "m/1"));
    }

    @Test
    void aThousandKeysAtOnceButNotMore() throws Exception {
        String bucket = ObjectTests.createBucket(this, swift());
        String[] many = new String[1000];
        for (int i = 0; i < many.length; i++) {
            many[i] = "k" + i;
        }
        for (int i = 0; i < 20; i++) {
            swift().objects().put(bucket, many[i], new byte[] {1}, SwiftHeaders.empty());
        }
        DeleteObjectsResponse response = s3().deleteObjects(b -> b.bucket(bucket).delete(d -> d.objects(keys(many))));
        assertEquals(1000, response.deleted().size());
        for (int i = 0; i < 20; i++) {
            ObjectTests.assertNotInSwift(swift(), bucket, many[i]);
        }
        String[] tooMany = java.util.Arrays.copyOf(many, 1001);
        tooMany[1000] = "one-more";
        S3Exception refused = assertThrows(S3Exception.class,
                () -> s3().deleteObjects(b -> b.bucket(bucket).delete(d -> d.objects(keys(tooMany)))));
        assertEquals("MalformedXML", refused.awsErrorDetails().errorCode());
    }

    @Test
    void aMissingBucketIsNoSuchBucket() {
        String missing = uniqueBucket();
        S3Exception refused = assertThrows(S3Exception.class,
                () -> s3().deleteObjects(b -> b.bucket(missing).delete(d -> d.objects(keys("a")))));
        assertEquals("NoSuchBucket", refused.awsErrorDetails().errorCode());
    }
}
