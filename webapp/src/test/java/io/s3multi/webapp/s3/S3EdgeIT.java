package io.s3multi.webapp.s3;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.s3multi.filters.proxylogging.AccessRecord;
import java.util.Locale;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.s3.model.S3Exception;

/**
 * The edge of the S3 pipeline with real clients: a signed request gets through tempauth to the dispatcher and
 * its answer (or error) comes back as the SDK expects it; native Swift requests still pass through.
 */
class S3EdgeIT extends S3IntegrationTest {

    @Test
    void signedRequestsReachTheDispatcherAndErrorsComeBackAsS3Xml() {
        // An operation that is NotImplemented in every build: the dispatcher's own answer.
        S3Exception error = assertThrows(S3Exception.class,
                () -> s3().getBucketLogging(b -> b.bucket(uniqueBucket())));
        assertEquals("NotImplemented", error.awsErrorDetails().errorCode(), error.toString());
        assertEquals(501, error.statusCode());
        assertNotNull(error.requestId());
        assertTrue(error.requestId().startsWith("tx"), error.requestId());
    }

    @Test
    void theAccessLogShowsTheS3OperationAndTheUser() throws InterruptedException {
        AccessRecord record;
        try (AccessRecords records = AccessRecords.listen(gateway())) {
            assertThrows(S3Exception.class, () -> s3().getBucketLogging(b -> b.bucket(uniqueBucket())));
            record = records.await(r -> r.status() == 501, "status 501");
        }
        assertEquals("test:tester", record.user());
        assertEquals("Unsupported", record.s3Operation());
    }

    @Test
    void nativeSwiftRequestsStillPassThrough() {
        ToolResult auth = tools().curl("-H", "X-Auth-User: test:tester", "-H", "X-Auth-Key: testing",
                uri("/auth/v1.0").toString());
        assertTrue(auth.succeeded(), auth.describe());
        assertTrue(auth.stdout().startsWith("HTTP/1.1 200"), auth.describe());
        assertTrue(auth.stdout().toLowerCase(Locale.ROOT).contains("x-storage-url: "), auth.describe());
    }
}
