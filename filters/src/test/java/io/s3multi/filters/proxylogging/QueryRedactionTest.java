package io.s3multi.filters.proxylogging;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;

class QueryRedactionTest {

    @Test
    void onlyCredentialValuesAreHidden() {
        assertEquals("Signature=***&Expires=1&AWSAccessKeyId=AKID", QueryRedaction.redact(
                "Signature=abc%2Bdef&Expires=1&AWSAccessKeyId=AKID"));
        assertEquals("x-amz-security-token=***&uploads", QueryRedaction.redact("x-amz-security-token=tok&uploads"));
        assertEquals("signature&a=&=b&&", QueryRedaction.redact("signature&a=&=b&&"));
        assertNull(QueryRedaction.redact(null));
    }

    @Test
    void theLogLineHasDashesForWhatIsMissing() {
        var record = new AccessRecord(Instant.parse("2026-11-21T11:16:16.123Z"), "10.0.0.1", "GET", "/v1/a%2Fb",
                null, 404, 0, 9, Duration.ofMillis(7), null, null, null);
        assertEquals("2026-11-21T11:16:16.123Z 10.0.0.1 GET /v1/a%2Fb 404 0 9 7ms - - -", record.toLogLine());
    }
}
