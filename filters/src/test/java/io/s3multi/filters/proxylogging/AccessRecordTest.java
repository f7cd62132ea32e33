package io.s3multi.filters.proxylogging;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;

class AccessRecordTest {

    @Test
    void theLogLineHasDashesForWhatIsMissing() {
        var record = new AccessRecord(Instant.parse("2026-11-21T11:16:16.123Z"), "10.0.0.1", "GET", "/v1/a%2Fb",
                null, 404, 0, 9, Duration.ofMillis(7), null, null, null, null, null);
        assertEquals("2026-11-21T11:16:16.123Z 10.0.0.1 GET /v1/a%2Fb 404 0 9 7ms - - - - -", record.toLogLine());
        var onTheSecond = new AccessRecord(Instant.parse("2026-11-21T11:16:16.000987Z"), "10.0.0.1", "GET", "/",
                "a=1", 200, 0, 0, Duration.ZERO, "tx1", "ListBuckets",
                "test:tester", "arn:aws:iam::AUTH_test:user/tester@own", "NoSuchBucket");
        assertEquals("2026-11-21T11:16:16.000Z 10.0.0.1 GET /?a=1 200 0 0 0ms tx1 ListBuckets test:tester"
                + " arn:aws:iam::AUTH_test:user/tester@own NoSuchBucket", onTheSecond.toLogLine());
    }
}
