package io.s3multi.filters.proxylogging;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

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
}
