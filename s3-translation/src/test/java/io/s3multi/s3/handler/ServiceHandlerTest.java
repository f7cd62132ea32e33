package io.s3multi.s3.handler;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.time.Instant;
import org.junit.jupiter.api.Test;

class ServiceHandlerTest {

    @Test
    void swiftTimestampsBecomeInstants() {
        assertEquals(Instant.parse("2023-11-14T22:13:20.123450Z"),
                ServiceHandler.fromSwiftTimestamp("1700000000.12345"));
        assertEquals(Instant.parse("2023-11-14T22:13:20Z"), ServiceHandler.fromSwiftTimestamp("1700000000.00000"));
        assertEquals(Instant.parse("2023-11-14T22:13:20Z"),
                ServiceHandler.fromSwiftTimestamp("1700000000.00000_0000000000000001"));
    }
}
