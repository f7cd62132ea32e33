package io.s3multi.s3.handler.object;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class ByteRangeTest {

    @Test
    void closedRangeIsClippedToTheObject() {
        ByteRange range = ByteRange.parse("bytes=2-100").orElseThrow();
        assertEquals("bytes=2-100", range.toHeader());
        assertArrayEquals(new long[] {2, 9}, range.resolve(10).orElseThrow());
    }

    @Test
    void openEndedRangeRunsToTheEnd() {
        ByteRange range = ByteRange.parse("bytes=4-").orElseThrow();
        assertEquals("bytes=4-", range.toHeader());
        assertArrayEquals(new long[] {4, 9}, range.resolve(10).orElseThrow());
    }

    @Test
    void suffixRangeTakesTheLastBytesOrAllOfThem() {
        ByteRange range = ByteRange.parse("bytes=-3").orElseThrow();
        assertTrue(range.isSuffix());
        assertEquals("bytes=-3", range.toHeader());
        assertArrayEquals(new long[] {7, 9}, range.resolve(10).orElseThrow());
        assertArrayEquals(new long[] {0, 1}, range.resolve(2).orElseThrow());
    }

    @Test
    void rangesOutsideTheObjectAreUnsatisfiable() {
        assertTrue(ByteRange.parse("bytes=10-").orElseThrow().resolve(10).isEmpty());
        assertTrue(ByteRange.parse("bytes=10-20").orElseThrow().resolve(10).isEmpty());
        assertTrue(ByteRange.parse("bytes=-0").orElseThrow().resolve(10).isEmpty());
        assertTrue(ByteRange.parse("bytes=0-").orElseThrow().resolve(0).isEmpty());
    }

    @ParameterizedTest
    @ValueSource(strings = {"bytes=0-1,4-5", "bytes=5-2", "items=0-1", "bytes=", "bytes=-", "bytes=a-b", "0-1",
            "bytes=1234567890123456789-"})
    void headersS3IgnoresAreNoRange(String header) {
        assertTrue(ByteRange.parse(header).isEmpty(), header);
    }

    @Test
    void contentRangeNamesFirstLastAndSize() {
        assertEquals("bytes 7-9/10", ByteRange.contentRange(7, 9, 10));
    }
}
