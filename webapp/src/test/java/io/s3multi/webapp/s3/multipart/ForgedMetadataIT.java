package io.s3multi.webapp.s3.multipart;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.core.sync.RequestBody;
import software.amazon.awssdk.services.s3.model.ChecksumAlgorithm;
import software.amazon.awssdk.services.s3.model.ChecksumMode;
import software.amazon.awssdk.services.s3.model.CompletedPart;
import software.amazon.awssdk.services.s3.model.HeadObjectResponse;
import software.amazon.awssdk.services.s3.model.S3Exception;
import software.amazon.awssdk.services.s3.model.S3Object;
import software.amazon.awssdk.services.s3.model.UploadPartResponse;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * Issue 10, item 2: nothing a client sends through the gateway can forge the gateway's reserved metadata
 * ({@code X-Object-Meta-S3multi-*}, the {@code s3multi_etag} content-type parameter), so nothing it sends can make
 * the gateway delete, or misreport, another key's data.
 *
 * <p>Every test first completes a victim upload (2 parts, CRC32) at {@code victim}, then attacks it through one
 * spelling of the reserved names, over S3 (AWS SDK v2) or the native Swift API through the gateway, and ends by
 * proving the victim whole: its bytes read back, its parts still in {@code <bucket>_segments}, and its ETag
 * (HEAD and listing), checksum and parts count as before.
 */
class ForgedMetadataIT extends MultipartIntegrationTest {

    private static final String FORGED_ETAG = "0123456789abcdef0123456789abcdef-7";

    private String bucket;
    private Victim victim;
    private NativeSwiftThroughGateway nativeSwift;

    @BeforeEach
    void victim() throws Exception {
        bucket = bucket();
        victim = Victim.complete(bucket);
        nativeSwift = new NativeSwiftThroughGateway(gateway());
    }

    @Test
    void underscoreSpellingOverS3IsRefusedAndCannotReachTheVictim() throws Exception {
        Map<String, String> forged = Map.of("s3multi_upload-id", victim.uploadId, "s3multi_etag", FORGED_ETAG);
        S3Exception put = s3Error(() -> s3().putObject(b -> b.bucket(bucket).key("x").metadata(forged),
                RequestBody.fromString("attacker")));
        assertEquals("InvalidArgument", put.awsErrorDetails().errorCode());
        S3Exception create = s3Error(() -> s3().createMultipartUpload(b -> b.bucket(bucket).key("y")
                .metadata(forged)));
        assertEquals("InvalidArgument", create.awsErrorDetails().errorCode());
        s3().deleteObject(b -> b.bucket(bucket).key("x"));
        victim.assertIntact();
    }

    @Test
    void dashAndMixedCaseSpellingsOverS3AreRefused() throws Exception {
        s3().putObject(b -> b.bucket(bucket).key("source"), RequestBody.fromString("source"));
        for (String name : List.of("s3multi-upload-id", "S3Multi-Upload-ID", "s3MULTI_Upload_Id")) {
            Map<String, String> forged = Map.of(name, victim.uploadId);
            assertEquals(400, s3Error(() -> s3().putObject(b -> b.bucket(bucket).key("x").metadata(forged),
                    RequestBody.fromString("attacker"))).statusCode(), name);
            assertEquals(400, s3Error(() -> s3().copyObject(b -> b.sourceBucket(bucket).sourceKey("source")
                    .destinationBucket(bucket).destinationKey("x").metadataDirective("REPLACE")
                    .metadata(forged))).statusCode(), name);
            assertEquals(400, s3Error(() -> s3().createMultipartUpload(b -> b.bucket(bucket).key("x")
                    .metadata(forged))).statusCode(), name);
        }
        s3().deleteObject(b -> b.bucket(bucket).key("x"));
        victim.assertIntact();
    }

    @Test
    void contentTypeParameterOverS3IsRefused() throws Exception {
        String forgedType = "text/plain;s3multi_etag=" + FORGED_ETAG;
        S3Exception put = s3Error(() -> s3().putObject(b -> b.bucket(bucket).key("x").contentType(forgedType),
                RequestBody.fromString("attacker")));
        assertEquals("InvalidArgument", put.awsErrorDetails().errorCode());
        S3Exception create = s3Error(() -> s3().createMultipartUpload(b -> b.bucket(bucket).key("y")
                .contentType("text/plain; S3MULTI_ETAG=" + FORGED_ETAG)));
        assertEquals("InvalidArgument", create.awsErrorDetails().errorCode());
        assertEquals(Optional.empty(), listed("x"));
        victim.assertIntact();
    }

    @Test
    void nativeSwiftWritesCannotSetReservedMetadataInAnySpelling() throws Exception {
        // Each spelling Swift files under X-Object-Meta-S3multi-*: as documented, in another case, with '_'.
        List<List<String>> spellings = List.of(
                List.of("X-Object-Meta-S3multi-Upload-Id", "X-Object-Meta-S3multi-Etag"),
                List.of("x-object-meta-s3MULTI-upload-ID", "X-OBJECT-META-S3MULTI-ETAG"),
                List.of("X-Object-Meta-S3multi_Upload_Id", "X_Object_Meta_S3multi_Etag"));
        for (int i = 0; i < spellings.size(); i++) {
            String key = "native-" + i;
            byte[] body = ("attacker " + i).getBytes(StandardCharsets.UTF_8);
            List<String> names = spellings.get(i);
            nativeSwift.ok("PUT", bucket + "/" + key, body, names.get(0), victim.uploadId, names.get(1), FORGED_ETAG,
                    "X-Object-Meta-S3multi-Parts-Count", "nonsense",
                    "X-Object-Meta-S3multi-Checksum-Type", "NONSENSE",
                    "Content-Type", "text/plain;s3multi_etag=" + FORGED_ETAG);
            nativeSwift.ok("POST", bucket + "/" + key, null, names.get(0), victim.uploadId,
                    "Content-Type", "text/plain; s3multi_etag=" + FORGED_ETAG);
            String md5 = "\"" + md5Hex(body) + "\"";
            HeadObjectResponse head = s3().headObject(b -> b.bucket(bucket).key(key).checksumMode(ChecksumMode.ENABLED));
            assertEquals(md5, head.eTag(), names.toString());
            assertEquals("text/plain", head.contentType(), names.toString());
            assertEquals(md5, listed(key).orElseThrow().eTag(), names.toString());
            assertEquals(body.length, s3().headObject(b -> b.bucket(bucket).key(key).partNumber(1))
                    .contentLength(), names.toString());
            s3().deleteObject(b -> b.bucket(bucket).key(key));
        }
        victim.assertIntact();
    }

    @Test
    void aRawCopyOfTheVictimsManifestIsNotTheVictim() throws Exception {
        // Swift copies the manifest itself (and, unless told otherwise, its metadata) with multipart-manifest=get.
        nativeSwift.ok("PUT", bucket + "/copy-deleted?multipart-manifest=get", null,
                "X-Copy-From", bucket + "/victim");
        nativeSwift.ok("COPY", bucket + "/victim?multipart-manifest=get", null,
                "Destination", bucket + "/copy-overwritten");
        nativeSwift.ok("PUT", bucket + "/copy-completed-over?multipart-manifest=get", null,
                "X-Copy-From", bucket + "/victim");
        s3().deleteObject(b -> b.bucket(bucket).key("copy-deleted"));
        s3().putObject(b -> b.bucket(bucket).key("copy-overwritten"), RequestBody.fromString("over it"));
        String other = s3().createMultipartUpload(b -> b.bucket(bucket).key("copy-completed-over")).uploadId();
        String eTag = s3().uploadPart(b -> b.bucket(bucket).key("copy-completed-over").uploadId(other)
                .partNumber(1), RequestBody.fromString("one part")).eTag();
        s3().completeMultipartUpload(b -> b.bucket(bucket).key("copy-completed-over").uploadId(other)
                .multipartUpload(m -> m.parts(CompletedPart.builder().partNumber(1).eTag(eTag).build())));
        victim.assertIntact();
    }

    @Test
    void aNativeCopyNeverReportsItsSourcesChecksum() throws Exception {
        byte[] whole = "0123456789abcdef".getBytes(StandardCharsets.UTF_8);
        s3().putObject(b -> b.bucket(bucket).key("plain").checksumAlgorithm(ChecksumAlgorithm.CRC32),
                RequestBody.fromBytes(whole));
        assertEquals(ObjectChecksums.crc32(whole), s3().headObject(b -> b.bucket(bucket).key("plain")
                .checksumMode(ChecksumMode.ENABLED)).checksumCRC32());
        // Swift copies metadata with the bytes, also when only a range of them is copied.
        nativeSwift.ok("PUT", bucket + "/slice", null, "X-Copy-From", bucket + "/plain", "Range", "bytes=0-3");
        HeadObjectResponse slice = s3().headObject(b -> b.bucket(bucket).key("slice")
                .checksumMode(ChecksumMode.ENABLED));
        assertEquals(4L, slice.contentLength());
        assertEquals(null, slice.checksumCRC32(), "the source's checksum is not the slice's");
        assertEquals("0123", s3().getObjectAsBytes(b -> b.bucket(bucket).key("slice")
                .checksumMode(ChecksumMode.ENABLED)).asUtf8String());
        victim.assertIntact();
    }

    @Test
    void aNativePostThatRemovesReservedMetadataLeavesTheEtagAsListed() throws Exception {
        // Swift's POST replaces all metadata; the reserved entries go, the content type (with the ETag) stays.
        nativeSwift.ok("POST", bucket + "/victim", null, "X-Object-Meta-Color", "red",
                "X-Remove-Object-Meta-S3multi-Etag", "x");
        assertEquals(victim.eTag, s3().headObject(b -> b.bucket(bucket).key("victim")).eTag());
        assertEquals(victim.eTag, listed("victim").orElseThrow().eTag());
        assertArrayEquals(victim.bytes, s3().getObjectAsBytes(b -> b.bucket(bucket).key("victim")).asByteArray());
        assertEquals(2, segmentNames(bucket).stream().filter(name -> name.startsWith("parts/" + victim.uploadId))
                .count());
    }

    @Test
    void anS3DeleteOfAnObjectNamingTheVictimsUploadLeavesTheVictim() throws Exception {
        // The attack of the issue, natively: plant the victim's upload id on another key, then delete that key.
        nativeSwift.ok("PUT", bucket + "/x", "attacker".getBytes(StandardCharsets.UTF_8),
                "X-Object-Meta-S3multi-Upload-Id", victim.uploadId);
        s3().deleteObject(b -> b.bucket(bucket).key("x"));
        victim.assertIntact();
    }

    /** Checksums computed here, independently of the gateway. */
    private static final class ObjectChecksums {

        static String crc32(byte[] bytes) {
            java.util.zip.CRC32 crc = new java.util.zip.CRC32();
            crc.update(bytes);
            return java.util.Base64.getEncoder().encodeToString(
                    java.nio.ByteBuffer.allocate(4).putInt((int) crc.getValue()).array());
        }
    }

    private Optional<S3Object> listed(String key) {
        return s3().listObjectsV2(b -> b.bucket(bucket)).contents().stream()
                .filter(object -> object.key().equals(key)).findFirst();
    }

    /** A completed 2-part CRC32 upload at {@code victim}, and what S3 said about it right after Complete. */
    private record Victim(String bucket, String uploadId, byte[] bytes, String eTag, String crc32) {

        static Victim complete(String bucket) throws Exception {
            byte[] first = randomBytes(MIN_PART_SIZE, 11);
            byte[] second = randomBytes(1000, 12);
            String uploadId = s3().createMultipartUpload(b -> b.bucket(bucket).key("victim")
                    .checksumAlgorithm(ChecksumAlgorithm.CRC32)).uploadId();
            UploadPartResponse one = s3().uploadPart(b -> b.bucket(bucket).key("victim").uploadId(uploadId)
                    .partNumber(1).checksumAlgorithm(ChecksumAlgorithm.CRC32), RequestBody.fromBytes(first));
            UploadPartResponse two = s3().uploadPart(b -> b.bucket(bucket).key("victim").uploadId(uploadId)
                    .partNumber(2).checksumAlgorithm(ChecksumAlgorithm.CRC32), RequestBody.fromBytes(second));
            s3().completeMultipartUpload(b -> b.bucket(bucket).key("victim").uploadId(uploadId)
                    .multipartUpload(m -> m.parts(
                            CompletedPart.builder().partNumber(1).eTag(one.eTag()).checksumCRC32(one.checksumCRC32())
                                    .build(),
                            CompletedPart.builder().partNumber(2).eTag(two.eTag()).checksumCRC32(two.checksumCRC32())
                                    .build())));
            byte[] bytes = new byte[first.length + second.length];
            System.arraycopy(first, 0, bytes, 0, first.length);
            System.arraycopy(second, 0, bytes, first.length, second.length);
            String crc32 = s3().headObject(b -> b.bucket(bucket).key("victim").checksumMode(ChecksumMode.ENABLED))
                    .checksumCRC32();
            Victim victim = new Victim(bucket, uploadId, bytes, multipartEtag(first, second), crc32);
            assertEquals(true, crc32 != null, "the victim has a CRC32");
            victim.assertIntact();
            return victim;
        }

        void assertIntact() throws Exception {
            assertBytesAndSegments();
            HeadObjectResponse head = s3().headObject(b -> b.bucket(bucket).key("victim")
                    .checksumMode(ChecksumMode.ENABLED));
            assertEquals(eTag, head.eTag(), "victim's ETag");
            assertEquals(crc32, head.checksumCRC32(), "victim's checksum");
            assertEquals(eTag, s3().listObjectsV2(b -> b.bucket(bucket).prefix("victim")).contents().get(0).eTag(),
                    "victim's listed ETag");
            HeadObjectResponse second = s3().headObject(b -> b.bucket(bucket).key("victim").partNumber(2));
            assertEquals(2, second.partsCount(), "victim's parts count");
            assertEquals(1000L, second.contentLength(), "victim's part 2");
        }

        private void assertBytesAndSegments() throws Exception {
            assertArrayEquals(bytes, s3().getObjectAsBytes(b -> b.bucket(bucket).key("victim")).asByteArray(),
                    "victim's bytes");
            long parts = segmentNames(bucket).stream().filter(name -> name.startsWith("parts/" + uploadId + "/"))
                    .count();
            assertEquals(2, parts, "victim's part segments in " + bucket + "_segments: " + segmentNames(bucket));
        }
    }

}
