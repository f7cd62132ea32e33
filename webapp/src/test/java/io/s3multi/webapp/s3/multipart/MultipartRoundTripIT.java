package io.s3multi.webapp.s3.multipart;

import io.s3multi.s3.contract.ListingEtag;
import io.s3multi.swift.SwiftHeaders;
import io.s3multi.swift.SwiftReply;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.core.ResponseBytes;
import software.amazon.awssdk.core.sync.RequestBody;
import software.amazon.awssdk.services.s3.model.CompleteMultipartUploadResponse;
import software.amazon.awssdk.services.s3.model.CompletedPart;
import software.amazon.awssdk.services.s3.model.CreateMultipartUploadResponse;
import software.amazon.awssdk.services.s3.model.GetObjectResponse;
import software.amazon.awssdk.services.s3.model.HeadObjectResponse;
import software.amazon.awssdk.services.s3.model.S3Object;
import software.amazon.awssdk.services.s3.model.UploadPartResponse;

import java.io.ByteArrayOutputStream;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Create, upload, complete, read back: with the AWS SDK v2 (defaults: aws-chunked with a CRC32 trailer). */
class MultipartRoundTripIT extends MultipartIntegrationTest {

    @Test
    void threePartsBecomeOneObjectWithTheMultipartEtagAndNothingElseIsLeft() throws Exception {
        String bucket = bucket();
        String key = "dir/three parts ü.bin";
        byte[][] parts = {randomBytes(MIN_PART_SIZE + 1, 1), randomBytes(MIN_PART_SIZE + 7, 2), randomBytes(100, 3)};
        CreateMultipartUploadResponse created = s3().createMultipartUpload(b -> b.bucket(bucket).key(key)
                .contentType("text/x-note; charset=UTF-8").metadata(Map.of("color", "blue")));
        String uploadId = created.uploadId();
        assertTrue(uploadId.matches("[0-9a-v]{26}"), uploadId);

        List<CompletedPart> completed = new ArrayList<>();
        for (int i = 0; i < parts.length; i++) {
            int number = i + 1;
            UploadPartResponse part = s3().uploadPart(b -> b.bucket(bucket).key(key).uploadId(uploadId)
                    .partNumber(number), RequestBody.fromBytes(parts[i]));
            assertEquals("\"" + md5Hex(parts[i]) + "\"", part.eTag());
            completed.add(CompletedPart.builder().partNumber(number).eTag(part.eTag()).build());
        }
        CompleteMultipartUploadResponse done = s3().completeMultipartUpload(b -> b.bucket(bucket).key(key)
                .uploadId(uploadId).multipartUpload(m -> m.parts(completed)));
        String expectedEtag = multipartEtag(parts);
        assertEquals(expectedEtag, done.eTag());
        assertEquals(bucket, done.bucket());
        assertEquals(key, done.key());

        ResponseBytes<GetObjectResponse> read = s3().getObjectAsBytes(b -> b.bucket(bucket).key(key));
        ByteArrayOutputStream all = new ByteArrayOutputStream();
        for (byte[] part : parts) {
            all.write(part);
        }
        assertArrayEquals(all.toByteArray(), read.asByteArray());
        assertEquals(expectedEtag, read.response().eTag());
        assertEquals("text/x-note; charset=UTF-8", read.response().contentType());

        HeadObjectResponse head = s3().headObject(b -> b.bucket(bucket).key(key));
        assertEquals(expectedEtag, head.eTag());
        // The stored type carries the listing ETag parameter; clients see the type exactly as they gave it.
        assertEquals("text/x-note; charset=UTF-8", head.contentType());
        assertEquals(Map.of("color", "blue"), head.metadata());
        assertEquals(all.size(), head.contentLength());

        // rclone and others compare the listing's ETag with HEAD's.
        S3Object listed = s3().listObjectsV2(b -> b.bucket(bucket)).contents().get(0);
        assertEquals(expectedEtag, listed.eTag());
        assertEquals(head.eTag(), listed.eTag());

        // What Swift holds: an SLO at bucket/key, the three parts and nothing else (no marker, no claim).
        SwiftReply manifest = swift().objects().head(bucket, key, SwiftHeaders.empty());
        assertEquals("True", manifest.header("X-Static-Large-Object"));
        assertEquals("text/x-note; charset=UTF-8;" + ListingEtag.PARAMETER + "=" + expectedEtag.replace("\"", ""),
                manifest.header("Content-Type"));
        assertEquals(expectedEtag.replace("\"", ""), manifest.header("X-Object-Meta-S3multi-Etag"));
        assertEquals(uploadId, manifest.header("X-Object-Meta-S3multi-Upload-Id"));
        assertEquals(List.of("parts/" + uploadId + "/00001", "parts/" + uploadId + "/00002",
                "parts/" + uploadId + "/00003"), withoutAttempts(segmentNames(bucket)));

        // A copy is a plain object: its own MD5 ETag, the client's type, no multipart ETag carried over.
        String copyEtag = s3().copyObject(b -> b.sourceBucket(bucket).sourceKey(key).destinationBucket(bucket)
                .destinationKey("copy")).copyObjectResult().eTag();
        assertEquals("\"" + md5Hex(all.toByteArray()) + "\"", copyEtag);
        HeadObjectResponse copyHead = s3().headObject(b -> b.bucket(bucket).key("copy"));
        assertEquals(copyEtag, copyHead.eTag());
        assertEquals("text/x-note; charset=UTF-8", copyHead.contentType());
        assertEquals(Map.of("color", "blue"), copyHead.metadata());
        SwiftReply copyInSwift = swift().objects().head(bucket, "copy", SwiftHeaders.empty());
        assertEquals("text/x-note; charset=UTF-8", copyInSwift.header("Content-Type"));
        assertEquals(null, copyInSwift.header("X-Object-Meta-S3multi-Etag"));
        assertEquals(null, copyInSwift.header("X-Object-Meta-S3multi-Upload-Id"));
        assertEquals(copyEtag, s3().listObjectsV2(b -> b.bucket(bucket).prefix("copy")).contents().get(0).eTag());

        // Deleting the object deletes its segments.
        s3().deleteObject(b -> b.bucket(bucket).key(key));
        assertEquals(List.of(), segmentNames(bucket));
    }

    @Test
    void aRetriedCompleteGetsTheSameAnswerAndAbortAfterCompleteIsNoSuchUpload() throws Exception {
        String bucket = bucket();
        String uploadId = s3().createMultipartUpload(b -> b.bucket(bucket).key("k")).uploadId();
        byte[] body = randomBytes(1000, 9);
        String eTag = s3().uploadPart(b -> b.bucket(bucket).key("k").uploadId(uploadId).partNumber(1),
                RequestBody.fromBytes(body)).eTag();
        CompletedPart part = CompletedPart.builder().partNumber(1).eTag(eTag).build();
        String first = s3().completeMultipartUpload(b -> b.bucket(bucket).key("k").uploadId(uploadId)
                .multipartUpload(m -> m.parts(part))).eTag();
        String second = s3().completeMultipartUpload(b -> b.bucket(bucket).key("k").uploadId(uploadId)
                .multipartUpload(m -> m.parts(part))).eTag();
        assertEquals(multipartEtag(body), first);
        assertEquals(first, second);
        assertEquals("NoSuchUpload", s3Error(() -> s3().abortMultipartUpload(b -> b.bucket(bucket).key("k")
                .uploadId(uploadId))).awsErrorDetails().errorCode());
        assertArrayEquals(body, s3().getObjectAsBytes(b -> b.bucket(bucket).key("k")).asByteArray());
    }

    @Test
    void tenPartsNestManifestsBeyondMaxManifestSegments() throws Exception {
        String bucket = bucket();
        String uploadId = s3().createMultipartUpload(b -> b.bucket(bucket).key("nested")).uploadId();
        byte[][] parts = new byte[10][];
        List<CompletedPart> completed = new ArrayList<>();
        ByteArrayOutputStream all = new ByteArrayOutputStream();
        for (int i = 0; i < parts.length; i++) {
            int number = i + 1;
            parts[i] = randomBytes(i == 9 ? 12345 : MIN_PART_SIZE, 100 + i);
            all.write(parts[i]);
            String eTag = s3().uploadPart(b -> b.bucket(bucket).key("nested").uploadId(uploadId).partNumber(number),
                    RequestBody.fromBytes(parts[number - 1])).eTag();
            completed.add(CompletedPart.builder().partNumber(number).eTag(eTag).build());
        }
        String eTag = s3().completeMultipartUpload(b -> b.bucket(bucket).key("nested").uploadId(uploadId)
                .multipartUpload(m -> m.parts(completed))).eTag();
        assertEquals(multipartEtag(parts), eTag);
        assertArrayEquals(all.toByteArray(), s3().getObjectAsBytes(b -> b.bucket(bucket).key("nested")).asByteArray());
        // 10 parts, 4 per manifest: sub-manifests [1-4] [5-8] [9-10] under the root.
        List<String> manifests = segmentNames(bucket).stream().filter(n -> n.startsWith("manifests/")).toList();
        assertEquals(List.of("manifests/" + uploadId + "/1-00000", "manifests/" + uploadId + "/1-00001",
                "manifests/" + uploadId + "/1-00002"), manifests);
        s3().deleteObject(b -> b.bucket(bucket).key("nested"));
        assertEquals(List.of(), segmentNames(bucket));
    }

    @Test
    void partsNotNamedAreDeletedAndAnOverwriteDeletesTheOldSegments() throws Exception {
        String bucket = bucket();
        String first = s3().createMultipartUpload(b -> b.bucket(bucket).key("k")).uploadId();
        List<CompletedPart> chosen = new ArrayList<>();
        for (int number = 1; number <= 3; number++) {
            int n = number;
            String eTag = s3().uploadPart(b -> b.bucket(bucket).key("k").uploadId(first).partNumber(n),
                    RequestBody.fromBytes(randomBytes(MIN_PART_SIZE, n))).eTag();
            if (n != 2) {
                chosen.add(CompletedPart.builder().partNumber(n).eTag(eTag).build());
            }
        }
        s3().completeMultipartUpload(b -> b.bucket(bucket).key("k").uploadId(first)
                .multipartUpload(m -> m.parts(chosen)));
        assertEquals(List.of("parts/" + first + "/00001", "parts/" + first + "/00003"),
                withoutAttempts(segmentNames(bucket)));

        String second = s3().createMultipartUpload(b -> b.bucket(bucket).key("k")).uploadId();
        byte[] body = randomBytes(10, 5);
        String eTag = s3().uploadPart(b -> b.bucket(bucket).key("k").uploadId(second).partNumber(1),
                RequestBody.fromBytes(body)).eTag();
        s3().completeMultipartUpload(b -> b.bucket(bucket).key("k").uploadId(second)
                .multipartUpload(m -> m.parts(CompletedPart.builder().partNumber(1).eTag(eTag).build())));
        assertEquals(List.of("parts/" + second + "/00001"), withoutAttempts(segmentNames(bucket)));
        assertArrayEquals(body, s3().getObjectAsBytes(b -> b.bucket(bucket).key("k")).asByteArray());
    }
}
