package io.s3multi.webapp.fault;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;

import io.s3multi.webapp.s3.S3TestGateway;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.core.sync.RequestBody;
import software.amazon.awssdk.services.s3.model.S3Exception;

/**
 * Swift is entirely down (connections refused): every S3 operation answers {@code 503 ServiceUnavailable} as
 * S3 XML at once, an upload attempted meanwhile stores nothing, and everything works again once Swift is back,
 * also for a gateway that started while Swift was down.
 */
class SwiftDownIT extends FaultInjectionTest {

    /** Refused connections fail at once; the SDK's retries with back-off stay well below this. */
    private static final Duration BOUND = Duration.ofSeconds(20);

    @Test
    void everyOperationIsServiceUnavailableWhileSwiftIsDown() throws Exception {
        String bucket = bucket();
        s3().putObject(b -> b.bucket(bucket).key("there"), pattern(1000, 1));
        String uploadId = s3().createMultipartUpload(b -> b.bucket(bucket).key("m")).uploadId();

        proxy().down();
        assertUnavailable("PutObject", () -> s3().putObject(b -> b.bucket(bucket).key("k"),
                pattern(2L * 1024 * 1024, 2)));
        assertUnavailable("GetObject", () -> s3().getObjectAsBytes(b -> b.bucket(bucket).key("there")));
        assertUnavailable("ListObjectsV2", () -> s3().listObjectsV2(b -> b.bucket(bucket)));
        assertUnavailable("CreateMultipartUpload", () -> s3().createMultipartUpload(b -> b.bucket(bucket).key("n")));
        assertUnavailable("UploadPart", () -> uploadPart(bucket, "m", uploadId, 1, MIN_PART_SIZE));
        assertUnavailable("DeleteObject", () -> s3().deleteObject(b -> b.bucket(bucket).key("there")));

        proxy().up();
        assertFalse(swiftHolds(bucket, "k"));
        assertArrayEquals(patternBytes(1000, 1),
                s3().getObjectAsBytes(b -> b.bucket(bucket).key("there")).asByteArray());
        var part = uploadPart(bucket, "m", uploadId, 1, MIN_PART_SIZE);
        s3().completeMultipartUpload(b -> b.bucket(bucket).key("m").uploadId(uploadId)
                .multipartUpload(u -> u.parts(part)));
        assertArrayEquals(patternBytes(MIN_PART_SIZE, 1),
                s3().getObjectAsBytes(b -> b.bucket(bucket).key("m")).asByteArray());
    }

    @Test
    void aGatewayStartedWhileSwiftIsDownAnswersServiceUnavailableThenWorks() throws Exception {
        String bucket = bucket();
        try (var down = FaultProxy.start(S3TestGateway.SWIFT_URL)) {
            down.down();
            try (var gateway = S3TestGateway.start(configuration(down))) {
                assertUnavailable("ListObjectsV2 before any token",
                        () -> gateway.s3().listObjectsV2(b -> b.bucket(bucket)));
                down.up();
                gateway.s3().putObject(b -> b.bucket(bucket).key("k"), RequestBody.fromString("back"));
                assertEquals("back", gateway.s3().getObjectAsBytes(b -> b.bucket(bucket).key("k")).asUtf8String());
            }
        }
    }

    private static void assertUnavailable(String operation, Runnable call) {
        S3Exception error = assertTimeoutPreemptively(BOUND, () -> s3Error(call), operation + " hangs");
        System.out.println("FAULT down: " + operation + " " + error.statusCode() + " " + error.awsErrorDetails().errorCode());
        assertEquals(503, error.statusCode(), operation + ": " + error);
        assertEquals("ServiceUnavailable", error.awsErrorDetails().errorCode(), operation + ": " + error);
    }
}
