package io.s3multi.webapp.s3;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import io.s3multi.swift.SwiftHeaders;
import io.s3multi.swift.error.SwiftException;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.core.sync.RequestBody;
import software.amazon.awssdk.core.sync.ResponseTransformer;
import software.amazon.awssdk.services.s3.model.CompletedPart;
import software.amazon.awssdk.services.s3.model.EncodingType;
import software.amazon.awssdk.services.s3.model.ListObjectsResponse;
import software.amazon.awssdk.services.s3.model.ListObjectsV2Response;
import software.amazon.awssdk.services.s3.model.S3Object;

/**
 * Listing details clients trip on (issue #14): listing times that disagree with {@code Last-Modified}, an empty
 * V2 continuation token, and the V1 {@code Prefix} echo under {@code encoding-type=url}.
 */
class ListingDetailsIT extends S3IntegrationTest {

    private static final int PART = 5 * 1024 * 1024;

    @Test
    void everyListingShowsTheSecondOfTheObjectsLastModified() throws Exception {
        String bucket = uniqueBucket();
        s3().createBucket(b -> b.bucket(bucket));
        for (int i = 0; i < 12; i++) {
            String key = "plain-" + i;
            s3().putObject(b -> b.bucket(bucket).key(key), RequestBody.fromString("object " + i));
        }
        putMultipart(bucket, "multipart");
        assertEquals("True", swift().objects().head(bucket, "multipart", SwiftHeaders.empty())
                .header("X-Static-Large-Object"), "the multipart object is an SLO in Swift");

        Map<String, Instant> headTimes = new HashMap<>();
        for (S3Object listed : s3().listObjectsV2(b -> b.bucket(bucket)).contents()) {
            Instant head = s3().headObject(b -> b.bucket(bucket).key(listed.key())).lastModified();
            Instant get = s3().getObject(b -> b.bucket(bucket).key(listed.key()), ResponseTransformer.toBytes())
                    .response().lastModified();
            assertEquals(head, get, listed.key());
            headTimes.put(listed.key(), head);
        }
        assertEquals(13, headTimes.size());
        assertSameTimes(headTimes, s3().listObjectsV2(b -> b.bucket(bucket)).contents(), S3Object::key,
                S3Object::lastModified, "ListObjectsV2");
        assertSameTimes(headTimes, s3().listObjects(b -> b.bucket(bucket)).contents(), S3Object::key,
                S3Object::lastModified, "ListObjects");
        assertSameTimes(headTimes, s3().listObjectVersions(b -> b.bucket(bucket)).versions(),
                v -> v.key(), v -> v.lastModified(), "ListObjectVersions");
    }

    private static <T> void assertSameTimes(Map<String, Instant> headTimes, List<T> listed, Function<T, String> key,
            Function<T, Instant> time, String listing) {
        assertEquals(headTimes.size(), listed.size(), listing);
        for (T entry : listed) {
            assertEquals(headTimes.get(key.apply(entry)), time.apply(entry),
                    listing + " and HEAD disagree on " + key.apply(entry));
            assertEquals(0, time.apply(entry).getNano(), listing + " shows whole seconds, as AWS");
        }
    }

    private static void putMultipart(String bucket, String key) {
        String uploadId = s3().createMultipartUpload(b -> b.bucket(bucket).key(key)).uploadId();
        String first = s3().uploadPart(b -> b.bucket(bucket).key(key).uploadId(uploadId).partNumber(1),
                RequestBody.fromBytes(new byte[PART])).eTag();
        String second = s3().uploadPart(b -> b.bucket(bucket).key(key).uploadId(uploadId).partNumber(2),
                RequestBody.fromString("tail")).eTag();
        s3().completeMultipartUpload(b -> b.bucket(bucket).key(key).uploadId(uploadId).multipartUpload(m -> m.parts(
                CompletedPart.builder().partNumber(1).eTag(first).build(),
                CompletedPart.builder().partNumber(2).eTag(second).build())));
    }

    @Test
    void anEmptyContinuationTokenIsNoToken() throws SwiftException {
        String bucket = uniqueBucket();
        s3().createBucket(b -> b.bucket(bucket));
        swift().objects().put(bucket, "a", new byte[1], SwiftHeaders.empty());
        swift().objects().put(bucket, "b", new byte[1], SwiftHeaders.empty());

        ListObjectsV2Response page = s3().listObjectsV2(b -> b.bucket(bucket).continuationToken(""));
        assertEquals(List.of("a", "b"), page.contents().stream().map(S3Object::key).toList());
        assertEquals(2, page.keyCount());
        assertNull(page.nextContinuationToken());

        tools().boto3(String.join("\n",
                "s3 = s3_client()",
                "page = s3.list_objects_v2(Bucket='" + bucket + "', ContinuationToken='', MaxKeys=1)",
                "expect([o['Key'] for o in page['Contents']] == ['a'], page)",
                "expect(page['IsTruncated'], page)")).requireSuccess();
    }

    @Test
    void aControlCharacterPrefixRoundTripsThroughBoto3InEveryListing() throws SwiftException {
        String bucket = uniqueBucket();
        s3().createBucket(b -> b.bucket(bucket));
        swift().objects().put(bucket, "\nunder-newline", new byte[1], SwiftHeaders.empty());
        swift().objects().put(bucket, "\ttab/x", new byte[1], SwiftHeaders.empty());
        swift().objects().put(bucket, "other", new byte[1], SwiftHeaders.empty());

        // boto3 asks for encoding-type=url by itself and decodes what AWS encodes.
        tools().boto3(String.join("\n",
                "s3 = s3_client()",
                "for prefix, key in (('\\n', '\\nunder-newline'), ('\\t', '\\ttab/x')):",
                "    v1 = s3.list_objects(Bucket='" + bucket + "', Prefix=prefix)",
                "    expect(v1['Prefix'] == prefix, 'V1', v1)",
                "    expect([o['Key'] for o in v1['Contents']] == [key], 'V1', v1)",
                "    v2 = s3.list_objects_v2(Bucket='" + bucket + "', Prefix=prefix)",
                "    expect(v2['Prefix'] == prefix, 'V2', v2)",
                "    expect([o['Key'] for o in v2['Contents']] == [key], 'V2', v2)",
                "    versions = s3.list_object_versions(Bucket='" + bucket + "', Prefix=prefix)",
                "    expect(versions['Prefix'] == prefix, 'versions', versions)",
                "    expect([v['Key'] for v in versions['Versions']] == [key], 'versions', versions)",
                "v1 = s3.list_objects(Bucket='" + bucket + "', Prefix='\\t', Delimiter='/')",
                "expect(v1['Prefix'] == '\\t' and v1['Delimiter'] == '/', v1)",
                "expect([p['Prefix'] for p in v1['CommonPrefixes']] == ['\\ttab/'], v1)")).requireSuccess();

        ListObjectsResponse v1 = s3().listObjects(b -> b.bucket(bucket).prefix("\n").encodingType(EncodingType.URL));
        assertEquals("\n", v1.prefix());
        assertEquals(List.of("\nunder-newline"), v1.contents().stream().map(S3Object::key).toList());
    }
}
