package io.s3multi.webapp.s3.multipart;

import io.s3multi.swift.SwiftHeaders;
import io.s3multi.swift.container.ListingQuery;
import io.s3multi.swift.container.VersionEntry;
import io.s3multi.webapp.s3.S3TestGateway;
import io.s3multi.webapp.s3.S3Tools;
import io.s3multi.webapp.s3.ToolResult;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.core.sync.RequestBody;
import software.amazon.awssdk.services.s3.model.ChecksumAlgorithm;
import software.amazon.awssdk.services.s3.model.ChecksumType;
import software.amazon.awssdk.services.s3.model.CompleteMultipartUploadResponse;
import software.amazon.awssdk.services.s3.model.CompletedPart;
import software.amazon.awssdk.services.s3.model.GetObjectAttributesResponse;
import software.amazon.awssdk.services.s3.model.ObjectAttributes;
import software.amazon.awssdk.services.s3.model.ObjectPart;
import software.amazon.awssdk.services.s3.model.S3Exception;
import software.amazon.awssdk.services.s3.model.StorageClass;

import java.util.ArrayList;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * GetObjectAttributes of plain and multipart objects through the AWS SDK v2 (defaults) and boto3, each value
 * compared with what Swift stored (the object's HEAD, its parts in {@code <bucket>_segments}).
 */
class GetObjectAttributesIT extends MultipartIntegrationTest {

    private static final ObjectAttributes[] ALL = {ObjectAttributes.E_TAG, ObjectAttributes.CHECKSUM,
        ObjectAttributes.OBJECT_PARTS, ObjectAttributes.STORAGE_CLASS, ObjectAttributes.OBJECT_SIZE};

    @Test
    void aPlainObjectShowsItsEtagChecksumSizeAndNoParts() throws Exception {
        String bucket = bucket();
        byte[] body = randomBytes(10_000, 1);
        // The SDK's default PutObject sends a CRC32, which the gateway verifies and keeps.
        s3().putObject(b -> b.bucket(bucket).key("plain"), RequestBody.fromBytes(body));
        SwiftHeaders stored = swift().objects().head(bucket, "plain", SwiftHeaders.empty()).headers();

        GetObjectAttributesResponse attributes = s3().getObjectAttributes(b -> b.bucket(bucket).key("plain")
                .objectAttributes(ALL));
        assertEquals(md5Hex(body), attributes.eTag());
        assertEquals(stored.get("ETag"), attributes.eTag());
        assertEquals(crc32(body), attributes.checksum().checksumCRC32());
        assertEquals(stored.get("X-Object-Meta-S3multi-Checksum-Crc32"), attributes.checksum().checksumCRC32());
        assertEquals(ChecksumType.FULL_OBJECT, attributes.checksum().checksumType());
        assertNull(attributes.objectParts());
        assertEquals(StorageClass.STANDARD, attributes.storageClass());
        assertEquals(10_000L, attributes.objectSize());
        assertEquals(s3().headObject(b -> b.bucket(bucket).key("plain")).lastModified(), attributes.lastModified());

        GetObjectAttributesResponse sizeOnly = s3().getObjectAttributes(b -> b.bucket(bucket).key("plain")
                .objectAttributes(ObjectAttributes.OBJECT_SIZE));
        assertEquals(10_000L, sizeOnly.objectSize());
        assertNull(sizeOnly.eTag());
        assertNull(sizeOnly.checksum());
        assertNull(sizeOnly.storageClass());
    }

    @Test
    void aMultipartObjectShowsItsPartsPageByPage() throws Exception {
        String bucket = bucket();
        String uploadId = s3().createMultipartUpload(b -> b.bucket(bucket).key("multi")
                .checksumAlgorithm(ChecksumAlgorithm.SHA256)).uploadId();
        int[] numbers = {1, 3, 4};
        byte[][] bodies = {randomBytes(MIN_PART_SIZE, 2), randomBytes(MIN_PART_SIZE + 7, 3), randomBytes(555, 4)};
        List<CompletedPart> parts = new ArrayList<>();
        List<String> partSums = new ArrayList<>();
        for (int i = 0; i < numbers.length; i++) {
            int number = numbers[i];
            String sum = s3().uploadPart(b -> b.bucket(bucket).key("multi").uploadId(uploadId).partNumber(number)
                    .checksumAlgorithm(ChecksumAlgorithm.SHA256), RequestBody.fromBytes(bodies[i])).checksumSHA256();
            partSums.add(sum);
            parts.add(CompletedPart.builder().partNumber(number).eTag(md5Hex(bodies[i])).checksumSHA256(sum).build());
        }
        CompleteMultipartUploadResponse done = s3().completeMultipartUpload(b -> b.bucket(bucket).key("multi")
                .uploadId(uploadId).multipartUpload(m -> m.parts(parts)));
        SwiftHeaders stored = swift().objects().head(bucket, "multi", SwiftHeaders.empty()).headers();

        GetObjectAttributesResponse first = s3().getObjectAttributes(b -> b.bucket(bucket).key("multi")
                .objectAttributes(ALL).maxParts(2));
        assertEquals(done.eTag().replace("\"", ""), first.eTag());
        assertEquals(multipartEtag(bodies), "\"" + first.eTag() + "\"");
        assertEquals(done.checksumSHA256(), first.checksum().checksumSHA256());
        assertEquals(stored.get("X-Object-Meta-S3multi-Checksum-Sha256"), first.checksum().checksumSHA256());
        assertTrue(first.checksum().checksumSHA256().endsWith("-3"), first.checksum().checksumSHA256());
        assertEquals(ChecksumType.COMPOSITE, first.checksum().checksumType());
        assertEquals(stored.contentLength(), first.objectSize());
        assertEquals(3, first.objectParts().totalPartsCount());
        assertEquals(2, first.objectParts().maxParts());
        assertEquals(0, first.objectParts().partNumberMarker());
        assertTrue(first.objectParts().isTruncated());
        assertEquals(3, first.objectParts().nextPartNumberMarker());
        assertParts(first.objectParts().parts(), List.of(1, 3), List.of(bodies[0].length, bodies[1].length),
                partSums.subList(0, 2));

        GetObjectAttributesResponse rest = s3().getObjectAttributes(b -> b.bucket(bucket).key("multi")
                .objectAttributes(ObjectAttributes.OBJECT_PARTS).partNumberMarker(3));
        assertFalse(rest.objectParts().isTruncated());
        assertEquals(1000, rest.objectParts().maxParts());
        assertEquals(3, rest.objectParts().partNumberMarker());
        assertParts(rest.objectParts().parts(), List.of(4), List.of(bodies[2].length), partSums.subList(2, 3));
        assertNull(rest.eTag());
        // The parts shown are what <bucket>_segments holds: one segment per part named in Complete.
        assertEquals(3, segmentNames(bucket).size(), segmentNames(bucket).toString());
    }

    @Test
    void aFullObjectChecksumOfAMultipartObject() throws Exception {
        String bucket = bucket();
        String uploadId = s3().createMultipartUpload(b -> b.bucket(bucket).key("full")
                .checksumAlgorithm(ChecksumAlgorithm.CRC32).checksumType(ChecksumType.FULL_OBJECT)).uploadId();
        byte[] first = randomBytes(MIN_PART_SIZE, 5);
        byte[] second = randomBytes(99, 6);
        List<CompletedPart> parts = new ArrayList<>();
        for (byte[] body : List.of(first, second)) {
            int number = parts.size() + 1;
            String sum = s3().uploadPart(b -> b.bucket(bucket).key("full").uploadId(uploadId).partNumber(number)
                    .checksumAlgorithm(ChecksumAlgorithm.CRC32), RequestBody.fromBytes(body)).checksumCRC32();
            assertEquals(crc32(body), sum);
            parts.add(CompletedPart.builder().partNumber(number).eTag(md5Hex(body)).checksumCRC32(sum).build());
        }
        s3().completeMultipartUpload(b -> b.bucket(bucket).key("full").uploadId(uploadId)
                .multipartUpload(m -> m.parts(parts)));
        byte[] whole = concat(first, second);

        GetObjectAttributesResponse attributes = s3().getObjectAttributes(b -> b.bucket(bucket).key("full")
                .objectAttributes(ALL));
        assertEquals(crc32(whole), attributes.checksum().checksumCRC32());
        assertEquals(ChecksumType.FULL_OBJECT, attributes.checksum().checksumType());
        assertEquals(crc32(second), attributes.objectParts().parts().get(1).checksumCRC32());
        assertEquals(2, attributes.objectParts().totalPartsCount());
    }

    @Test
    void aVersionOfAnObjectInAVersionedBucket() throws Exception {
        String bucket = bucket();
        // Versioning switched on in Swift directly: what the gateway reads is Swift's object versioning.
        swift().containers().post(bucket, SwiftHeaders.of("X-Versions-Enabled", "true"));
        try {
            byte[] older = randomBytes(100, 7);
            byte[] newer = randomBytes(200, 8);
            s3().putObject(b -> b.bucket(bucket).key("v"), RequestBody.fromBytes(older));
            s3().putObject(b -> b.bucket(bucket).key("v"), RequestBody.fromBytes(newer));
            List<VersionEntry> versions = swift().containers().listVersions(bucket, ListingQuery.all(), null)
                    .entries();
            assertEquals(2, versions.size(), versions.toString());
            String newerId = versions.get(0).versionId();
            String olderId = versions.get(1).versionId();

            GetObjectAttributesResponse old = s3().getObjectAttributes(b -> b.bucket(bucket).key("v")
                    .versionId(olderId).objectAttributes(ALL));
            assertEquals(olderId, old.versionId());
            assertEquals(100L, old.objectSize());
            assertEquals(md5Hex(older), old.eTag());
            assertEquals(crc32(older), old.checksum().checksumCRC32());
            GetObjectAttributesResponse current = s3().getObjectAttributes(b -> b.bucket(bucket).key("v")
                    .objectAttributes(ALL));
            assertEquals(newerId, current.versionId());
            assertEquals(md5Hex(newer), current.eTag());

            S3Exception unknown = s3Error(() -> s3().getObjectAttributes(b -> b.bucket(bucket).key("v")
                    .versionId("1234567890.12345").objectAttributes(ALL)));
            assertEquals(404, unknown.statusCode());
            assertEquals("NoSuchVersion", unknown.awsErrorDetails().errorCode());
            assertEquals("InvalidArgument", s3Error(() -> s3().getObjectAttributes(b -> b.bucket(bucket).key("v")
                    .versionId("not-a-version").objectAttributes(ALL))).awsErrorDetails().errorCode());
            // Both versions were written with versioning enabled: there is no null version.
            assertEquals("NoSuchVersion", s3Error(() -> s3().getObjectAttributes(b -> b.bucket(bucket).key("v")
                    .versionId("null").objectAttributes(ALL))).awsErrorDetails().errorCode());
        } finally {
            for (VersionEntry version : swift().containers().listVersions(bucket, ListingQuery.all(), null)
                    .entries()) {
                swift().objects().deleteVersion(bucket, version.name(), version.versionId(), SwiftHeaders.empty());
            }
        }
    }

    @Test
    void theNullVersionOfAnUnversionedBucketIsItsObject() {
        String bucket = bucket();
        s3().putObject(b -> b.bucket(bucket).key("k"), RequestBody.fromString("xyz"));
        GetObjectAttributesResponse attributes = s3().getObjectAttributes(b -> b.bucket(bucket).key("k")
                .versionId("null").objectAttributes(ObjectAttributes.OBJECT_SIZE));
        assertEquals(3L, attributes.objectSize());
        // A bucket that was never versioned shows no version id, as on AWS.
        assertNull(attributes.versionId());
        assertNull(s3().getObjectAttributes(b -> b.bucket(bucket).key("k")
                .objectAttributes(ObjectAttributes.OBJECT_SIZE)).versionId());
    }

    @Test
    void badOrMissingAttributeNamesAndMissingKeysAreRefusedAsAws() {
        String bucket = bucket();
        s3().putObject(b -> b.bucket(bucket).key("k"), RequestBody.fromString("x"));
        S3Exception none = s3Error(() -> s3().getObjectAttributes(b -> b.bucket(bucket).key("k")));
        assertEquals(400, none.statusCode());
        assertEquals("InvalidRequest", none.awsErrorDetails().errorCode());
        assertEquals("The x-amz-object-attributes header specifying the attributes to be retrieved is either missing"
                + " or empty", none.awsErrorDetails().errorMessage());
        S3Exception unknown = s3Error(() -> s3().getObjectAttributes(b -> b.bucket(bucket).key("k")
                .objectAttributesWithStrings("ETag", "Colour")));
        assertEquals(400, unknown.statusCode());
        assertEquals("InvalidArgument", unknown.awsErrorDetails().errorCode());
        assertEquals("Invalid attribute name specified.", unknown.awsErrorDetails().errorMessage());
        S3Exception missing = s3Error(() -> s3().getObjectAttributes(b -> b.bucket(bucket).key("nothing")
                .objectAttributes(ALL)));
        assertEquals(404, missing.statusCode());
        assertEquals("NoSuchKey", missing.awsErrorDetails().errorCode());
    }

    @Test
    void boto3ReadsTheAttributesOfAMultipartObject() {
        String bucket = bucket();
        ToolResult result = new S3Tools(gateway().endpoint(), S3TestGateway.TESTER, S3TestGateway.TESTER_KEY)
                .boto3(String.join("\n",
                        "s3 = s3_client()",
                        "b = '" + bucket + "'",
                        "up = s3.create_multipart_upload(Bucket=b, Key='m', ChecksumAlgorithm='SHA256')['UploadId']",
                        "parts = []",
                        "for n, body in ((1, b'a' * " + MIN_PART_SIZE + "), (2, b'b' * 10)):",
                        "    r = s3.upload_part(Bucket=b, Key='m', UploadId=up, PartNumber=n, Body=body,"
                                + " ChecksumAlgorithm='SHA256')",
                        "    parts.append({'PartNumber': n, 'ETag': r['ETag'], 'ChecksumSHA256': r['ChecksumSHA256']})",
                        "done = s3.complete_multipart_upload(Bucket=b, Key='m', UploadId=up,"
                                + " MultipartUpload={'Parts': parts})",
                        "a = s3.get_object_attributes(Bucket=b, Key='m', ObjectAttributes=['ETag', 'Checksum',"
                                + " 'ObjectParts', 'StorageClass', 'ObjectSize'])",
                        "expect(a['ETag'] == done['ETag'].strip('\"'), a['ETag'], done['ETag'])",
                        "expect(a['Checksum']['ChecksumSHA256'] == done['ChecksumSHA256'], a['Checksum'])",
                        "expect(a['ObjectSize'] == " + (MIN_PART_SIZE + 10) + ", a['ObjectSize'])",
                        "expect(a['StorageClass'] == 'STANDARD', a['StorageClass'])",
                        "op = a['ObjectParts']",
                        "expect(op['TotalPartsCount'] == 2 and not op['IsTruncated'], op)",
                        "expect([(p['PartNumber'], p['Size'], p['ChecksumSHA256']) for p in op['Parts']] =="
                                + " [(q['PartNumber'], s, q['ChecksumSHA256']) for q, s in zip(parts, ("
                                + MIN_PART_SIZE + ", 10))], op['Parts'])",
                        "s3.put_object(Bucket=b, Key='p', Body=b'plain')",
                        "p = s3.get_object_attributes(Bucket=b, Key='p', ObjectAttributes=['ObjectParts', 'ETag'])",
                        "expect('ObjectParts' not in p and p['ETag'] == '" + md5("plain") + "', p)"));
        assertTrue(result.succeeded(), result.describe());
    }

    private static void assertParts(List<ObjectPart> parts, List<Integer> numbers, List<Integer> sizes,
            List<String> sha256s) {
        assertEquals(numbers, parts.stream().map(ObjectPart::partNumber).toList());
        assertEquals(sizes.stream().map(Integer::longValue).toList(), parts.stream().map(ObjectPart::size).toList());
        assertEquals(sha256s, parts.stream().map(ObjectPart::checksumSHA256).toList());
    }

    private static String md5(String text) {
        try {
            return md5Hex(text.getBytes(java.nio.charset.StandardCharsets.UTF_8));
        } catch (Exception e) {
            throw new AssertionError(e);
        }
    }
}
