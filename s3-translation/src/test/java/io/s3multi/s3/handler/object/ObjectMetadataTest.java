package io.s3multi.s3.handler.object;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.s3multi.s3.contract.ListingEtag;
import io.s3multi.s3.contract.ReservedMetadata;
import io.s3multi.s3.error.S3ErrorCode;
import io.s3multi.s3.error.S3Exception;
import io.s3multi.s3.integrity.DigestAlgorithm;
import io.s3multi.s3.operation.ObjectMetadata;
import io.s3multi.s3.operation.StoredObject;
import io.s3multi.swift.SwiftHeaders;
import java.util.LinkedHashMap;
import java.util.List;
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
    void utf8MetadataAsContainersDecodeItIsStoredAsAwsReturnsIt() {
        String sent = new String("Grüße ✓".getBytes(java.nio.charset.StandardCharsets.UTF_8),
                java.nio.charset.StandardCharsets.ISO_8859_1);
        SwiftHeaders swift = ObjectMetadata.fromRequest(Heads.of("x-amz-meta-name", sent));
        assertEquals("=?UTF-8?B?R3LDvMOfZSDinJM=?=", swift.get("X-Object-Meta-name"));
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

    private static final String MULTIPART = "9b2cf535f27731c974343645a3985328-3";

    @Test
    void aMultipartObjectShowsItsContentTypeWithoutTheListingEtag() {
        SwiftHeaders stored = SwiftHeaders.of("Content-Type", "text/csv; charset=utf-8;s3multi_etag=" + MULTIPART,
                ReservedMetadata.ETAG, MULTIPART, "Etag", "\"slo\"", "X-Static-Large-Object", "True");
        Map<String, String> out = new LinkedHashMap<>();
        ObjectMetadata.toResponse(stored, out::put);
        assertEquals(Map.of("Content-Type", "text/csv; charset=utf-8"), out);
        assertEquals("\"" + MULTIPART + "\"", new StoredObject(stored).etag());
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
        assertEquals("\"" + MULTIPART + "\"", new StoredObject(SwiftHeaders.of("Etag", "\"slo\"",
                ReservedMetadata.ETAG, MULTIPART, "X-Static-Large-Object", "True")).etag());
        StoredObject.StoredChecksum checksum = new StoredObject(SwiftHeaders.of(
                ReservedMetadata.checksum(DigestAlgorithm.CRC32C), "AAAAAA==")).checksum().orElseThrow();
        assertEquals(DigestAlgorithm.CRC32C, checksum.algorithm());
        assertTrue(checksum.isFullObject());
    }

    @Test
    void everySpellingSwiftFilesUnderTheReservedPrefixIsRefused() {
        for (String name : List.of("x-amz-meta-s3multi_upload-id", "x-amz-meta-S3Multi-Etag",
                "x-amz-meta-s3MULTI_parts_count")) {
            S3Exception refused = assertThrows(S3Exception.class,
                    () -> ObjectMetadata.fromRequest(Heads.of(name, "forged")), name);
            assertEquals(S3ErrorCode.INVALID_ARGUMENT, refused.code(), name);
        }
        assertTrue(ReservedMetadata.isReservedSwiftRequestHeader("X_Object_Meta_S3multi_Etag"));
        assertTrue(ReservedMetadata.isReservedSwiftRequestHeader("x-remove-object-meta-S3MULTI-upload-id"));
        assertFalse(ReservedMetadata.isReservedSwiftRequestHeader("X-Object-Meta-S3multiple"));
        assertTrue(ReservedMetadata.isReservedSwiftRequestHeader("X-Container-Meta-S3multi-Tags-1"), "bucket tags");
        assertTrue(ReservedMetadata.isReservedSwiftRequestHeader("x_remove_container_meta_s3multi_tags_1"));
        assertFalse(ReservedMetadata.isReservedSwiftRequestHeader("X-Container-Meta-Color"));
    }

    @Test
    void aReservedContentTypeParameterIsRefused() {
        for (String type : List.of("text/plain;s3multi_etag=0123456789abcdef0123456789abcdef-2",
                "text/plain; S3MULTI_ETAG = x", "text/plain;charset=utf-8;s3multi-anything")) {
            S3Exception refused = assertThrows(S3Exception.class,
                    () -> ObjectMetadata.fromRequest(Heads.of("Content-Type", type)), type);
            assertEquals(S3ErrorCode.INVALID_ARGUMENT, refused.code(), type);
        }
        assertEquals("text/plain; charset=utf-8",
                ListingEtag.withoutReservedParameters("text/plain; charset=utf-8; s3multi_etag=x"));
        assertEquals("text/plain;s3multiple=1", ListingEtag.withoutReservedParameters("text/plain;s3multiple=1"));
    }

    @Test
    void malformedReservedValuesCountAsAbsent() {
        SwiftHeaders plainWithForgedEtag = SwiftHeaders.of("Etag", "5d41", ReservedMetadata.ETAG, MULTIPART);
        assertEquals("\"5d41\"", new StoredObject(plainWithForgedEtag).etag(), "only a manifest has a multipart ETag");
        SwiftHeaders malformedEtag = SwiftHeaders.of("Etag", "\"slo\"", ReservedMetadata.ETAG, "abc-2",
                "X-Static-Large-Object", "True");
        assertEquals("\"slo\"", new StoredObject(malformedEtag).etag());
        SwiftHeaders afterNativePost = SwiftHeaders.of("Etag", "\"slo\"", "X-Static-Large-Object", "True",
                "Content-Type", "text/plain;s3multi_etag=" + MULTIPART);
        assertEquals("\"" + MULTIPART + "\"", new StoredObject(afterNativePost).etag(), "as the listing shows it");
        SwiftHeaders plainWithListedEtag = SwiftHeaders.of("Etag", "5d41", "Content-Type",
                "text/plain;s3multi_etag=" + MULTIPART);
        assertEquals("\"5d41\"", new StoredObject(plainWithListedEtag).etag());
        assertTrue(new StoredObject(SwiftHeaders.of(ReservedMetadata.checksum(DigestAlgorithm.CRC32), "AAAAAA==",
                ReservedMetadata.CHECKSUM_TYPE, "NONSENSE")).checksum().isEmpty());
        assertTrue(new StoredObject(SwiftHeaders.of(ReservedMetadata.checksum(DigestAlgorithm.CRC32), "not base64!"))
                .checksum().isEmpty());
        assertTrue(new StoredObject(SwiftHeaders.of(ReservedMetadata.checksum(DigestAlgorithm.CRC32), "AAAAAA==",
                ReservedMetadata.CHECKSUM_TYPE, "COMPOSITE")).checksum().isEmpty(), "COMPOSITE needs -N");
        assertEquals("AAAAAA==-2", new StoredObject(SwiftHeaders.of(ReservedMetadata.checksum(DigestAlgorithm.CRC32),
                "AAAAAA==-2", ReservedMetadata.CHECKSUM_TYPE, "COMPOSITE")).checksum().orElseThrow().value());
        assertEquals("\"5d41\"", ListingEtag.forListing("5d41", "text/plain;s3multi_etag=" + MULTIPART, null),
                "a plain object's content type never names its ETag");
        assertEquals("\"" + MULTIPART + "\"",
                ListingEtag.forListing("m", "text/plain;s3multi_etag=" + MULTIPART, "\"slo\""));
    }
}
