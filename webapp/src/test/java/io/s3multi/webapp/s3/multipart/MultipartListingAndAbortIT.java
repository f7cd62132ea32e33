package io.s3multi.webapp.s3.multipart;

import io.s3multi.swift.SwiftHeaders;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.core.sync.RequestBody;
import software.amazon.awssdk.services.s3.model.ListMultipartUploadsResponse;
import software.amazon.awssdk.services.s3.model.ListPartsResponse;
import software.amazon.awssdk.services.s3.model.MultipartUpload;
import software.amazon.awssdk.services.s3.model.Part;
import software.amazon.awssdk.services.s3.model.S3Exception;

import java.time.Duration;
import java.time.Instant;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** ListParts, ListMultipartUploads and AbortMultipartUpload, checked against what Swift holds. */
class MultipartListingAndAbortIT extends MultipartIntegrationTest {

    @Test
    void uploadsListByKeyThenInitiationWithCommonPrefixesAndPaging() {
        String bucket = bucket();
        String a1 = s3().createMultipartUpload(b -> b.bucket(bucket).key("a")).uploadId();
        String ab = s3().createMultipartUpload(b -> b.bucket(bucket).key("a/b")).uploadId();
        String a2 = s3().createMultipartUpload(b -> b.bucket(bucket).key("a")).uploadId();
        String c = s3().createMultipartUpload(b -> b.bucket(bucket).key("c")).uploadId();

        ListMultipartUploadsResponse all = s3().listMultipartUploads(b -> b.bucket(bucket));
        assertEquals(List.of("a", "a", "a/b", "c"), all.uploads().stream().map(MultipartUpload::key).toList());
        assertEquals(List.of(a1, a2, ab, c), all.uploads().stream().map(MultipartUpload::uploadId).toList());
        assertFalse(all.isTruncated());
        assertEquals("test:tester", all.uploads().get(0).initiator().displayName());

        ListMultipartUploadsResponse delimited = s3().listMultipartUploads(b -> b.bucket(bucket).delimiter("/"));
        assertEquals(List.of("a", "a", "c"), delimited.uploads().stream().map(MultipartUpload::key).toList());
        assertEquals(List.of("a/"), delimited.commonPrefixes().stream().map(p -> p.prefix()).toList());

        ListMultipartUploadsResponse first = s3().listMultipartUploads(b -> b.bucket(bucket).maxUploads(2));
        assertTrue(first.isTruncated());
        assertEquals("a", first.nextKeyMarker());
        assertEquals(a2, first.nextUploadIdMarker());
        ListMultipartUploadsResponse rest = s3().listMultipartUploads(b -> b.bucket(bucket).maxUploads(2)
                .keyMarker(first.nextKeyMarker()).uploadIdMarker(first.nextUploadIdMarker()));
        assertEquals(List.of(ab, c), rest.uploads().stream().map(MultipartUpload::uploadId).toList());

        ListMultipartUploadsResponse prefixed = s3().listMultipartUploads(b -> b.bucket(bucket).prefix("a/"));
        assertEquals(List.of(ab), prefixed.uploads().stream().map(MultipartUpload::uploadId).toList());

        for (var upload : all.uploads()) {
            s3().abortMultipartUpload(b -> b.bucket(bucket).key(upload.key()).uploadId(upload.uploadId()));
        }
        assertTrue(s3().listMultipartUploads(b -> b.bucket(bucket)).uploads().isEmpty());
    }

    @Test
    void partsListInPagesWithTheirEtagsSizesAndChecksums() throws Exception {
        String bucket = bucket();
        String uploadId = s3().createMultipartUpload(b -> b.bucket(bucket).key("k")).uploadId();
        byte[][] bodies = {randomBytes(11, 1), randomBytes(22, 2), randomBytes(33, 3)};
        for (int i = 0; i < 3; i++) {
            int number = i + 1;
            s3().uploadPart(b -> b.bucket(bucket).key("k").uploadId(uploadId).partNumber(number),
                    RequestBody.fromBytes(bodies[number - 1]));
        }
        ListPartsResponse page = s3().listParts(b -> b.bucket(bucket).key("k").uploadId(uploadId).maxParts(2));
        assertTrue(page.isTruncated());
        assertEquals(2, page.nextPartNumberMarker());
        assertEquals(List.of(1, 2), page.parts().stream().map(Part::partNumber).toList());
        assertEquals("\"" + md5Hex(bodies[0]) + "\"", page.parts().get(0).eTag());
        assertEquals(11L, page.parts().get(0).size());
        // The SDK sent a CRC32 trailer with every part; the part keeps it.
        assertTrue(page.parts().get(0).checksumCRC32() != null, "CRC32 of part 1");
        assertEquals("test:tester", page.initiator().displayName());

        ListPartsResponse rest = s3().listParts(b -> b.bucket(bucket).key("k").uploadId(uploadId)
                .partNumberMarker(page.nextPartNumberMarker()));
        assertFalse(rest.isTruncated());
        assertEquals(List.of(3), rest.parts().stream().map(Part::partNumber).toList());
        assertEquals(33L, rest.parts().get(0).size());
    }

    @Test
    void abortLeavesNothingInSwiftAndLaterCallsAreNoSuchUpload() throws Exception {
        String bucket = bucket();
        String uploadId = s3().createMultipartUpload(b -> b.bucket(bucket).key("k")).uploadId();
        for (int number = 1; number <= 2; number++) {
            int n = number;
            s3().uploadPart(b -> b.bucket(bucket).key("k").uploadId(uploadId).partNumber(n),
                    RequestBody.fromBytes(randomBytes(100, n)));
        }
        assertEquals(3, segmentNames(bucket).size());
        s3().abortMultipartUpload(b -> b.bucket(bucket).key("k").uploadId(uploadId));
        List<String> traces = segmentNames(bucket);
        assertEquals(1, traces.size(), traces::toString);
        assertEquals("aborts/" + uploadId, traces.get(0),
                "only the abort's trace stays, for a Complete racing it on another gateway: " + traces);
        // Swift's expirer removes it where no sweeper runs: two days, as the proxy turned X-Delete-After into.
        long deleteAt = Long.parseLong(swift().objects().head(bucket + "_segments", traces.get(0),
                SwiftHeaders.empty()).header("X-Delete-At"));
        long inTwoDays = Instant.now().plus(Duration.ofDays(2)).getEpochSecond();
        assertTrue(Math.abs(deleteAt - inTwoDays) < 600, "X-Delete-At " + deleteAt + ", expected about " + inTwoDays);

        S3Exception part = s3Error(() -> s3().uploadPart(b -> b.bucket(bucket).key("k").uploadId(uploadId)
                .partNumber(3), RequestBody.fromBytes(randomBytes(100, 3))));
        assertEquals("NoSuchUpload", part.awsErrorDetails().errorCode());
        assertEquals(404, part.statusCode());
        assertEquals("NoSuchUpload", s3Error(() -> s3().abortMultipartUpload(b -> b.bucket(bucket).key("k")
                .uploadId(uploadId))).awsErrorDetails().errorCode());
        assertEquals("NoSuchUpload", s3Error(() -> s3().listParts(b -> b.bucket(bucket).key("k")
                .uploadId(uploadId))).awsErrorDetails().errorCode());
        assertEquals(traces, segmentNames(bucket));
    }
}
