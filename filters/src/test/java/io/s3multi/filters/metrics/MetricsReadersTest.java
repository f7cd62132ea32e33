package io.s3multi.filters.metrics;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import io.s3multi.filters.metrics.MetricsReaders.Verdict;
import io.s3multi.filters.pipeline.AddressRanges;
import io.s3multi.filters.pipeline.MetricsSettings;
import org.junit.jupiter.api.Test;

class MetricsReadersTest {

    private static MetricsReaders readers(String allow, String token) {
        return new MetricsReaders(new MetricsSettings("127.0.0.1", 0, "", AddressRanges.parse(allow), token));
    }

    @Test
    void onlyAllowedAddressesAndRangesMayRead() {
        MetricsReaders readers = readers("127.0.0.1 ::1, 10.1.0.0/16 fd00::/8 192.0.2.128/25", "");
        assertEquals(Verdict.ALLOWED, readers.judge("127.0.0.1", null));
        assertEquals(Verdict.ALLOWED, readers.judge("0:0:0:0:0:0:0:1", null));
        assertEquals(Verdict.ALLOWED, readers.judge("10.1.255.3", null));
        assertEquals(Verdict.ALLOWED, readers.judge("fd12::7", null));
        assertEquals(Verdict.ALLOWED, readers.judge("192.0.2.200", null));
        assertEquals(Verdict.ADDRESS_REFUSED, readers.judge("192.0.2.127", null));
        assertEquals(Verdict.ADDRESS_REFUSED, readers.judge("10.2.0.1", null));
        assertEquals(Verdict.ADDRESS_REFUSED, readers.judge("127.0.0.2", null));
        assertEquals(Verdict.ADDRESS_REFUSED, readers.judge("fe80::1", null));
        assertEquals(Verdict.ADDRESS_REFUSED, readers.judge("localhost", null), "names are never looked up");
        assertEquals(Verdict.ADDRESS_REFUSED, readers.judge(null, null));
        assertEquals(Verdict.ADDRESS_REFUSED, readers("", "").judge("127.0.0.1", null), "empty admits nobody");
    }

    @Test
    void aTokenIsNeededWhenSetAndAskedOnlyOfAllowedAddresses() {
        MetricsReaders readers = readers("127.0.0.1", "s3cret");
        assertEquals(Verdict.ALLOWED, readers.judge("127.0.0.1", "Bearer s3cret"));
        assertEquals(Verdict.TOKEN_REFUSED, readers.judge("127.0.0.1", null));
        assertEquals(Verdict.TOKEN_REFUSED, readers.judge("127.0.0.1", "Bearer s3cre"));
        assertEquals(Verdict.TOKEN_REFUSED, readers.judge("127.0.0.1", "Basic czNjcmV0"));
        assertEquals(Verdict.ADDRESS_REFUSED, readers.judge("10.0.0.1", "Bearer s3cret"));
        assertEquals(401, Verdict.TOKEN_REFUSED.status());
        assertEquals(403, Verdict.ADDRESS_REFUSED.status());
    }

    @Test
    void badRangesAreRefusedAtStartup() {
        assertThrows(IllegalArgumentException.class, () -> AddressRanges.parse("example.org"));
        assertThrows(IllegalArgumentException.class, () -> AddressRanges.parse("10.0.0.0/33"));
        assertThrows(IllegalArgumentException.class, () -> AddressRanges.parse("10.0.0/8"));
        assertThrows(IllegalArgumentException.class, () -> AddressRanges.parse("::1/129"));
    }
}
