package io.s3multi.filters.proxylogging;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

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

    @ParameterizedTest
    @ValueSource(strings = {"1970-01-01T00:00:00Z", "2026-12-07T15:34:44.000999999Z", "2026-02-28T23:59:59.999Z",
            "2024-02-29T09:05:07.012Z", "0001-01-01T00:00:00.5Z", "9999-12-31T23:59:59.999999999Z",
            "+10000-01-01T00:00:00Z", "-0001-06-15T12:00:00Z"})
    void theTimeIsWrittenAsTheFormatterWritesIt(String instant) {
        Instant time = Instant.parse(instant);
        assertEquals(DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ss.SSS'Z'").withZone(ZoneOffset.UTC).format(time),
                AccessRecord.time(time));
    }
}
