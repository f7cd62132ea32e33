package io.s3multi.webapp.s3.multipart;

import io.s3multi.swift.SwiftHeaders;
import io.s3multi.swift.error.SwiftHttpStatusException;
import io.s3multi.webapp.s3.S3TestGateway;
import io.s3multi.webapp.s3.S3Tools;
import io.s3multi.webapp.s3.ToolResult;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.core.sync.RequestBody;
import software.amazon.awssdk.services.s3.model.ChecksumAlgorithm;
import software.amazon.awssdk.services.s3.model.ChecksumType;
import software.amazon.awssdk.services.s3.model.CompleteMultipartUploadResponse;
import software.amazon.awssdk.services.s3.model.CompletedPart;
import software.amazon.awssdk.services.s3.model.S3Exception;

import java.io.ByteArrayOutputStream;
import java.security.MessageDigest;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * CompleteMultipartUpload and part reads where AWS differs from a strict reading of its documentation: a part
 * number listed twice (the last entry counts), an {@code x-amz-checksum-*} header that names the object's checksum
 * (not the XML body's), and {@code partNumber} beyond the object's parts ({@code 400 InvalidPart}). AWS SDK v2 with
 * defaults and Debian's boto3; what Swift stored is read back directly.
 */
class MultipartCompleteDetailsIT extends MultipartIntegrationTest {

    private static S3Tools tools() {
        return new S3Tools(gateway().endpoint(), S3TestGateway.TESTER, S3TestGateway.TESTER_KEY);
    }

    @Test
    void aPartNumberListedTwiceCountsOnceWithItsLastEntry() throws Exception {
        String bucket = bucket();
        String uploadId = s3().createMultipartUpload(b -> b.bucket(bucket).key("k")).uploadId();
        byte[] first = randomBytes(MIN_PART_SIZE, 1);
        byte[] secondOld = randomBytes(1000, 2);
        byte[] secondNew = randomBytes(2000, 3);
        String e1 = s3().uploadPart(b -> b.bucket(bucket).key("k").uploadId(uploadId).partNumber(1),
                RequestBody.fromBytes(first)).eTag();
        String e2old = s3().uploadPart(b -> b.bucket(bucket).key("k").uploadId(uploadId).partNumber(2),
                RequestBody.fromBytes(secondOld)).eTag();
        String e2new = s3().uploadPart(b -> b.bucket(bucket).key("k").uploadId(uploadId).partNumber(2),
                RequestBody.fromBytes(secondNew)).eTag();
        CompleteMultipartUploadResponse done = s3().completeMultipartUpload(b -> b.bucket(bucket).key("k")
                .uploadId(uploadId).multipartUpload(m -> m.parts(
                        CompletedPart.builder().partNumber(1).eTag(e1).build(),
                        CompletedPart.builder().partNumber(1).eTag(e1).build(),
                        CompletedPart.builder().partNumber(2).eTag(e2old).build(),
                        CompletedPart.builder().partNumber(2).eTag(e2new).build())));
        assertEquals(multipartEtag(first, secondNew), done.eTag());
        assertArrayEquals(concat(first, secondNew), s3().getObjectAsBytes(b -> b.bucket(bucket).key("k"))
                .asByteArray());
        List<String> leaves = MultipartIntegrationTestSupport.assertManifestSegmentsExist(swift(), bucket, "k");
        assertEquals(2, leaves.size(), leaves.toString());
        // The attempt of part 2 that the last entry did not name is gone with the marker.
        assertEquals(2, segmentNames(bucket).size(), segmentNames(bucket).toString());

        // Numbers that go down are still refused.
        String other = s3().createMultipartUpload(b -> b.bucket(bucket).key("k2")).uploadId();
        String p1 = s3().uploadPart(b -> b.bucket(bucket).key("k2").uploadId(other).partNumber(1),
                RequestBody.fromBytes(first)).eTag();
        String p2 = s3().uploadPart(b -> b.bucket(bucket).key("k2").uploadId(other).partNumber(2),
                RequestBody.fromBytes(secondOld)).eTag();
        S3Exception order = s3Error(() -> s3().completeMultipartUpload(b -> b.bucket(bucket).key("k2")
                .uploadId(other).multipartUpload(m -> m.parts(
                        CompletedPart.builder().partNumber(1).eTag(p1).build(),
                        CompletedPart.builder().partNumber(2).eTag(p2).build(),
                        CompletedPart.builder().partNumber(1).eTag(p1).build()))));
        assertEquals("InvalidPartOrder", order.awsErrorDetails().errorCode());
        assertObjectAbsent(bucket, "k2");
    }

    @Test
    void boto3CompletesWithARepeatedPartNumber() {
        String bucket = bucket();
        ToolResult result = tools().boto3(String.join("\n",
                "s3 = s3_client()",
                "b = '" + bucket + "'",
                "up = s3.create_multipart_upload(Bucket=b, Key='k')['UploadId']",
                "e1 = s3.upload_part(Bucket=b, Key='k', UploadId=up, PartNumber=1, Body=b'x' * " + MIN_PART_SIZE
                        + ")['ETag']",
                "e2 = s3.upload_part(Bucket=b, Key='k', UploadId=up, PartNumber=2, Body=b'old')['ETag']",
                "e3 = s3.upload_part(Bucket=b, Key='k', UploadId=up, PartNumber=2, Body=b'newer')['ETag']",
                "parts = [{'PartNumber': 1, 'ETag': e1}, {'PartNumber': 2, 'ETag': e2}, {'PartNumber': 2, 'ETag': e3}]",
                "s3.complete_multipart_upload(Bucket=b, Key='k', UploadId=up, MultipartUpload={'Parts': parts})",
                "body = s3.get_object(Bucket=b, Key='k')['Body'].read()",
                "expect(body == b'x' * " + MIN_PART_SIZE + " + b'newer', len(body))"));
        assertTrue(result.succeeded(), result.describe());
    }

    @Test
    void aChecksumHeaderOnCompleteIsComparedWithTheObjectsChecksum() throws Exception {
        String bucket = bucket();
        byte[] first = randomBytes(MIN_PART_SIZE, 4);
        byte[] second = randomBytes(3000, 5);

        // COMPOSITE SHA256: the checksum of the part checksums, with -N.
        String composite = s3().createMultipartUpload(b -> b.bucket(bucket).key("composite")
                .checksumAlgorithm(ChecksumAlgorithm.SHA256)).uploadId();
        List<CompletedPart> parts = new ArrayList<>();
        ByteArrayOutputStream partSums = new ByteArrayOutputStream();
        for (byte[] body : List.of(first, second)) {
            int number = parts.size() + 1;
            String sum = s3().uploadPart(b -> b.bucket(bucket).key("composite").uploadId(composite)
                    .partNumber(number).checksumAlgorithm(ChecksumAlgorithm.SHA256), RequestBody.fromBytes(body))
                    .checksumSHA256();
            partSums.write(Base64.getDecoder().decode(sum));
            parts.add(CompletedPart.builder().partNumber(number).eTag(md5Hex(body)).checksumSHA256(sum).build());
        }
        String expected = Base64.getEncoder().encodeToString(
                MessageDigest.getInstance("SHA-256").digest(partSums.toByteArray())) + "-2";
        String wholeSha256 = Base64.getEncoder().encodeToString(
                MessageDigest.getInstance("SHA-256").digest(concat(first, second)));
        for (String wrong : List.of(wholeSha256, expected.replace("-2", "-3"))) {
            S3Exception refused = s3Error(() -> s3().completeMultipartUpload(b -> b.bucket(bucket).key("composite")
                    .uploadId(composite).checksumSHA256(wrong).multipartUpload(m -> m.parts(parts))));
            assertEquals("BadDigest", refused.awsErrorDetails().errorCode(), wrong);
            assertEquals(400, refused.statusCode());
            assertObjectAbsent(bucket, "composite");
        }
        CompleteMultipartUploadResponse done = s3().completeMultipartUpload(b -> b.bucket(bucket).key("composite")
                .uploadId(composite).checksumSHA256(expected).multipartUpload(m -> m.parts(parts)));
        assertEquals(expected, done.checksumSHA256());
        assertEquals(expected, swift().objects().head(bucket, "composite", SwiftHeaders.empty()).headers()
                .get("X-Object-Meta-S3multi-Checksum-Sha256"));

        // FULL_OBJECT CRC32: the CRC of the whole object.
        String full = s3().createMultipartUpload(b -> b.bucket(bucket).key("full")
                .checksumAlgorithm(ChecksumAlgorithm.CRC32).checksumType(ChecksumType.FULL_OBJECT)).uploadId();
        List<CompletedPart> crcParts = new ArrayList<>();
        for (byte[] body : List.of(first, second)) {
            int number = crcParts.size() + 1;
            String sum = s3().uploadPart(b -> b.bucket(bucket).key("full").uploadId(full).partNumber(number)
                    .checksumAlgorithm(ChecksumAlgorithm.CRC32), RequestBody.fromBytes(body)).checksumCRC32();
            crcParts.add(CompletedPart.builder().partNumber(number).eTag(md5Hex(body)).checksumCRC32(sum).build());
        }
        String wholeCrc = crc32(concat(first, second));
        assertEquals("BadDigest", s3Error(() -> s3().completeMultipartUpload(b -> b.bucket(bucket).key("full")
                .uploadId(full).checksumCRC32(crc32(first)).multipartUpload(m -> m.parts(crcParts))))
                .awsErrorDetails().errorCode());
        // Another algorithm than the upload's names no checksum the object has.
        assertEquals("BadDigest", s3Error(() -> s3().completeMultipartUpload(b -> b.bucket(bucket).key("full")
                .uploadId(full).checksumSHA256(wholeSha256).multipartUpload(m -> m.parts(crcParts))))
                .awsErrorDetails().errorCode());
        assertObjectAbsent(bucket, "full");
        CompleteMultipartUploadResponse fullDone = s3().completeMultipartUpload(b -> b.bucket(bucket).key("full")
                .uploadId(full).checksumCRC32(wholeCrc).multipartUpload(m -> m.parts(crcParts)));
        assertEquals(wholeCrc, fullDone.checksumCRC32());
        assertArrayEquals(concat(first, second), s3().getObjectAsBytes(b -> b.bucket(bucket).key("full"))
                .asByteArray());
    }

    @Test
    void boto3ChecksumHeaderOnComplete() {
        String bucket = bucket();
        ToolResult result = tools().boto3(String.join("\n",
                "import base64, hashlib, botocore.exceptions",
                "s3 = s3_client()",
                "b = '" + bucket + "'",
                "up = s3.create_multipart_upload(Bucket=b, Key='k', ChecksumAlgorithm='SHA256')['UploadId']",
                "body = b'A' * 1024",
                "part = base64.b64encode(hashlib.sha256(body).digest()).decode()",
                "r = s3.upload_part(Bucket=b, Key='k', UploadId=up, PartNumber=1, Body=body,"
                        + " ChecksumAlgorithm='SHA256', ChecksumSHA256=part)",
                "parts = [{'PartNumber': 1, 'ETag': r['ETag'], 'ChecksumSHA256': r['ChecksumSHA256']}]",
                "try:",
                "    s3.complete_multipart_upload(Bucket=b, Key='k', UploadId=up, ChecksumSHA256='bad',"
                        + " MultipartUpload={'Parts': parts})",
                "    expect(False, 'bad checksum accepted')",
                "except botocore.exceptions.ClientError as e:",
                "    expect(e.response['Error']['Code'] == 'BadDigest', e.response['Error'])",
                "    expect(e.response['ResponseMetadata']['HTTPStatusCode'] == 400, e.response['ResponseMetadata'])",
                "right = base64.b64encode(hashlib.sha256(hashlib.sha256(body).digest()).digest()).decode() + '-1'",
                "done = s3.complete_multipart_upload(Bucket=b, Key='k', UploadId=up, ChecksumSHA256=right,"
                        + " MultipartUpload={'Parts': parts})",
                "expect(done['ChecksumSHA256'] == right, done)",
                "head = s3.head_object(Bucket=b, Key='k', ChecksumMode='ENABLED')",
                "expect(head['ChecksumSHA256'] == right, head)"));
        assertTrue(result.succeeded(), result.describe());
    }

    @Test
    void boto3PartNumberBeyondTheObjectIsInvalidPart() {
        String bucket = bucket();
        ToolResult result = tools().boto3(String.join("\n",
                "import botocore.exceptions",
                "s3 = s3_client()",
                "b = '" + bucket + "'",
                "s3.put_object(Bucket=b, Key='plain', Body=b'body')",
                "up = s3.create_multipart_upload(Bucket=b, Key='multi')['UploadId']",
                "e1 = s3.upload_part(Bucket=b, Key='multi', UploadId=up, PartNumber=1, Body=b'x' * " + MIN_PART_SIZE
                        + ")['ETag']",
                "e2 = s3.upload_part(Bucket=b, Key='multi', UploadId=up, PartNumber=2, Body=b'y')['ETag']",
                "s3.complete_multipart_upload(Bucket=b, Key='multi', UploadId=up, MultipartUpload={'Parts': ["
                        + "{'PartNumber': 1, 'ETag': e1}, {'PartNumber': 2, 'ETag': e2}]})",
                "for key, number in (('plain', 2), ('multi', 3), ('multi', 5)):",
                "    try:",
                "        s3.get_object(Bucket=b, Key=key, PartNumber=number)",
                "        expect(False, key, number)",
                "    except botocore.exceptions.ClientError as e:",
                "        expect(e.response['Error']['Code'] == 'InvalidPart', key, number, e.response['Error'])",
                "        expect(e.response['ResponseMetadata']['HTTPStatusCode'] == 400, key, number)",
                "expect(s3.get_object(Bucket=b, Key='plain', PartNumber=1)['Body'].read() == b'body')",
                "expect(s3.get_object(Bucket=b, Key='multi', PartNumber=2)['Body'].read() == b'y')"));
        assertTrue(result.succeeded(), result.describe());
    }

    private static void assertObjectAbsent(String bucket, String key) {
        try {
            swift().objects().head(bucket, key, SwiftHeaders.empty());
            throw new AssertionError(bucket + "/" + key + " was stored");
        } catch (SwiftHttpStatusException expected) {
            assertEquals(404, expected.status());
        } catch (Exception e) {
            throw new AssertionError(e);
        }
    }

}
