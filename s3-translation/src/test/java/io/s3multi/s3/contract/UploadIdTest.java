package io.s3multi.s3.contract;

import io.s3multi.s3.error.S3Exception;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.util.HashSet;
import java.util.Random;
import java.util.Set;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class UploadIdTest {

    @Test
    void idsAreUrlSafeFixedLengthAndCarryTheirTime() {
        Instant now = Instant.parse("2026-11-21T12:00:00.123Z");
        UploadId id = UploadId.newId(now);
        assertEquals(26, id.value().length());
        assertTrue(id.value().matches("[0-9a-v]{26}"), id.value());
        assertEquals(now, id.initiated());
    }

    @Test
    void laterIdsSortAfterEarlierOnesWhateverTheirRandomPart() {
        Random random = new Random(7);
        Instant start = Instant.parse("2026-01-01T00:00:00Z");
        UploadId previous = UploadId.newId(start, random);
        for (int i = 1; i < 2000; i++) {
            UploadId next = UploadId.newId(start.plusMillis(i * 37L), random);
            assertTrue(previous.value().compareTo(next.value()) < 0, previous + " !< " + next);
            previous = next;
        }
    }

    @Test
    void idsOfTheSameMillisecondDiffer() {
        Set<String> seen = new HashSet<>();
        Instant now = Instant.now();
        for (int i = 0; i < 10_000; i++) {
            assertTrue(seen.add(UploadId.newId(now).value()));
        }
    }

    @Test
    void foreignIdsAreNoSuchUpload() {
        for (String bad : new String[]{"", "abc", "0123456789abcdefghijklmnoW", "0123456789abcdefghijklmno/",
                "0123456789abcdefghijklmnopq"}) {
            S3Exception error = assertThrows(S3Exception.class, () -> UploadId.parse(bad));
            assertEquals("NoSuchUpload", error.code().wireCode());
        }
        assertThrows(S3Exception.class, () -> UploadId.parse(null));
        assertFalse(UploadId.isWellFormed("VVVVVVVVVVVVVVVVVVVVVVVVVV"));
    }
}
