package io.s3multi.s3.handler.object;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.s3multi.s3.error.S3ErrorCode;
import io.s3multi.s3.error.S3Exception;
import io.s3multi.s3.integrity.DigestAlgorithm;
import io.s3multi.swift.SwiftHeaders;
import java.util.LinkedHashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;

class ObjectMetadataTest {

    @Test
    void requestHeadersBecomeSwiftHeaders() {
        SwiftHeaders swift = ObjectMetadata.fromRequest(Heads.of(
                "Content-Type", "text/plain", "Content-Encoding", "gzip,aws-chunked", "Content-Disposition",
                "attachment", "Content-Language", "de", "Cache-Control", "no-cache", "Expires",
                "Thu, 01 Dec 1994 16:00:00 GMT", "x-amz-meta-color", "blue", "x-amz-meta-Size", "XL",
                "x-amz-content-sha256", "UNSIGNED-PAYLOAD"));
        assertEquals("text/plain", swift.get("Content-Type"));
        assertEquals("gzip", swift.get("Content-Encoding"));
        assertEquals("attachment", swift.get("Content-Disposition"));
        assertEquals("de", swift.get("Content-Language"));
        assertEquals("no-cache", swift.get("Cache-Control"));
        assertEquals("Thu, 01 Dec 1994 16:00:00 GMT", swift.get("Expires"));
        assertEquals("blue", swift.get("X-Object-Meta-color"));
        assertEquals("XL", swift.get("X-Object-Meta-size"));
        assertNull(swift.get("x-amz-content-sha256"));
    }

    @Test
    void aMissingContentTypeIsAwsDefaultAndAwsChunkedAloneIsNoEncoding() {
        SwiftHeaders swift = ObjectMetadata.fromRequest(Heads.of("Content-Encoding", "aws-chunked"));
        assertEquals("binary/octet-stream", swift.get("Content-Type"));
        assertNull(swift.get("Content-Encoding"));
    }

    @Test
    void reservedMetadataNamesAreRefused() {
        S3Exception refused = assertThrows(S3Exception.class,
                () -> ObjectMetadata.fromRequest(Heads.of("x-amz-meta-s3multi-etag", "\"forged-2\"")));
        assertEquals(S3ErrorCode.INVALID_ARGUMENT, refused.code());
    }

    @Test
    void metadataOverTwoKilobytesIsTooLarge() {
        String[] headers = new String[20];
        for (int i = 0; i < 10; i++) {
            headers[2 * i] = "x-amz-meta-k" + i;
            headers[2 * i + 1] = "v".repeat(210);
        }
        S3Exception refused = assertThrows(S3Exception.class, () -> ObjectMetadata.fromRequest(Heads.of(headers)));
        assertEquals(S3ErrorCode.METADATA_TOO_LARGE, refused.code());
        assertEquals("2048", refused.details().get("MaxSizeAllowed"));
    }

    @Test
    void aValueSwiftCannotStoreIsTooLarge() {
        S3Exception refused = assertThrows(S3Exception.class,
                () -> ObjectMetadata.fromRequest(Heads.of("x-amz-meta-long", "v".repeat(257))));
        assertEquals(S3ErrorCode.METADATA_TOO_LARGE, refused.code());
    }

    @Test
    void storedHeadersBecomeS3HeadersWithoutReservedOnes() {
        SwiftHeaders stored = SwiftHeaders.of("Content-Type", "text/plain", "X-Object-Meta-Color", "blue",
                ReservedMetadata.ETAG, "abc-2", ReservedMetadata.checksum(DigestAlgorithm.CRC32), "NhCmhg==",
                "Content-Language", "de", "Etag", "5d41", "X-Timestamp", "1.0");
        Map<String, String> out = new LinkedHashMap<>();
        ObjectMetadata.toResponse(stored, out::put);
        assertEquals(Map.of("Content-Type", "text/plain", "Content-Language", "de", "x-amz-meta-color", "blue"), out);
    }

    @Test
    void copiedMetadataKeepsContentAndUserHeadersOnly() {
        SwiftHeaders stored = SwiftHeaders.of("Content-Type", "text/plain", "X-Object-Meta-Color", "blue",
                ReservedMetadata.ETAG, "abc-2", "Etag", "5d41", "Cache-Control", "no-cache");
        SwiftHeaders copied = ObjectMetadata.copiedFrom(stored);
        assertEquals("text/plain", copied.get("Content-Type"));
        assertEquals("no-cache", copied.get("Cache-Control"));
        assertEquals("blue", copied.get("X-Object-Meta-Color"));
        assertNull(copied.get(ReservedMetadata.ETAG));
        assertNull(copied.get("Etag"));
    }

    @Test
    void aMultipartObjectShowsItsContentTypeWithoutTheListingEtag() {
        SwiftHeaders stored = SwiftHeaders.of("Content-Type", "text/csv; charset=utf-8;s3multi_etag=abc-2",
                ReservedMetadata.ETAG, "abc-2", "Etag", "\"slo\"");
        Map<String, String> out = new LinkedHashMap<>();
        ObjectMetadata.toResponse(stored, out::put);
        assertEquals(Map.of("Content-Type", "text/csv; charset=utf-8"), out);
        assertEquals("\"abc-2\"", new StoredObject(stored).etag());
    }

    @Test
    void aCopyOfAMultipartObjectLeavesItsEtagBehind() {
        SwiftHeaders stored = SwiftHeaders.of("Content-Type", "image/png;s3multi_etag=abc-2",
                ReservedMetadata.ETAG, "abc-2", "X-Object-Meta-S3multi-Upload-Id", "u1", "X-Object-Meta-Color", "red");
        SwiftHeaders copied = ObjectMetadata.copiedFrom(stored);
        assertEquals("image/png", copied.get("Content-Type"));
        assertEquals("red", copied.get("X-Object-Meta-Color"));
        assertNull(copied.get(ReservedMetadata.ETAG));
        assertNull(copied.get("X-Object-Meta-S3multi-Upload-Id"));
    }

    @Test
    void reservedNamesAreRecognisedWhateverTheirCase() {
        assertEquals("X-Object-Meta-S3multi-Checksum-Crc32", ReservedMetadata.checksum(DigestAlgorithm.CRC32));
        assertEquals("X-Object-Meta-S3multi-Checksum-Crc64nvme",
                ReservedMetadata.checksum(DigestAlgorithm.CRC64NVME));
        assertTrue(ReservedMetadata.isReserved("x-object-meta-s3multi-etag"));
        assertFalse(ObjectMetadata.isUserMetadata("X-OBJECT-META-S3MULTI-ETAG"));
        assertTrue(ObjectMetadata.isUserMetadata("X-Object-Meta-S3multiple"));
    }

    @Test
    void storedObjectPrefersTheReservedEtagAndQuotes() {
        assertEquals("\"5d41\"", new StoredObject(SwiftHeaders.of("Etag", "5d41")).etag());
        assertEquals("\"abc-2\"", new StoredObject(SwiftHeaders.of("Etag", "\"slo\"", ReservedMetadata.ETAG,
                "abc-2")).etag());
        StoredObject.StoredChecksum checksum = new StoredObject(SwiftHeaders.of(
                ReservedMetadata.checksum(DigestAlgorithm.CRC32C), "AAAAAA==")).checksum().orElseThrow();
        assertEquals(DigestAlgorithm.CRC32C, checksum.algorithm());
        assertTrue(checksum.isFullObject());
    }
}
