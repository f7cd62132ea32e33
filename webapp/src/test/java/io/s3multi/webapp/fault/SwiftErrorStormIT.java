package io.s3multi.webapp.fault;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.s3.model.CompletedPart;
import software.amazon.awssdk.services.s3.model.S3Exception;

/**
 * Swift answers 503 to every request of one kind (a storm), or to the first one (a squall the SDK's retries
 * ride out): the client gets {@code ServiceUnavailable} as S3 XML, Swift holds no partial object, and the same
 * upload completes once Swift is well again.
 */
class SwiftErrorStormIT extends FaultInjectionTest {

    private static final long SIZE = 1024 * 1024 + 17;

    @Test
    void putObjectInAStormIsServiceUnavailableAndStoresNothing() throws Exception {
        String bucket = bucket();
        Rule storm = proxy().when(object("PUT", bucket, "k")).then(Fault.answer(503));
        // Swift refuses before the body (Expect: 100-continue); the SDK, waiting for the gateway's 100 Continue,
        // gets the error instead of sending its body into a closing connection.
        assertServiceUnavailable(s3Error(() -> s3().putObject(b -> b.bucket(bucket).key("k"), pattern(SIZE, 1))));
        assertTrue(storm.struck() >= 2, "the SDK retried: " + storm.struck());
        assertFalse(swiftHolds(bucket, "k"));
    }

    @Test
    void putObjectRidesOutASquallWithTheClientsRetries() throws Exception {
        String bucket = bucket();
        Rule squall = proxy().when(object("PUT", bucket, "k")).times(1).then(Fault.answer(503));
        s3().putObject(b -> b.bucket(bucket).key("k"), pattern(SIZE, 2));
        assertEquals(1, squall.struck());
        assertArrayEquals(patternBytes(SIZE, 2), s3().getObjectAsBytes(b -> b.bucket(bucket).key("k")).asByteArray());
    }

    @Test
    void getObjectInAStormIsServiceUnavailable() {
        String bucket = bucket();
        s3().putObject(b -> b.bucket(bucket).key("k"), pattern(SIZE, 3));
        proxy().when(object("GET", bucket, "k")).then(Fault.answer(503));
        assertServiceUnavailable(s3Error(() -> s3().getObjectAsBytes(b -> b.bucket(bucket).key("k"))));
    }

    @Test
    void uploadPartInAStormStoresNoSegmentAndTheUploadCompletesAfterwards() throws Exception {
        String bucket = bucket();
        String uploadId = s3().createMultipartUpload(b -> b.bucket(bucket).key("k")).uploadId();
        proxy().when(segments("PUT", bucket)).then(Fault.answer(503));
        assertServiceUnavailable(s3Error(() -> uploadPart(bucket, "k", uploadId, 1, SIZE)));
        List<String> stored = segmentNames(bucket);
        assertTrue(stored.stream().noneMatch(name -> name.startsWith("parts/")), stored::toString);

        proxy().clearRules();
        CompletedPart part = uploadPart(bucket, "k", uploadId, 1, SIZE);
        s3().completeMultipartUpload(b -> b.bucket(bucket).key("k").uploadId(uploadId)
                .multipartUpload(u -> u.parts(part)));
        assertArrayEquals(patternBytes(SIZE, 1), s3().getObjectAsBytes(b -> b.bucket(bucket).key("k")).asByteArray());
        assertOnlyPartsOf(uploadId, 1, segmentNames(bucket));
    }

    @Test
    void completeInAStormStoresNoObjectKeepsTheUploadAndCompletesAfterwards() throws Exception {
        String bucket = bucket();
        String uploadId = s3().createMultipartUpload(b -> b.bucket(bucket).key("k")).uploadId();
        List<CompletedPart> parts = List.of(uploadPart(bucket, "k", uploadId, 1, MIN_PART_SIZE),
                uploadPart(bucket, "k", uploadId, 2, SIZE));
        List<String> before = segmentNames(bucket);
        proxy().when(object("PUT", bucket, "k").and(request -> request.hasParameter("multipart-manifest")))
                .then(Fault.answer(503));
        // Complete answers 200 at once and keeps the connection alive with whitespace, so its error comes as
        // an <Error> document in a 200 answer; the SDK turns it into an exception as AWS documents.
        S3Exception error = s3Error(() -> s3().completeMultipartUpload(b -> b.bucket(bucket).key("k")
                .uploadId(uploadId).multipartUpload(u -> u.parts(parts))));
        assertEquals("ServiceUnavailable", error.awsErrorDetails().errorCode(), error::toString);
        assertFalse(swiftHolds(bucket, "k"));
        assertEquals(before, segmentNames(bucket), "marker and parts kept, no claim left");

        proxy().clearRules();
        s3().completeMultipartUpload(b -> b.bucket(bucket).key("k").uploadId(uploadId)
                .multipartUpload(u -> u.parts(parts)));
        byte[] whole = new byte[MIN_PART_SIZE + (int) SIZE];
        System.arraycopy(patternBytes(MIN_PART_SIZE, 1), 0, whole, 0, MIN_PART_SIZE);
        System.arraycopy(patternBytes(SIZE, 2), 0, whole, MIN_PART_SIZE, (int) SIZE);
        assertArrayEquals(whole, s3().getObjectAsBytes(b -> b.bucket(bucket).key("k")).asByteArray());
        assertOnlyPartsOf(uploadId, 2, segmentNames(bucket));
    }

    @Test
    void aStormDuringTheCleanUpAfterCompleteLeavesOnlyThatUploadsTraces() throws Exception {
        String bucket = bucket();
        String uploadId = s3().createMultipartUpload(b -> b.bucket(bucket).key("k")).uploadId();
        CompletedPart one = uploadPart(bucket, "k", uploadId, 1, MIN_PART_SIZE);
        uploadPart(bucket, "k", uploadId, 2, SIZE);  // uploaded, not chosen: deleted after a Complete
        CompletedPart three = uploadPart(bucket, "k", uploadId, 3, SIZE);
        proxy().when(segments("DELETE", bucket)).then(Fault.answer(503));
        s3().completeMultipartUpload(b -> b.bucket(bucket).key("k").uploadId(uploadId)
                .multipartUpload(u -> u.parts(one, three)));
        byte[] whole = new byte[MIN_PART_SIZE + (int) SIZE];
        System.arraycopy(patternBytes(MIN_PART_SIZE, 1), 0, whole, 0, MIN_PART_SIZE);
        System.arraycopy(patternBytes(SIZE, 3), 0, whole, MIN_PART_SIZE, (int) SIZE);
        assertArrayEquals(whole, s3().getObjectAsBytes(b -> b.bucket(bucket).key("k")).asByteArray());
        // Left for a sweeper: the marker, the claim and the unused part, all named by this upload's id.
        List<String> left = segmentNames(bucket);
        assertTrue(left.stream().allMatch(name -> name.contains(uploadId)), left::toString);

        proxy().clearRules();
        s3().deleteObject(b -> b.bucket(bucket).key("k"));
        left = segmentNames(bucket);
        assertTrue(left.stream().allMatch(name -> name.startsWith("uploads/k") && name.endsWith(uploadId)),
                "only the finished upload's marker stays: " + left);
    }

    private static void assertServiceUnavailable(S3Exception error) {
        assertEquals(503, error.statusCode(), error::toString);
        assertEquals("ServiceUnavailable", error.awsErrorDetails().errorCode(), error::toString);
    }

    private static void assertOnlyPartsOf(String uploadId, int count, List<String> names) {
        assertEquals(count, names.size(), names::toString);
        assertTrue(names.stream().allMatch(name -> name.startsWith("parts/" + uploadId + "/")), names::toString);
    }
}
