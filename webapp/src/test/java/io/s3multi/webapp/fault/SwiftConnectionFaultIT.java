package io.s3multi.webapp.fault;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.core.exception.SdkException;
import software.amazon.awssdk.services.s3.model.CompletedPart;
import software.amazon.awssdk.services.s3.model.S3Exception;

/**
 * The connection to Swift breaks: reset before a request is sent, in the middle of an upload's body, in the
 * middle of a download; or a response body ends early with a clean close (truncation). Uploads fail with an
 * S3 error and store nothing; downloads never pass a short body off as complete.
 */
class SwiftConnectionFaultIT extends FaultInjectionTest {

    private static final long SIZE = 3L * 1024 * 1024 + 5;
    private static final Duration RAW_TIMEOUT = Duration.ofSeconds(30);

    @Test
    void putObjectResetMidBodyFailsTheUploadAndStoresNothing() throws Exception {
        String bucket = bucket();
        Rule reset = proxy().when(object("PUT", bucket, "k")).then(Fault.resetInRequestBody(256 * 1024));
        // The gateway answers while the SDK is still sending, so the SDK sees its connection closed.
        assertThrows(SdkException.class, () -> s3().putObject(b -> b.bucket(bucket).key("k"), pattern(SIZE, 1)));
        String answer = finalAnswer(curlUpload(presignedPut(bucket, "k"), SIZE));
        System.out.println("FAULT put reset: " + answer + " " + reset.struck());
        assertTrue(answer.startsWith("5") && answer.length() > 4, answer);
        assertFalse(swiftHolds(bucket, "k"));
    }

    @Test
    void putObjectResetBeforeSendingIsRetriedByTheClient() throws Exception {
        String bucket = bucket();
        proxy().when(object("PUT", bucket, "k")).times(1).then(Fault.resetBeforeForwarding());
        s3().putObject(b -> b.bucket(bucket).key("k"), pattern(SIZE, 2));
        assertArrayEquals(patternBytes(SIZE, 2), s3().getObjectAsBytes(b -> b.bucket(bucket).key("k")).asByteArray());
    }

    @Test
    void uploadPartResetMidBodyStoresNoSegmentAndTheUploadCompletesAfterwards() throws Exception {
        String bucket = bucket();
        String uploadId = s3().createMultipartUpload(b -> b.bucket(bucket).key("k")).uploadId();
        proxy().when(segments("PUT", bucket)).then(Fault.resetInRequestBody(256 * 1024));
        assertThrows(SdkException.class, () -> uploadPart(bucket, "k", uploadId, 1, SIZE));
        String answer = finalAnswer(curlUpload(presignedUploadPart(bucket, "k", uploadId, 1), SIZE));
        System.out.println("FAULT part reset: " + answer);
        assertTrue(answer.startsWith("5") && answer.length() > 4, answer);
        assertTrue(segmentNames(bucket).stream().noneMatch(name -> name.startsWith("parts/")),
                segmentNames(bucket)::toString);

        proxy().clearRules();
        CompletedPart part = uploadPart(bucket, "k", uploadId, 1, SIZE);
        s3().completeMultipartUpload(b -> b.bucket(bucket).key("k").uploadId(uploadId)
                .multipartUpload(u -> u.parts(part)));
        assertArrayEquals(patternBytes(SIZE, 1), s3().getObjectAsBytes(b -> b.bucket(bucket).key("k")).asByteArray());
        System.out.println("FAULT part reset after: " + segmentNames(bucket));
    }

    @Test
    void downloadResetMidBodyFailsTheClient() throws Exception {
        String bucket = bucket();
        s3().putObject(b -> b.bucket(bucket).key("k"), pattern(SIZE, 3));
        proxy().when(object("GET", bucket, "k")).then(Fault.resetInResponseBody(512 * 1024));
        SdkException sdk = assertThrows(SdkException.class,
                () -> s3().getObjectAsBytes(b -> b.bucket(bucket).key("k")));
        RawDownload raw = RawDownload.get(presignedGet(bucket, "k"), RAW_TIMEOUT);
        System.out.println("FAULT get reset: " + sdk + " raw " + raw);
        assertFalse(raw.complete(), raw::toString);
        assertTrue(raw.receivedBytes() < SIZE);
    }

    @Test
    void truncatedDownloadFailsTheClient() throws Exception {
        String bucket = bucket();
        s3().putObject(b -> b.bucket(bucket).key("k"), pattern(SIZE, 4));
        proxy().when(object("GET", bucket, "k")).then(Fault.truncateResponseBody(512 * 1024));
        SdkException sdk = assertThrows(SdkException.class,
                () -> s3().getObjectAsBytes(b -> b.bucket(bucket).key("k")));
        RawDownload raw = RawDownload.get(presignedGet(bucket, "k"), RAW_TIMEOUT);
        System.out.println("FAULT get truncated: " + sdk + " raw " + raw);
        assertFalse(raw.complete(), raw::toString);
    }

    @Test
    void truncatedRangedDownloadOfAMultipartObjectFailsTheClient() throws Exception {
        String bucket = bucket();
        String uploadId = s3().createMultipartUpload(b -> b.bucket(bucket).key("k")).uploadId();
        List<CompletedPart> parts = List.of(uploadPart(bucket, "k", uploadId, 1, MIN_PART_SIZE),
                uploadPart(bucket, "k", uploadId, 2, MIN_PART_SIZE));
        s3().completeMultipartUpload(b -> b.bucket(bucket).key("k").uploadId(uploadId)
                .multipartUpload(u -> u.parts(parts)));
        proxy().when(object("GET", bucket, "k")).then(Fault.truncateResponseBody(300 * 1024));
        SdkException sdk = assertThrows(SdkException.class, () -> s3().getObjectAsBytes(
                b -> b.bucket(bucket).key("k").range("bytes=1000-1500000")));
        System.out.println("FAULT ranged slo truncated: " + sdk);
    }

    @Test
    void truncatedListingIsAnS3Error() throws Exception {
        String bucket = bucket();
        for (int i = 0; i < 8; i++) {
            String key = "key-with-a-longish-name-" + i;
            s3().putObject(b -> b.bucket(bucket).key(key), software.amazon.awssdk.core.sync.RequestBody.fromString(key));
        }
        proxy().when(request -> request.method().equals("GET") && request.path().endsWith("/" + bucket)
                && request.hasParameter("format")).then(Fault.truncateResponseBody(300));
        S3Exception error = serverError(() -> s3().listObjectsV2(b -> b.bucket(bucket)));
        System.out.println("FAULT list truncated: " + error.statusCode() + " " + error.awsErrorDetails().errorCode());
    }

}
