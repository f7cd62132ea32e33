package io.s3multi.webapp.s3.multipart;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.core.sync.RequestBody;
import software.amazon.awssdk.services.s3.model.NoSuchKeyException;

import java.nio.charset.StandardCharsets;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

/**
 * Issue 10, item 10: a Static Large Object written with the native Swift API is not the gateway's, and neither
 * are the segments its manifest names. Deleting or overwriting it through S3 removes its manifest only, even when
 * the manifest names objects of another container (here: another bucket, {@code private}) or the parts of a
 * multipart upload in the bucket's own {@code <bucket>_segments}.
 */
class NativeManifestDeleteIT extends MultipartIntegrationTest {

    private static final byte[] SECRET = "bytes of the private bucket".getBytes(StandardCharsets.UTF_8);

    private String shared;
    private String secret;
    private NativeSwiftThroughGateway nativeSwift;

    @BeforeEach
    void twoBuckets() throws Exception {
        shared = bucket();
        secret = bucket();
        s3().putObject(b -> b.bucket(secret).key("x"), RequestBody.fromBytes(SECRET));
        nativeSwift = new NativeSwiftThroughGateway(gateway());
    }

    @Test
    void deletingANativeManifestThroughS3LeavesWhatItNamesInAnotherContainer() throws Exception {
        plantManifest("m", "/" + secret + "/x");
        s3().deleteObject(b -> b.bucket(shared).key("m"));
        assertThrows(NoSuchKeyException.class, () -> s3().headObject(b -> b.bucket(shared).key("m")));
        assertSecretIntact();
    }

    @Test
    void overwritingANativeManifestThroughS3LeavesWhatItNamesInAnotherContainer() throws Exception {
        plantManifest("put-over", "/" + secret + "/x");
        plantManifest("copied-over", "/" + secret + "/x");
        plantManifest("deleted-in-bulk", "/" + secret + "/x");
        s3().putObject(b -> b.bucket(shared).key("put-over"), RequestBody.fromString("plain"));
        s3().putObject(b -> b.bucket(shared).key("source"), RequestBody.fromString("source"));
        s3().copyObject(b -> b.sourceBucket(shared).sourceKey("source").destinationBucket(shared)
                .destinationKey("copied-over"));
        s3().deleteObjects(b -> b.bucket(shared).delete(d -> d.objects(o -> o.key("deleted-in-bulk"))));
        assertEquals("plain", s3().getObjectAsBytes(b -> b.bucket(shared).key("put-over")).asUtf8String());
        assertSecretIntact();
    }

    @Test
    void aNativeManifestNamingAnUploadsPartsDoesNotTakeThemAlong() throws Exception {
        byte[] part = randomBytes(MIN_PART_SIZE, 5);
        String uploadId = s3().createMultipartUpload(b -> b.bucket(shared).key("real")).uploadId();
        String eTag = s3().uploadPart(b -> b.bucket(shared).key("real").uploadId(uploadId).partNumber(1),
                RequestBody.fromBytes(part)).eTag();
        s3().completeMultipartUpload(b -> b.bucket(shared).key("real").uploadId(uploadId)
                .multipartUpload(m -> m.parts(p -> p.partNumber(1).eTag(eTag))));
        List<String> parts = segmentNames(shared).stream().filter(name -> name.startsWith("parts/" + uploadId + "/"))
                .toList();
        assertEquals(1, parts.size(), parts.toString());
        plantManifest("borrowing", "/" + shared + "_segments/" + parts.get(0));
        s3().deleteObject(b -> b.bucket(shared).key("borrowing"));
        assertEquals(parts, segmentNames(shared).stream().filter(name -> name.startsWith("parts/" + uploadId + "/"))
                .toList());
        assertArrayEquals(part, s3().getObjectAsBytes(b -> b.bucket(shared).key("real")).asByteArray());
    }

    /** A manifest at {@code shared/key}, written with the native Swift API through the gateway. */
    private void plantManifest(String key, String segmentPath) throws Exception {
        String manifest = "[{\"path\": \"" + segmentPath + "\"}]";
        nativeSwift.ok("PUT", shared + "/" + key + "?multipart-manifest=put",
                manifest.getBytes(StandardCharsets.UTF_8), "Content-Type", "application/octet-stream");
        assertEquals(true, s3().headObject(b -> b.bucket(shared).key(key)).contentLength() > 0);
    }

    private void assertSecretIntact() {
        assertArrayEquals(SECRET, s3().getObjectAsBytes(b -> b.bucket(secret).key("x")).asByteArray(),
                "the object of the other bucket");
    }
}
