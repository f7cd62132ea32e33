package io.s3multi.webapp.s3;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.s3multi.swift.SwiftHeaders;
import io.s3multi.swift.SwiftReply;
import io.s3multi.swift.container.ListingQuery;
import io.s3multi.swift.error.SwiftHttpStatusException;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.core.sync.RequestBody;
import software.amazon.awssdk.http.SdkHttpMethod;
import software.amazon.awssdk.services.s3.model.ChecksumAlgorithm;
import software.amazon.awssdk.services.s3.model.CompletedPart;
import software.amazon.awssdk.services.s3.model.S3Exception;
import software.amazon.awssdk.services.s3.model.Tag;
import software.amazon.awssdk.services.s3.model.Tagging;
import software.amazon.awssdk.services.s3.model.TaggingDirective;

/**
 * Object tagging (issue 14, item 1) with the AWS SDK v2 (defaults), boto3 and raw requests, against the dev Swift:
 * Put/Get/DeleteObjectTagging, {@code x-amz-tagging} on PutObject, CopyObject and CreateMultipartUpload,
 * {@code x-amz-tagging-count}, AWS's limits and malformed bodies; each test looks at what Swift stored.
 */
class ObjectTaggingIT extends S3IntegrationTest {

    private static final byte[] BODY = "tagged bytes".getBytes(UTF_8);
    private static final String TAGS_PIECE = "X-Object-Meta-S3multi-Tags-1";

    /** For boto3 scripts: {@code code(call)} is the S3 error code and HTTP status a call fails with, or None. */
    static final String BOTO3_ERROR_CODE = String.join("\n",
            "import botocore.exceptions",
            "def code(call):",
            "    try:",
            "        call()",
            "    except botocore.exceptions.ClientError as e:",
            "        return e.response['Error']['Code'], e.response['ResponseMetadata']['HTTPStatusCode']",
            "    return None");

    @Test
    void tagsChangeWithoutRewritingTheObject() throws Exception {
        String bucket = ObjectTests.createBucket(this, swift());
        String etag = s3().putObject(b -> b.bucket(bucket).key("k").contentType("text/x-tags")
                .contentDisposition("inline").metadata(Map.of("colour", "blue"))
                .checksumAlgorithm(ChecksumAlgorithm.SHA256), RequestBody.fromBytes(BODY)).eTag();
        SwiftReply before = swift().objects().head(bucket, "k", SwiftHeaders.empty());

        s3().putObjectTagging(b -> b.bucket(bucket).key("k")
                .tagging(tags("project", "alpha beta", "cost/centre", "4+2")));

        assertEquals(List.of(tag("project", "alpha beta"), tag("cost/centre", "4+2")),
                s3().getObjectTagging(b -> b.bucket(bucket).key("k")).tagSet());
        SwiftReply after = swift().objects().head(bucket, "k", SwiftHeaders.empty());
        assertEquals(before.etag(), after.etag(), "Swift's ETag: the bytes were not rewritten");
        assertArrayEquals(BODY, ObjectTests.readDirectly(swift(), bucket, "k"));
        assertEquals("project=alpha+beta&cost%2Fcentre=4%2B2", after.header(TAGS_PIECE));
        for (String kept : List.of("Content-Type", "Content-Disposition", "X-Object-Meta-Colour",
                "X-Object-Meta-S3multi-Checksum-Sha256", "X-Object-Meta-S3multi-Checksum-Type")) {
            assertEquals(before.header(kept), after.header(kept), kept);
        }
        // Swift moves Last-Modified (and X-Timestamp) to the time of the metadata POST; S3 would not.
        assertTrue(new BigDecimal(after.header("X-Timestamp")).compareTo(new BigDecimal(before.header("X-Timestamp")))
                > 0);
        var head = s3().headObject(b -> b.bucket(bucket).key("k").checksumMode("ENABLED"));
        assertEquals(etag, head.eTag());
        assertEquals(Map.of("colour", "blue"), head.metadata(), "tags are never shown as x-amz-meta-*");
        assertEquals("text/x-tags", head.contentType());
        assertEquals("inline", head.contentDisposition());
        assertTrue(head.checksumSHA256() != null, "the checksum survives the POST");
        assertEquals("2", s3().headObject(b -> b.bucket(bucket).key("k")).sdkHttpResponse()
                .firstMatchingHeader("x-amz-tagging-count").orElseThrow());
        try (var get = s3().getObject(b -> b.bucket(bucket).key("k"))) {
            assertEquals(2, get.response().tagCount());
            assertArrayEquals(BODY, get.readAllBytes());
        }

        var deleted = s3().deleteObjectTagging(b -> b.bucket(bucket).key("k"));
        assertEquals(204, deleted.sdkHttpResponse().statusCode());
        assertTrue(s3().getObjectTagging(b -> b.bucket(bucket).key("k")).tagSet().isEmpty());
        SwiftReply untagged = swift().objects().head(bucket, "k", SwiftHeaders.empty());
        assertNull(untagged.header(TAGS_PIECE));
        assertEquals(before.etag(), untagged.etag());
        assertEquals("blue", untagged.header("X-Object-Meta-Colour"));
        assertFalse(s3().headObject(b -> b.bucket(bucket).key("k")).sdkHttpResponse()
                .firstMatchingHeader("x-amz-tagging-count").isPresent());
        s3().deleteObjectTagging(b -> b.bucket(bucket).key("k"));
        assertEquals(untagged.header("X-Timestamp"), swift().objects().head(bucket, "k", SwiftHeaders.empty())
                .header("X-Timestamp"), "deleting no tags posts nothing");
    }

    @Test
    void putObjectAndCopyObjectTakeTheTaggingHeader() throws Exception {
        String bucket = ObjectTests.createBucket(this, swift());
        s3().putObject(b -> b.bucket(bucket).key("src").tagging("a=1&b=%C3%A9t%C3%A9"), RequestBody.fromBytes(BODY));
        assertEquals("a=1&b=%C3%A9t%C3%A9", swift().objects().head(bucket, "src", SwiftHeaders.empty())
                .header(TAGS_PIECE));
        assertEquals(List.of(tag("a", "1"), tag("b", "été")), tagsOf(bucket, "src"));

        s3().copyObject(b -> b.sourceBucket(bucket).sourceKey("src").destinationBucket(bucket).destinationKey("copy"));
        assertEquals(List.of(tag("a", "1"), tag("b", "été")), tagsOf(bucket, "copy"), "COPY is the default");
        s3().copyObject(b -> b.sourceBucket(bucket).sourceKey("src").destinationBucket(bucket).destinationKey("new")
                .taggingDirective(TaggingDirective.REPLACE).tagging("c=3"));
        assertEquals(List.of(tag("c", "3")), tagsOf(bucket, "new"));
        s3().copyObject(b -> b.sourceBucket(bucket).sourceKey("src").destinationBucket(bucket).destinationKey("none")
                .taggingDirective(TaggingDirective.REPLACE));
        assertTrue(tagsOf(bucket, "none").isEmpty());
        assertNull(swift().objects().head(bucket, "none", SwiftHeaders.empty()).header(TAGS_PIECE));
        assertArrayEquals(BODY, ObjectTests.readDirectly(swift(), bucket, "none"));

        S3Exception directive = assertThrows(S3Exception.class, () -> s3().copyObject(b -> b.sourceBucket(bucket)
                .sourceKey("src").destinationBucket(bucket).destinationKey("bad")
                .overrideConfiguration(o -> o.putHeader("x-amz-tagging-directive", "MERGE"))));
        assertEquals("InvalidArgument", directive.awsErrorDetails().errorCode());
        ObjectTests.assertNotInSwift(swift(), bucket, "bad");
    }

    @Test
    void aMultipartObjectGetsTheTagsOfItsUploadAndKeepsItsEtagWhenTheyChange() throws Exception {
        String bucket = ObjectTests.createBucket(this, swift());
        String uploadId = s3().createMultipartUpload(b -> b.bucket(bucket).key("mp").tagging("stage=upload"))
                .uploadId();
        byte[] part = new byte[5 * 1024 * 1024];
        String partEtag = s3().uploadPart(b -> b.bucket(bucket).key("mp").uploadId(uploadId).partNumber(1),
                RequestBody.fromBytes(part)).eTag();
        String etag = s3().completeMultipartUpload(b -> b.bucket(bucket).key("mp").uploadId(uploadId)
                .multipartUpload(m -> m.parts(CompletedPart.builder().partNumber(1).eTag(partEtag).build()))).eTag();
        assertEquals(List.of(tag("stage", "upload")), tagsOf(bucket, "mp"));
        SwiftReply manifest = swift().objects().head(bucket, "mp", SwiftHeaders.empty());
        assertEquals("stage=upload", manifest.header(TAGS_PIECE));

        s3().putObjectTagging(b -> b.bucket(bucket).key("mp").tagging(tags("stage", "done")));

        SwiftReply retagged = swift().objects().head(bucket, "mp", SwiftHeaders.empty());
        assertEquals("True", retagged.header("X-Static-Large-Object"));
        assertEquals(manifest.etag(), retagged.etag());
        for (String reserved : List.of("X-Object-Meta-S3multi-Etag", "X-Object-Meta-S3multi-Upload-Id",
                "X-Object-Meta-S3multi-Parts-Count", "X-Object-Meta-S3multi-Object")) {
            assertEquals(manifest.header(reserved), retagged.header(reserved), reserved);
        }
        assertEquals(etag, s3().headObject(b -> b.bucket(bucket).key("mp")).eTag());
        assertEquals(etag, s3().listObjectsV2(b -> b.bucket(bucket)).contents().get(0).eTag());
        assertEquals(List.of(tag("stage", "done")), tagsOf(bucket, "mp"));
        assertEquals(part.length, swift().objects().head(bucket, "mp", SwiftHeaders.empty()).contentLength());
    }

    @Test
    void tagsBeyondAwsLimitsAreRefusedAndSwiftKeepsTheOldOnes() throws Exception {
        String bucket = ObjectTests.createBucket(this, swift());
        s3().putObject(b -> b.bucket(bucket).key("k").tagging("keep=me"), RequestBody.fromBytes(BODY));
        List<String> eleven = new ArrayList<>();
        for (int i = 0; i < 11; i++) {
            eleven.add("k" + i);
            eleven.add("v");
        }
        assertRefused(400, "BadRequest", "Object tags cannot be greater than 10", bucket,
                tags(eleven.toArray(String[]::new)));
        assertRefused(400, "InvalidTag", "The TagKey you have provided is too long, max 128", bucket,
                tags("k".repeat(129), "v"));
        assertRefused(400, "InvalidTag", "The TagValue you have provided is too long, max 256", bucket,
                tags("k", "v".repeat(257)));
        assertRefused(400, "InvalidTag", "The TagKey you have provided is invalid", bucket, tags("a*b", "v"));
        assertRefused(400, "InvalidTag", "The TagValue you have provided is invalid", bucket, tags("k", "a\"b"));
        assertRefused(400, "InvalidTag", "Cannot provide multiple Tags with the same key", bucket,
                tags("k", "1", "k", "2"));
        assertRefused(400, "InvalidTag", "Your TagKey cannot be prefixed with aws:", bucket, tags("aws:x", "v"));
        // Ten tags of 128 and 256 characters are AWS's limit, but more than Swift keeps beside an object.
        List<String> largest = new ArrayList<>();
        for (int i = 0; i < 10; i++) {
            largest.add(String.format("%0128d", i));
            largest.add("v".repeat(256));
        }
        S3Exception tooLarge = assertThrows(S3Exception.class, () -> s3().putObjectTagging(b -> b.bucket(bucket)
                .key("k").tagging(tags(largest.toArray(String[]::new)))));
        assertEquals("InvalidTag", tooLarge.awsErrorDetails().errorCode());
        assertTrue(tooLarge.awsErrorDetails().errorMessage().contains("Swift metadata"), tooLarge.getMessage());
        assertEquals(List.of(tag("keep", "me")), tagsOf(bucket, "k"));
        List<String> maximal = new ArrayList<>();
        for (int i = 0; i < 10; i++) {
            maximal.add(i == 0 ? "k".repeat(128) : "key" + i);
            maximal.add(i == 0 ? "v".repeat(256) : "v");
        }
        s3().putObjectTagging(b -> b.bucket(bucket).key("k").tagging(tags(maximal.toArray(String[]::new))));
        assertEquals(10, tagsOf(bucket, "k").size());
        assertEquals(128, tagsOf(bucket, "k").get(0).key().length());
        assertEquals(256, tagsOf(bucket, "k").get(0).value().length());
        assertTrue(swift().objects().head(bucket, "k", SwiftHeaders.empty())
                .header("X-Object-Meta-S3multi-Tags-2") != null, "a long tag set is stored in pieces");
        assertArrayEquals(BODY, ObjectTests.readDirectly(swift(), bucket, "k"));
    }

    @Test
    void aBadTaggingHeaderStoresNothing() throws Exception {
        String bucket = ObjectTests.createBucket(this, swift());
        Map<String, String> refusals = Map.of("a=1&a=2", "InvalidArgument", "a=b=c", "InvalidArgument",
                "aws%3Ax=1", "InvalidTag", "x=%2A", "InvalidTag");
        for (Map.Entry<String, String> refusal : refusals.entrySet()) {
            S3Exception refused = assertThrows(S3Exception.class, () -> s3().putObject(b -> b.bucket(bucket).key("k")
                    .tagging(refusal.getKey()), RequestBody.fromBytes(BODY)), refusal.getKey());
            assertEquals(refusal.getValue(), refused.awsErrorDetails().errorCode(), refusal.getKey());
            S3Exception upload = assertThrows(S3Exception.class, () -> s3().createMultipartUpload(b -> b
                    .bucket(bucket).key("k").tagging(refusal.getKey())), refusal.getKey());
            assertEquals(refusal.getValue(), upload.awsErrorDetails().errorCode(), refusal.getKey());
        }
        ObjectTests.assertNotInSwift(swift(), bucket, "k");
        assertTrue(swift().containers().listObjects(bucket, ListingQuery.all()).entries().isEmpty());
        var noSegments = assertThrows(SwiftHttpStatusException.class,
                () -> swift().containers().head(bucket + "_segments"), "no upload was started");
        assertEquals(404, noSegments.status());
    }

    @Test
    void malformedTaggingBodiesAreMalformedXml() throws Exception {
        String bucket = ObjectTests.createBucket(this, swift());
        s3().putObject(b -> b.bucket(bucket).key("k").tagging("keep=me"), RequestBody.fromBytes(BODY));
        for (String xml : List.of("", "not xml", "<Tagging/>",
                "<Tagging><TagSet><Tag><Key>a</Key></Tag></TagSet></Tagging>",
                "<Tagging><TagSet><Tag><Value>b</Value></Tag></TagSet></Tagging>",
                "<Other><TagSet/></Other>")) {
            RawResponse answer = RawS3.sendXml(gateway().port(), gateway().endpoint(), SdkHttpMethod.PUT,
                    "/" + bucket + "/k", "tagging", xml, true);
            assertEquals(400, answer.status(), xml + ": " + answer);
            assertEquals("MalformedXML", answer.errorCode(), xml + ": " + answer);
        }
        RawResponse empty = RawS3.sendXml(gateway().port(), gateway().endpoint(), SdkHttpMethod.PUT,
                "/" + bucket + "/k", "tagging", "<Tagging><TagSet/></Tagging>", true);
        assertEquals(200, empty.status(), empty.toString());
        assertNull(swift().objects().head(bucket, "k", SwiftHeaders.empty()).header(TAGS_PIECE),
                "an empty tag set removes the tags");
    }

    @Test
    void taggingAMissingObjectOrAnotherVersionIsRefused() throws Exception {
        String bucket = ObjectTests.createBucket(this, swift());
        for (Consumer<String> call : List.<Consumer<String>>of(
                key -> s3().getObjectTagging(b -> b.bucket(bucket).key(key)),
                key -> s3().putObjectTagging(b -> b.bucket(bucket).key(key).tagging(tags("a", "b"))),
                key -> s3().deleteObjectTagging(b -> b.bucket(bucket).key(key)))) {
            S3Exception missing = assertThrows(S3Exception.class, () -> call.accept("missing"));
            assertEquals("NoSuchKey", missing.awsErrorDetails().errorCode());
        }
        ObjectTests.assertNotInSwift(swift(), bucket, "missing");
        s3().putObject(b -> b.bucket(bucket).key("k"), RequestBody.fromBytes(BODY));
        S3Exception version = assertThrows(S3Exception.class, () -> s3().putObjectTagging(b -> b.bucket(bucket)
                .key("k").versionId("1796608640.37813").tagging(tags("a", "b"))));
        assertEquals("InvalidArgument", version.awsErrorDetails().errorCode());
        s3().putObjectTagging(b -> b.bucket(bucket).key("k").versionId("null").tagging(tags("a", "b")));
        assertEquals(List.of(tag("a", "b")), tagsOf(bucket, "k"));
    }

    @Test
    void boto3TagsObjectsAndGetsAwsErrors() throws Exception {
        String bucket = ObjectTests.createBucket(this, swift());
        ToolResult result = tools().boto3(String.join("\n", BOTO3_ERROR_CODE,
                "s3 = s3_client()",
                "B = '" + bucket + "'",
                "s3.put_object(Bucket=B, Key='a', Body=b'boto3', Tagging='team=data&tier=hot')",
                "got = s3.get_object(Bucket=B, Key='a')",
                "expect(got['TagCount'] == 2, got.get('TagCount'))",
                "tags = s3.get_object_tagging(Bucket=B, Key='a')['TagSet']",
                "expect(tags == [{'Key': 'team', 'Value': 'data'}, {'Key': 'tier', 'Value': 'hot'}], tags)",
                "s3.put_object_tagging(Bucket=B, Key='a', Tagging={'TagSet': [{'Key': 'tier', 'Value': 'cold'}]})",
                "s3.copy_object(Bucket=B, Key='b', CopySource={'Bucket': B, 'Key': 'a'}, TaggingDirective='REPLACE',",
                "               Tagging='copied=yes')",
                "expect(s3.get_object_tagging(Bucket=B, Key='b')['TagSet'] == [{'Key': 'copied', 'Value': 'yes'}])",
                "many = {'TagSet': [{'Key': 'k%d' % i, 'Value': 'v'} for i in range(11)]}",
                "print(code(lambda: s3.put_object_tagging(Bucket=B, Key='a', Tagging=many)))",
                "print(code(lambda: s3.put_object_tagging(Bucket=B, Key='a',",
                "                                         Tagging={'TagSet': [{'Key': 'aws:x', 'Value': 'v'}]})))",
                "print(code(lambda: s3.put_object(Bucket=B, Key='c', Body=b'x', Tagging='k=v&k=w')))",
                "s3.delete_object_tagging(Bucket=B, Key='a')",
                "expect(s3.get_object_tagging(Bucket=B, Key='a')['TagSet'] == [])"));
        result.requireSuccess();
        assertEquals(List.of("('BadRequest', 400)", "('InvalidTag', 400)", "('InvalidArgument', 400)"),
                result.stdout().strip().lines().toList(), result.describe());
        assertNull(swift().objects().head(bucket, "a", SwiftHeaders.empty()).header(TAGS_PIECE));
        assertEquals("copied=yes", swift().objects().head(bucket, "b", SwiftHeaders.empty()).header(TAGS_PIECE));
        assertArrayEquals("boto3".getBytes(UTF_8), ObjectTests.readDirectly(swift(), bucket, "b"));
        ObjectTests.assertNotInSwift(swift(), bucket, "c");
    }

    private void assertRefused(int status, String code, String message, String bucket, Tagging tagging)
            throws Exception {
        SwiftReply before = swift().objects().head(bucket, "k", SwiftHeaders.empty());
        S3Exception refused = assertThrows(S3Exception.class,
                () -> s3().putObjectTagging(b -> b.bucket(bucket).key("k").tagging(tagging)));
        assertEquals(status, refused.statusCode(), message);
        assertEquals(code, refused.awsErrorDetails().errorCode(), message);
        assertEquals(message, refused.awsErrorDetails().errorMessage());
        SwiftReply after = swift().objects().head(bucket, "k", SwiftHeaders.empty());
        assertEquals(before.header(TAGS_PIECE), after.header(TAGS_PIECE), "Swift keeps the old tags");
        assertEquals(before.header("X-Timestamp"), after.header("X-Timestamp"), "nothing was posted");
    }

    private static List<Tag> tagsOf(String bucket, String key) {
        return s3().getObjectTagging(b -> b.bucket(bucket).key(key)).tagSet();
    }

    /**
     * On a versioned bucket every version's tags read by {@code versionId}; the current version's change by its id
     * too; a noncurrent version's cannot (Swift changes no metadata of an older version): NotImplemented, nothing
     * changed in Swift.
     */
    @Test
    void tagsOfVersionsAreReadByIdAndOnlyTheCurrentOnesChange() throws Exception {
        String bucket = ObjectTests.createBucket(this, swift());
        try {
            s3().putBucketVersioning(b -> b.bucket(bucket).versioningConfiguration(c -> c.status("Enabled")));
            String first = s3().putObject(b -> b.bucket(bucket).key("k").tagging("v=1"), RequestBody.fromBytes(BODY))
                    .versionId();
            String second = s3().putObject(b -> b.bucket(bucket).key("k").tagging("v=2"),
                    RequestBody.fromBytes(BODY)).versionId();

            assertEquals(List.of(tag("v", "1")),
                    s3().getObjectTagging(b -> b.bucket(bucket).key("k").versionId(first)).tagSet());
            assertEquals(second, s3().getObjectTagging(b -> b.bucket(bucket).key("k").versionId(second)).versionId());

            s3().putObjectTagging(b -> b.bucket(bucket).key("k").versionId(second).tagging(tags("v", "2b")));
            assertEquals("v=2b", swift().objects().headVersion(bucket, "k", second, SwiftHeaders.empty())
                    .header(TAGS_PIECE));
            S3Exception noncurrent = assertThrows(S3Exception.class, () -> s3().putObjectTagging(b -> b.bucket(bucket)
                    .key("k").versionId(first).tagging(tags("v", "1b"))));
            assertEquals("NotImplemented", noncurrent.awsErrorDetails().errorCode());
            assertEquals("v=1", swift().objects().headVersion(bucket, "k", first, SwiftHeaders.empty())
                    .header(TAGS_PIECE));
            S3Exception unknown = assertThrows(S3Exception.class, () -> s3().getObjectTagging(b -> b.bucket(bucket)
                    .key("k").versionId("1700000000.00000")));
            assertEquals("NoSuchVersion", unknown.awsErrorDetails().errorCode());
        } finally {
            VersionedBuckets.deleteAllVersions(swift(), bucket);
        }
    }

    static Tagging tags(String... keysAndValues) {
        List<Tag> tags = new ArrayList<>();
        for (int i = 0; i < keysAndValues.length; i += 2) {
            tags.add(tag(keysAndValues[i], keysAndValues[i + 1]));
        }
        return Tagging.builder().tagSet(tags).build();
    }

    static Tag tag(String key, String value) {
        return Tag.builder().key(key).value(value).build();
    }
}
