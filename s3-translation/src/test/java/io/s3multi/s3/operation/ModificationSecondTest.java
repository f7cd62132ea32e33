package io.s3multi.s3.operation;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.time.Instant;
import org.junit.jupiter.api.Test;

class ModificationSecondTest {

    @Test
    void aSwiftTimeIsRoundedUpToTheSecondOfItsLastModifiedHeader() {
        // Swift: X-Timestamp 1796610874.93797, listing 02:34:34.937970, Last-Modified 02:34:35.
        assertEquals(Instant.parse("2026-12-07T02:34:35Z"),
                ModificationSecond.of(Instant.parse("2026-12-07T02:34:34.937970Z")));
        assertEquals(Instant.parse("2026-12-07T02:34:35Z"),
                ModificationSecond.of(Instant.parse("2026-12-07T02:34:34.000001Z")));
        assertEquals(Instant.parse("2026-12-07T02:34:34Z"),
                ModificationSecond.of(Instant.parse("2026-12-07T02:34:34Z")));
    }
}
