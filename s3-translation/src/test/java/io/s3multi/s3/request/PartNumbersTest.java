package io.s3multi.s3.request;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import io.s3multi.s3.error.S3ErrorCode;
import io.s3multi.s3.error.S3Exception;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class PartNumbersTest {

    @ParameterizedTest
    @CsvSource({"1,1", "2,2", "9999,9999", "10000,10000", "0007,7"})
    void parsesPartNumbersInRange(String raw, int expected) {
        assertEquals(expected, PartNumbers.parse(raw));
    }

    @ParameterizedTest
    @ValueSource(strings = {"0", "10001", "-1", "+1", "1.0", "", " 1", "1 ", "one", "0x10", "99999999999",
            "2147483648", "١"})
    void refusesAnythingElseAsAwsDoes(String raw) {
        S3Exception e = assertThrows(S3Exception.class, () -> PartNumbers.parse(raw));
        assertEquals(S3ErrorCode.INVALID_ARGUMENT, e.code());
        assertEquals(Map.of("ArgumentName", "partNumber", "ArgumentValue", raw), e.details());
        assertEquals("Part number must be an integer between 1 and 10000, inclusive", e.getMessage());
    }

    @Test
    void validatesNumbersReadFromBodies() {
        assertEquals(10_000, PartNumbers.requireValid(10_000));
        assertEquals("0", assertThrows(S3Exception.class, () -> PartNumbers.requireValid(0))
                .details().get("ArgumentValue"));
        assertThrows(S3Exception.class, () -> PartNumbers.requireValid(10_001));
    }

    @Test
    void aMissingValueIsInvalidToo() {
        assertEquals("", assertThrows(S3Exception.class, () -> PartNumbers.parse(null)).details().get("ArgumentValue"));
    }
}
