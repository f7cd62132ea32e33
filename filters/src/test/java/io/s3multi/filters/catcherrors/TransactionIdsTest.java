package io.s3multi.filters.catcherrors;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.HashSet;
import org.junit.jupiter.api.Test;

class TransactionIdsTest {

    private static final Clock FIXED = Clock.fixed(Instant.ofEpochSecond(0x673f1a2bL), ZoneOffset.UTC);

    @Test
    void idsHaveSwiftsShapeWithTheStartTimeAndSuffix() {
        String id = new TransactionIds(FIXED, "-east").next();
        assertTrue(id.matches("tx[0-9a-f]{21}-00673f1a2b-east"), id);
    }

    @Test
    void idsDoNotRepeat() {
        var ids = new TransactionIds(FIXED, "");
        var seen = new HashSet<String>();
        for (int i = 0; i < 100_000; i++) {
            assertTrue(seen.add(ids.next()));
        }
    }

    @Test
    void unsafeSuffixesAreRefused() {
        assertThrows(IllegalArgumentException.class, () -> new CatchErrorsConfig("a b"));
        assertThrows(IllegalArgumentException.class, () -> new CatchErrorsConfig("x".repeat(33)));
        assertEquals("-gw.1_~", new CatchErrorsConfig("-gw.1_~").transIdSuffix());
    }
}
