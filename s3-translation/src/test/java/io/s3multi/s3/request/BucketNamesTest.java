package io.s3multi.s3.request;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.s3multi.s3.error.S3ErrorCode;
import io.s3multi.s3.error.S3Exception;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class BucketNamesTest {

    @ParameterizedTest
    @ValueSource(strings = {"abc", "photos", "my-bucket", "my.bucket.name", "a1b", "123", "0.1.2", "1.2.3.4.5",
            "xn-single", "bucket-s3alias-not-at-end", "a-b.c-d",
            "a23456789012345678901234567890123456789012345678901234567890123"})
    void acceptsValidNames(String name) {
        assertTrue(BucketNames.isValid(name), name);
        assertEquals(name, BucketNames.requireValid(name));
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "ab", "a234567890123456789012345678901234567890123456789012345678901234",
            "Photos", "photoS", "my_bucket", "photos_segments", "-photos", "photos-", ".photos", "photos.",
            "my..bucket", "my-.bucket", "my.-bucket", "192.168.5.4", "10.0.0.1", "xn--bucket", "sthree-bucket",
            "amzn-s3-demo-bucket", "bucket-s3alias", "bucket--ol-s3", "bucket.mrap", "bucket--x-s3",
            "bucket--table-s3", "my bucket", "bücket", "my/bucket", "my:bucket"})
    void refusesInvalidNames(String name) {
        assertFalse(BucketNames.isValid(name), name);
        S3Exception e = assertThrows(S3Exception.class, () -> BucketNames.requireValid(name));
        assertEquals(S3ErrorCode.INVALID_BUCKET_NAME, e.code());
        assertEquals(name, e.details().get("BucketName"));
    }

    @Test
    void nullIsInvalid() {
        assertFalse(BucketNames.isValid(null));
        assertThrows(S3Exception.class, () -> BucketNames.requireValid(null));
    }
}
