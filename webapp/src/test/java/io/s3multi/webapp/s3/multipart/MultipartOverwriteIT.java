package io.s3multi.webapp.s3.multipart;

import io.s3multi.swift.SwiftHeaders;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.core.sync.RequestBody;
import software.amazon.awssdk.services.s3.model.CompletedPart;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * No orphans: a multipart object that is deleted, or overwritten by PutObject, CopyObject or another Complete,
 * leaves nothing of its upload in {@code <bucket>_segments}.
 *
 * <p>Each object here has 5 parts at 4 segments per manifest, so its manifest nests. Each upload also gets two
 * strays planted directly in Swift under its prefixes (a part and a sub-manifest the manifest does not name, as a
 * part stored by a late UploadPart or a crash during Complete would leave): a manifest walk
 * ({@code ?multipart-manifest=delete}) cannot find those, the upload id in the object's metadata can.
 */
class MultipartOverwriteIT extends MultipartIntegrationTest {

    private static final int PARTS = 5;

    @Test
    void deleteObjectDeletesEveryNameOfItsUpload() throws Exception {
        String bucket = bucket();
        String old = nestedObjectWithStrays(bucket, "k");
        s3().deleteObject(b -> b.bucket(bucket).key("k"));
        assertNothingLeftOf(bucket, old);
        assertEquals(List.of(), segmentNames(bucket));
    }

    @Test
    void putObjectOverAMultipartObjectDeletesEveryNameOfTheOldUpload() throws Exception {
        String bucket = bucket();
        String old = nestedObjectWithStrays(bucket, "k");
        byte[] body = "plain now".getBytes(StandardCharsets.UTF_8);
        s3().putObject(b -> b.bucket(bucket).key("k"), RequestBody.fromBytes(body));
        assertNothingLeftOf(bucket, old);
        assertArrayEquals(body, s3().getObjectAsBytes(b -> b.bucket(bucket).key("k")).asByteArray());
    }

    @Test
    void copyObjectOverAMultipartObjectDeletesEveryNameOfTheOldUpload() throws Exception {
        String bucket = bucket();
        String old = nestedObjectWithStrays(bucket, "k");
        byte[] body = "the copy's source".getBytes(StandardCharsets.UTF_8);
        s3().putObject(b -> b.bucket(bucket).key("source"), RequestBody.fromBytes(body));
        s3().copyObject(b -> b.sourceBucket(bucket).sourceKey("source").destinationBucket(bucket)
                .destinationKey("k"));
        assertNothingLeftOf(bucket, old);
        assertArrayEquals(body, s3().getObjectAsBytes(b -> b.bucket(bucket).key("k")).asByteArray());
    }

    @Test
    void copyingAMultipartObjectOntoItselfKeepsItsBytesAndDropsItsSegments() throws Exception {
        String bucket = bucket();
        String old = nestedObjectWithStrays(bucket, "k");
        byte[] before = s3().getObjectAsBytes(b -> b.bucket(bucket).key("k")).asByteArray();
        s3().copyObject(b -> b.sourceBucket(bucket).sourceKey("k").destinationBucket(bucket).destinationKey("k")
                .metadataDirective("REPLACE").contentType("application/x-replaced"));
        assertNothingLeftOf(bucket, old);
        assertArrayEquals(before, s3().getObjectAsBytes(b -> b.bucket(bucket).key("k")).asByteArray());
    }

    @Test
    void anotherCompleteOverAMultipartObjectDeletesEveryNameOfTheOldUpload() throws Exception {
        String bucket = bucket();
        String old = nestedObjectWithStrays(bucket, "k");
        String fresh = completedUpload(bucket, "k", 2, 77);
        assertNothingLeftOf(bucket, old);
        List<String> names = segmentNames(bucket);
        assertTrue(names.stream().allMatch(name -> name.contains(fresh)), names.toString());
        assertEquals(2, names.stream().filter(name -> name.startsWith("parts/")).count(), names.toString());
    }

    /** A completed 5-part object (nested manifests) plus two strays under its upload's prefixes; its upload id. */
    private String nestedObjectWithStrays(String bucket, String key) throws Exception {
        String uploadId = completedUpload(bucket, key, PARTS, 1);
        List<String> names = segmentNames(bucket);
        assertTrue(names.contains("manifests/" + uploadId + "/1-00000"), names.toString());
        byte[] stray = "stray".getBytes(StandardCharsets.UTF_8);
        swift().objects().put(bucket + "_segments", "parts/" + uploadId + "/09999", stray, SwiftHeaders.empty());
        swift().objects().put(bucket + "_segments", "manifests/" + uploadId + "/9-99999", stray,
                SwiftHeaders.empty());
        return uploadId;
    }

    private String completedUpload(String bucket, String key, int parts, long seed) {
        String uploadId = s3().createMultipartUpload(b -> b.bucket(bucket).key(key)).uploadId();
        List<CompletedPart> completed = new ArrayList<>();
        for (int number = 1; number <= parts; number++) {
            int n = number;
            String eTag = s3().uploadPart(b -> b.bucket(bucket).key(key).uploadId(uploadId).partNumber(n),
                    RequestBody.fromBytes(randomBytes(n == parts ? 1000 : MIN_PART_SIZE, seed + n))).eTag();
            completed.add(CompletedPart.builder().partNumber(n).eTag(eTag).build());
        }
        s3().completeMultipartUpload(b -> b.bucket(bucket).key(key).uploadId(uploadId)
                .multipartUpload(m -> m.parts(completed)));
        return uploadId;
    }

    private static void assertNothingLeftOf(String bucket, String uploadId) throws Exception {
        List<String> left = segmentNames(bucket).stream().filter(name -> name.contains(uploadId)).toList();
        assertEquals(List.of(), left, "left in " + bucket + "_segments of upload " + uploadId);
    }
}
