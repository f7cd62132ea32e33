package io.s3multi.webapp.s3;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.s3multi.swift.SwiftHeaders;
import io.s3multi.swift.container.ListingQuery;
import io.s3multi.swift.container.VersionEntry;
import io.s3multi.swift.error.SwiftException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.core.ResponseBytes;
import software.amazon.awssdk.core.sync.RequestBody;
import software.amazon.awssdk.http.SdkHttpMethod;
import software.amazon.awssdk.services.s3.model.BucketVersioningStatus;
import software.amazon.awssdk.services.s3.model.CompleteMultipartUploadResponse;
import software.amazon.awssdk.services.s3.model.CopyObjectResponse;
import software.amazon.awssdk.services.s3.model.GetObjectResponse;
import software.amazon.awssdk.services.s3.model.HeadObjectResponse;
import software.amazon.awssdk.services.s3.model.MFADelete;
import software.amazon.awssdk.services.s3.model.PutObjectResponse;
import software.amazon.awssdk.services.s3.model.S3Exception;
import software.amazon.awssdk.services.s3.model.UploadPartCopyResponse;

/**
 * Bucket versioning on Swift's object versioning, with the AWS SDK (defaults) and boto3: the bucket's state, the
 * version id of every write, reads and copies of a version by id, and the answers about delete markers; each checked
 * against what Swift stored (its {@code ?versions} listing).
 */
class VersioningIT extends S3IntegrationTest {

    private static final int MIB = 1024 * 1024;

    private String versionedBucket() {
        String bucket = uniqueBucket();
        s3().createBucket(b -> b.bucket(bucket));
        s3().putBucketVersioning(b -> b.bucket(bucket).versioningConfiguration(v -> v.status("Enabled")));
        return bucket;
    }

    /** Swift's versions of a key, newest first. */
    private static List<VersionEntry> swiftVersions(String bucket, String key) throws SwiftException {
        List<VersionEntry> versions = new ArrayList<>();
        for (VersionEntry entry : swift().containers().listVersions(bucket, ListingQuery.all().withPrefix(key), null)
                .entries()) {
            if (entry.name().equals(key)) {
                versions.add(entry);
            }
        }
        return versions;
    }

    private static byte[] read(String bucket, String key, String versionId) {
        ResponseBytes<GetObjectResponse> object = s3().getObjectAsBytes(b -> b.bucket(bucket).key(key)
                .versionId(versionId));
        assertEquals(versionId, object.response().versionId());
        return object.asByteArray();
    }

    private static byte[] bytes(String text, int size) {
        byte[] bytes = new byte[size];
        byte[] pattern = text.getBytes(UTF_8);
        for (int i = 0; i < size; i++) {
            bytes[i] = pattern[i % pattern.length];
        }
        return bytes;
    }

    private static byte[] concat(byte[] first, byte[] second) {
        byte[] both = Arrays.copyOf(first, first.length + second.length);
        System.arraycopy(second, 0, both, first.length, second.length);
        return both;
    }

    @Test
    void theBucketIsUnversionedThenEnabledThenSuspendedAsItsContainerSays() throws Exception {
        String bucket = uniqueBucket();
        s3().createBucket(b -> b.bucket(bucket));
        assertNull(s3().getBucketVersioning(b -> b.bucket(bucket)).status());
        assertNull(swift().containers().head(bucket).header("X-Versions-Enabled"));

        s3().putBucketVersioning(b -> b.bucket(bucket).versioningConfiguration(v -> v.status("Enabled")));
        assertEquals(BucketVersioningStatus.ENABLED, s3().getBucketVersioning(b -> b.bucket(bucket)).status());
        assertEquals("True", swift().containers().head(bucket).header("X-Versions-Enabled"));

        s3().putBucketVersioning(b -> b.bucket(bucket).versioningConfiguration(v -> v.status("Suspended")));
        assertEquals(BucketVersioningStatus.SUSPENDED, s3().getBucketVersioning(b -> b.bucket(bucket)).status());
        assertEquals("False", swift().containers().head(bucket).header("X-Versions-Enabled"));

        // A multipart upload creates <bucket>_segments, which is never versioned.
        s3().createMultipartUpload(b -> b.bucket(bucket).key("k"));
        assertNull(swift().containers().head(bucket + "_segments").header("X-Versions-Enabled"));
    }

    @Test
    void badVersioningRequestsGetAwsErrorsAndChangeNothing() throws Exception {
        String bucket = uniqueBucket();
        s3().createBucket(b -> b.bucket(bucket));

        S3Exception mfa = assertThrows(S3Exception.class, () -> s3().putBucketVersioning(b -> b.bucket(bucket)
                .versioningConfiguration(v -> v.status("Enabled").mfaDelete(MFADelete.ENABLED))));
        assertEquals("AccessDenied", mfa.awsErrorDetails().errorCode());
        assertEquals(403, mfa.statusCode());

        S3Exception status = assertThrows(S3Exception.class, () -> s3().putBucketVersioning(b -> b.bucket(bucket)
                .versioningConfiguration(v -> v.status("On"))));
        assertEquals("MalformedXML", status.awsErrorDetails().errorCode());
        assertEquals(400, status.statusCode());

        RawResponse malformed = RawS3.sendXml(gateway(), SdkHttpMethod.PUT, "/" + bucket, "versioning",
                "<VersioningConfiguration><Status>Enabled</Status>", true);
        assertEquals(400, malformed.status(), malformed.toString());
        assertEquals("MalformedXML", malformed.errorCode());
        assertNull(swift().containers().head(bucket).header("X-Versions-Enabled"));

        String missing = uniqueBucket();
        S3Exception noBucket = assertThrows(S3Exception.class, () -> s3().putBucketVersioning(b -> b.bucket(missing)
                .versioningConfiguration(v -> v.status("Enabled"))));
        assertEquals("NoSuchBucket", noBucket.awsErrorDetails().errorCode());
        assertEquals("NoSuchBucket", assertThrows(S3Exception.class,
                () -> s3().getBucketVersioning(b -> b.bucket(missing))).awsErrorDetails().errorCode());
        assertThrows(io.s3multi.swift.error.SwiftHttpStatusException.class, () -> swift().containers().head(missing));
    }

    @Test
    void aBucketHoldingOnlyVersionsIsNotEmpty() throws Exception {
        String bucket = versionedBucket();
        s3().putObject(b -> b.bucket(bucket).key("k"), RequestBody.fromString("v1"));
        swift().objects().delete(bucket, "k", SwiftHeaders.empty());   // a delete marker: nothing current is left

        S3Exception notEmpty = assertThrows(S3Exception.class, () -> s3().deleteBucket(b -> b.bucket(bucket)));
        assertEquals("BucketNotEmpty", notEmpty.awsErrorDetails().errorCode());
        assertEquals(409, notEmpty.statusCode());
        assertEquals(204, swift().containers().head(bucket).status());
    }

    @Test
    void writesOnANeverVersionedBucketShowNoVersionId() throws Exception {
        String bucket = uniqueBucket();
        s3().createBucket(b -> b.bucket(bucket));
        assertNull(s3().putObject(b -> b.bucket(bucket).key("k"), RequestBody.fromString("v")).versionId());
        assertNull(s3().copyObject(b -> b.sourceBucket(bucket).sourceKey("k").destinationBucket(bucket)
                .destinationKey("c")).versionId());
        assertNull(s3().headObject(b -> b.bucket(bucket).key("k")).versionId());
        assertNull(completeTwoParts(bucket, "mp", bytes("a", 5 * MIB), bytes("b", 10)).versionId());
    }

    private static CompleteMultipartUploadResponse completeTwoParts(String bucket, String key, byte[] first,
            byte[] second) {
        String upload = s3().createMultipartUpload(b -> b.bucket(bucket).key(key)).uploadId();
        String etag1 = s3().uploadPart(b -> b.bucket(bucket).key(key).uploadId(upload).partNumber(1),
                RequestBody.fromBytes(first)).eTag();
        String etag2 = s3().uploadPart(b -> b.bucket(bucket).key(key).uploadId(upload).partNumber(2),
                RequestBody.fromBytes(second)).eTag();
        return s3().completeMultipartUpload(b -> b.bucket(bucket).key(key).uploadId(upload)
                .multipartUpload(m -> m.parts(p -> p.partNumber(1).eTag(etag1), p -> p.partNumber(2).eTag(etag2))));
    }

    /** A history of one key: PUT, Complete, CopyObject, CopyObject of an old version, suspended PUT. */
    private Map<String, byte[]> writeHistory(String bucket, String key) throws Exception {
        Map<String, byte[]> history = new LinkedHashMap<>();
        byte[] put = ("first version of " + key).getBytes(UTF_8);
        PutObjectResponse first = s3().putObject(b -> b.bucket(bucket).key(key), RequestBody.fromBytes(put));
        assertNotNull(first.versionId());
        history.put(first.versionId(), put);

        byte[] part1 = bytes("part one of " + key, 5 * MIB);
        byte[] part2 = bytes("two", 1000);
        CompleteMultipartUploadResponse completed = completeTwoParts(bucket, key, part1, part2);
        assertNotNull(completed.versionId());
        history.put(completed.versionId(), concat(part1, part2));

        byte[] other = ("another key's bytes for " + key).getBytes(UTF_8);
        String otherKey = key + ".other";
        s3().putObject(b -> b.bucket(bucket).key(otherKey), RequestBody.fromBytes(other));
        CopyObjectResponse copied = s3().copyObject(b -> b.sourceBucket(bucket).sourceKey(otherKey)
                .destinationBucket(bucket).destinationKey(key));
        assertNotNull(copied.versionId());
        assertNotNull(copied.copySourceVersionId());
        history.put(copied.versionId(), other);

        CopyObjectResponse restored = s3().copyObject(b -> b.sourceBucket(bucket).sourceKey(key)
                .sourceVersionId(first.versionId()).destinationBucket(bucket).destinationKey(key));
        assertEquals(first.versionId(), restored.copySourceVersionId());
        history.put(restored.versionId(), put);

        s3().putBucketVersioning(b -> b.bucket(bucket).versioningConfiguration(v -> v.status("Suspended")));
        byte[] suspended = ("written while suspended: " + key).getBytes(UTF_8);
        assertEquals("null", s3().putObject(b -> b.bucket(bucket).key(key), RequestBody.fromBytes(suspended))
                .versionId());
        history.put("null", suspended);
        s3().putBucketVersioning(b -> b.bucket(bucket).versioningConfiguration(v -> v.status("Enabled")));
        return history;
    }

    private void checkHistory(String bucket, String key, Map<String, byte[]> history) throws Exception {
        assertEquals(5, history.size(), "five distinct version ids: " + history.keySet());
        List<String> stored = swiftVersions(bucket, key).stream().map(VersionEntry::versionId).toList();
        List<String> written = new ArrayList<>(history.keySet());
        java.util.Collections.reverse(written);
        assertEquals(written, stored, "Swift's versions of " + key + ", newest first");
        for (Map.Entry<String, byte[]> version : history.entrySet()) {
            assertArrayEquals(version.getValue(), read(bucket, key, version.getKey()), key + " @ " + version.getKey());
            HeadObjectResponse head = s3().headObject(b -> b.bucket(bucket).key(key).versionId(version.getKey()));
            assertEquals(version.getKey(), head.versionId());
            assertEquals(version.getValue().length, head.contentLength());
        }
        assertEquals("null", s3().headObject(b -> b.bucket(bucket).key(key)).versionId(), "the latest");
    }

    /** Keys with {@code //} are boto3's ({@link #boto3SeesTheVersionIdsOfPutsCopiesAndSuspendedWrites}): see ObjectKeysIT. */
    @Test
    void everyVersionOfAHistoryReadsBackByItsIdForAwkwardNamesToo() throws Exception {
        String bucket = versionedBucket();
        for (String key : List.of("plain", "ünïcødé/ключ/鍵", "100%/%41%zz")) {
            s3().putBucketVersioning(b -> b.bucket(bucket).versioningConfiguration(v -> v.status("Enabled")));
            checkHistory(bucket, key, writeHistory(bucket, key));
        }
    }

    @Test
    void rangesPartNumbersAndConditionsWorkOnAVersion() throws Exception {
        String bucket = versionedBucket();
        byte[] part1 = bytes("0123456789", 5 * MIB);
        byte[] part2 = bytes("tail", 100);
        String multipart = completeTwoParts(bucket, "k", part1, part2).versionId();
        String etag = s3().headObject(b -> b.bucket(bucket).key("k").versionId(multipart)).eTag();
        s3().putObject(b -> b.bucket(bucket).key("k"), RequestBody.fromString("newer"));

        ResponseBytes<GetObjectResponse> range = s3().getObjectAsBytes(b -> b.bucket(bucket).key("k")
                .versionId(multipart).range("bytes=10-19"));
        assertEquals("0123456789", range.asUtf8String());
        assertEquals(multipart, range.response().versionId());

        ResponseBytes<GetObjectResponse> part = s3().getObjectAsBytes(b -> b.bucket(bucket).key("k")
                .versionId(multipart).partNumber(2));
        assertArrayEquals(part2, part.asByteArray());
        assertEquals(2, part.response().partsCount());

        assertArrayEquals(concat(part1, part2), s3().getObjectAsBytes(b -> b.bucket(bucket).key("k")
                .versionId(multipart).ifMatch(etag)).asByteArray());
        S3Exception failed = assertThrows(S3Exception.class, () -> s3().getObjectAsBytes(b -> b.bucket(bucket)
                .key("k").versionId(multipart).ifNoneMatch(etag)));
        assertEquals(304, failed.statusCode());
        assertEquals("newer", s3().getObjectAsBytes(b -> b.bucket(bucket).key("k")).asUtf8String());
    }

    @Test
    void uploadPartCopyCopiesARangeOfAnOldVersionServerSide() throws Exception {
        String bucket = versionedBucket();
        byte[] old = bytes("old bytes ", 6 * MIB);
        String oldVersion = s3().putObject(b -> b.bucket(bucket).key("src"), RequestBody.fromBytes(old)).versionId();
        s3().putObject(b -> b.bucket(bucket).key("src"), RequestBody.fromString("current"));

        String upload = s3().createMultipartUpload(b -> b.bucket(bucket).key("dst")).uploadId();
        UploadPartCopyResponse copied = s3().uploadPartCopy(b -> b.sourceBucket(bucket).sourceKey("src")
                .sourceVersionId(oldVersion).copySourceRange("bytes=0-" + (5 * MIB - 1)).destinationBucket(bucket)
                .destinationKey("dst").uploadId(upload).partNumber(1));
        assertEquals(oldVersion, copied.copySourceVersionId());
        String etag2 = s3().uploadPart(b -> b.bucket(bucket).key("dst").uploadId(upload).partNumber(2),
                RequestBody.fromString("!")).eTag();
        s3().completeMultipartUpload(b -> b.bucket(bucket).key("dst").uploadId(upload).multipartUpload(m -> m.parts(
                p -> p.partNumber(1).eTag(copied.copyPartResult().eTag()), p -> p.partNumber(2).eTag(etag2))));

        assertArrayEquals(concat(Arrays.copyOf(old, 5 * MIB), "!".getBytes(UTF_8)),
                s3().getObjectAsBytes(b -> b.bucket(bucket).key("dst")).asByteArray());
    }

    @Test
    void unknownAndMalformedVersionIdsGetAwsErrors() throws Exception {
        String bucket = versionedBucket();
        s3().putObject(b -> b.bucket(bucket).key("k"), RequestBody.fromString("v"));

        S3Exception unknown = assertThrows(S3Exception.class, () -> s3().getObjectAsBytes(b -> b.bucket(bucket)
                .key("k").versionId("1500000000.00000")));
        assertEquals("NoSuchVersion", unknown.awsErrorDetails().errorCode());
        assertEquals(404, unknown.statusCode());
        assertEquals(404, assertThrows(S3Exception.class, () -> s3().headObject(b -> b.bucket(bucket).key("k")
                .versionId("1500000000.00000"))).statusCode());
        S3Exception copyUnknown = assertThrows(S3Exception.class, () -> s3().copyObject(b -> b.sourceBucket(bucket)
                .sourceKey("k").sourceVersionId("1500000000.00000").destinationBucket(bucket).destinationKey("c")));
        assertEquals("NoSuchVersion", copyUnknown.awsErrorDetails().errorCode());

        for (String bad : List.of("garbage", "1500000000.00000x", "../k")) {
            S3Exception malformed = assertThrows(S3Exception.class, () -> s3().getObjectAsBytes(b -> b.bucket(bucket)
                    .key("k").versionId(bad)));
            assertEquals("InvalidArgument", malformed.awsErrorDetails().errorCode(), bad);
            assertEquals(400, malformed.statusCode());
        }
        assertEquals(1, swiftVersions(bucket, "k").size());
        assertFalse(io.s3multi.webapp.s3.S3TestGateway.objectNames(swift(), bucket).contains("c"));
    }

    @Test
    void aKeyWhoseNewestVersionIsADeleteMarkerAnswersAsAws() throws Exception {
        String bucket = versionedBucket();
        String version = s3().putObject(b -> b.bucket(bucket).key("k"), RequestBody.fromString("v")).versionId();
        swift().objects().delete(bucket, "k", SwiftHeaders.empty());   // Swift writes the marker
        List<VersionEntry> stored = swiftVersions(bucket, "k");
        assertTrue(stored.get(0).isDeleteMarker(), stored.toString());
        String marker = stored.get(0).versionId();

        S3Exception get = assertThrows(S3Exception.class, () -> s3().getObjectAsBytes(b -> b.bucket(bucket).key("k")));
        assertEquals("NoSuchKey", get.awsErrorDetails().errorCode());
        assertEquals(Optional.of("true"), get.awsErrorDetails().sdkHttpResponse().firstMatchingHeader(
                "x-amz-delete-marker"));
        assertEquals(Optional.of(marker), get.awsErrorDetails().sdkHttpResponse().firstMatchingHeader(
                "x-amz-version-id"));
        S3Exception head = assertThrows(S3Exception.class, () -> s3().headObject(b -> b.bucket(bucket).key("k")));
        assertEquals(404, head.statusCode());
        assertEquals(Optional.of("true"), head.awsErrorDetails().sdkHttpResponse().firstMatchingHeader(
                "x-amz-delete-marker"));

        S3Exception byId = assertThrows(S3Exception.class, () -> s3().getObjectAsBytes(b -> b.bucket(bucket).key("k")
                .versionId(marker)));
        assertEquals(405, byId.statusCode());
        assertEquals("MethodNotAllowed", byId.awsErrorDetails().errorCode());
        assertEquals(Optional.of("true"), byId.awsErrorDetails().sdkHttpResponse().firstMatchingHeader(
                "x-amz-delete-marker"));
        assertEquals(Optional.of(marker), byId.awsErrorDetails().sdkHttpResponse().firstMatchingHeader(
                "x-amz-version-id"));
        S3Exception headById = assertThrows(S3Exception.class, () -> s3().headObject(b -> b.bucket(bucket).key("k")
                .versionId(marker)));
        assertEquals(405, headById.statusCode());

        S3Exception copyMarker = assertThrows(S3Exception.class, () -> s3().copyObject(b -> b.sourceBucket(bucket)
                .sourceKey("k").sourceVersionId(marker).destinationBucket(bucket).destinationKey("c")));
        assertEquals("InvalidRequest", copyMarker.awsErrorDetails().errorCode());
        assertEquals("v", new String(read(bucket, "k", version), UTF_8));

        // A key that never existed on a versioned bucket is a plain NoSuchKey.
        S3Exception never = assertThrows(S3Exception.class, () -> s3().getObjectAsBytes(b -> b.bucket(bucket)
                .key("never")));
        assertEquals("NoSuchKey", never.awsErrorDetails().errorCode());
        assertEquals(Optional.empty(), never.awsErrorDetails().sdkHttpResponse().firstMatchingHeader(
                "x-amz-delete-marker"));
    }

    @Test
    void boto3SeesTheVersionIdsOfPutsCopiesAndSuspendedWrites() {
        String bucket = versionedBucket();
        ToolResult result = tools().boto3(String.join("\n",
                "s3 = s3_client()",
                "b = '" + bucket + "'",
                "for key in ['k', 'ü/%41//x', '//lead///x']:",
                "    s3.put_bucket_versioning(Bucket=b, VersioningConfiguration={'Status': 'Enabled'})",
                "    v1 = s3.put_object(Bucket=b, Key=key, Body=b'one')['VersionId']",
                "    v2 = s3.put_object(Bucket=b, Key=key, Body=b'two')['VersionId']",
                "    v3 = s3.copy_object(Bucket=b, Key=key, CopySource={'Bucket': b, 'Key': key, 'VersionId': v1})",
                "    expect(v3['CopySourceVersionId'] == v1, v3)",
                "    s3.put_bucket_versioning(Bucket=b, VersioningConfiguration={'Status': 'Suspended'})",
                "    expect(s3.get_bucket_versioning(Bucket=b)['Status'] == 'Suspended')",
                "    vn = s3.put_object(Bucket=b, Key=key, Body=b'null one')['VersionId']",
                "    expect(vn == 'null', vn)",
                "    for v, body in [(v1, b'one'), (v2, b'two'), (v3['VersionId'], b'one'), ('null', b'null one')]:",
                "        got = s3.get_object(Bucket=b, Key=key, VersionId=v)",
                "        expect(got['Body'].read() == body and got['VersionId'] == v, key, v)",
                "    expect(len({v1, v2, v3['VersionId'], 'null'}) == 4)",
                "print('ok')"));
        assertEquals(0, result.exitCode(), result.toString());
    }
}
