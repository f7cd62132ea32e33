package io.s3multi.s3.version;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.s3multi.s3.error.S3ErrorCode;
import io.s3multi.s3.error.S3Exception;
import io.s3multi.swift.SwiftHeaders;
import java.util.Optional;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.Test;

class VersionIdTest {

    @ParameterizedTest
    @ValueSource(strings = {"null", "1796608640.37813", "1796608640.37813_0000000000000001", "1796608640"})
    void acceptsSwiftsFormsAndNull(String raw) {
        assertEquals(raw, VersionId.parse(raw).value());
    }

    @ParameterizedTest
    @ValueSource(strings = {"garbage", "NULL", "1796608640.37813x", "../k", "1.2.3", " 1796608640.37813", "-1"})
    void refusesWhatCannotBeAVersionIdAsAwsDoes(String raw) {
        S3Exception refused = assertThrows(S3Exception.class, () -> VersionId.parse(raw));
        assertEquals(S3ErrorCode.INVALID_ARGUMENT, refused.code());
        assertEquals("Invalid version id specified", refused.getMessage());
        assertEquals("versionId", refused.details().get("ArgumentName"));
    }

    @Test
    void anEmptyIdIsItsOwnError() {
        S3Exception refused = assertThrows(S3Exception.class, () -> VersionId.parse(""));
        assertEquals(S3ErrorCode.INVALID_ARGUMENT, refused.code());
        assertTrue(refused.getMessage().contains("empty"));
    }

    @Test
    void aCopySourceQueryNamesAVersionOrIsRefused() {
        assertEquals(Optional.of(new VersionId("1796608640.37813")),
                VersionId.fromCopySourceQuery("versionId=1796608640.37813", () -> S3Exception.malformedXml()));
        assertEquals(Optional.empty(), VersionId.fromCopySourceQuery("", () -> S3Exception.malformedXml()));
        assertEquals(S3ErrorCode.MALFORMED_XML, assertThrows(S3Exception.class,
                () -> VersionId.fromCopySourceQuery("acl", () -> S3Exception.malformedXml())).code());
    }

    @Test
    void aWriteShowsSwiftsIdElseNullWhenVersionedElseNothing() {
        SwiftHeaders enabled = SwiftHeaders.of("X-Object-Version-Id", "1796608640.37813");
        assertEquals(Optional.of("1796608640.37813"), VersionHeaders.written(enabled, false));
        assertEquals(Optional.of("null"), VersionHeaders.written(SwiftHeaders.empty(), true));
        assertEquals(Optional.empty(), VersionHeaders.written(SwiftHeaders.empty(), false));
        assertTrue(VersionHeaders.versioningConfigured(SwiftHeaders.of("X-Object-Version-Id", "null")));
    }

    @Test
    void theBucketStateIsTheContainersHeader() {
        assertEquals(BucketVersioning.UNVERSIONED, BucketVersioning.of(SwiftHeaders.empty()));
        assertEquals(BucketVersioning.ENABLED, BucketVersioning.of(SwiftHeaders.of("X-Versions-Enabled", "True")));
        assertEquals(BucketVersioning.SUSPENDED, BucketVersioning.of(SwiftHeaders.of("X-Versions-Enabled", "False")));
        assertEquals(S3ErrorCode.MALFORMED_XML,
                assertThrows(S3Exception.class, () -> BucketVersioning.fromS3Status("enabled")).code());
    }
}
