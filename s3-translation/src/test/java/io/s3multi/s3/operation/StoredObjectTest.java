package io.s3multi.s3.operation;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.s3multi.s3.integrity.DigestAlgorithm;
import io.s3multi.swift.SwiftHeaders;
import org.junit.jupiter.api.Test;

/**
 * The stored checksum as GetObject, HeadObject, GetObjectAttributes and CopyObject read it: one bound to the object
 * it was computed for counts only on that object; one without a binding (stored with the PUT itself, or by a POST of
 * a release before the binding) counts as before.
 */
class StoredObjectTest {

    private static final String MD5 = "5d41402abc4b2a76b9719d911017c592";
    private static final String OTHER_MD5 = "7d793037a0760186574b0282f2f435e7";
    private static final String CRC32 = "NhCmhg==";

    private static StoredObject object(String... headers) {
        SwiftHeaders.Builder all = SwiftHeaders.builder().add("Etag", MD5)
                .add("X-Object-Meta-S3multi-Checksum-Crc32", CRC32)
                .add("X-Object-Meta-S3multi-Checksum-Type", "FULL_OBJECT");
        for (int i = 0; i < headers.length; i += 2) {
            all.add(headers[i], headers[i + 1]);
        }
        return new StoredObject(all.build());
    }

    @Test
    void aChecksumBoundToThisObjectIsShown() {
        StoredObject.StoredChecksum checksum = object("X-Object-Meta-S3multi-Checksum-Of", MD5).checksum()
                .orElseThrow();
        assertEquals(DigestAlgorithm.CRC32, checksum.algorithm());
        assertEquals(CRC32, checksum.value());
    }

    @Test
    void aChecksumBoundToAnotherObjectIsNot() {
        assertTrue(object("X-Object-Meta-S3multi-Checksum-Of", OTHER_MD5).checksum().isEmpty(),
                "a POST that landed on a later writer's bytes");
        assertTrue(object("X-Object-Meta-S3multi-Checksum-Of", "").checksum().isEmpty(), "an emptied binding");
    }

    @Test
    void aChecksumBoundToAPlainObjectIsNotShownOnALargeObjectWrittenOverIt() {
        StoredObject manifest = new StoredObject(SwiftHeaders.builder().add("Etag", "\"" + OTHER_MD5 + "\"")
                .add("X-Static-Large-Object", "True")
                .add("X-Object-Meta-S3multi-Checksum-Crc32", CRC32)
                .add("X-Object-Meta-S3multi-Checksum-Of", MD5).build());
        assertTrue(manifest.checksum().isEmpty());
    }

    @Test
    void aChecksumWithoutBindingCountsAsBefore() {
        assertEquals(CRC32, object().checksum().orElseThrow().value());
    }
}
