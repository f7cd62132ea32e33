package io.s3multi.webapp.s3;

import static io.s3multi.webapp.s3.ObjectTaggingIT.tag;
import static io.s3multi.webapp.s3.ObjectTaggingIT.tags;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.s3multi.swift.SwiftHeaders;
import io.s3multi.swift.SwiftReply;
import io.s3multi.webapp.s3.multipart.NativeSwiftThroughGateway;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.http.SdkHttpMethod;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.model.S3Exception;
import software.amazon.awssdk.services.s3.model.Tagging;

/**
 * Bucket tagging (issue 14, item 2) with the AWS SDK v2 (defaults), boto3 and raw requests, against the dev Swift:
 * the tags are reserved metadata of the bucket's container, so a second gateway sees them, and nothing else the
 * container holds changes.
 */
class BucketTaggingIT extends S3IntegrationTest {

    private static final String PIECE_1 = "X-Container-Meta-S3multi-Tags-1";
    private static final String PIECE_2 = "X-Container-Meta-S3multi-Tags-2";

    @Test
    void tagsLiveInTheContainerAndEveryGatewaySeesThem() throws Exception {
        String bucket = createdBucket();
        swift().containers().post(bucket, SwiftHeaders.of("X-Container-Meta-Owner-Notes", "kept"));
        assertNoSuchTagSet(s3(), bucket);

        var put = s3().putBucketTagging(b -> b.bucket(bucket).tagging(tags("team", "data", "cost", "a/b +c")));
        assertEquals(204, put.sdkHttpResponse().statusCode());

        SwiftReply container = swift().containers().head(bucket);
        assertEquals("team=data&cost=a%2Fb+%2Bc", container.header(PIECE_1));
        assertEquals("kept", container.header("X-Container-Meta-Owner-Notes"));
        try (S3TestGateway second = S3TestGateway.start()) {
            assertEquals(List.of(tag("team", "data"), tag("cost", "a/b +c")),
                    second.s3().getBucketTagging(b -> b.bucket(bucket)).tagSet());
        }

        var deleted = s3().deleteBucketTagging(b -> b.bucket(bucket));
        assertEquals(204, deleted.sdkHttpResponse().statusCode());
        assertNoSuchTagSet(s3(), bucket);
        SwiftReply untagged = swift().containers().head(bucket);
        assertNull(untagged.header(PIECE_1));
        assertEquals("kept", untagged.header("X-Container-Meta-Owner-Notes"));
    }

    @Test
    void aShorterTagSetLeavesNoPieceOfTheLongerOneBehind() throws Exception {
        String bucket = createdBucket();
        List<String> fifty = new ArrayList<>();
        for (int i = 0; i < 50; i++) {
            fifty.add(String.format("key-%02d", i));
            fifty.add("value-" + i);
        }
        s3().putBucketTagging(b -> b.bucket(bucket).tagging(tags(fifty.toArray(String[]::new))));
        assertEquals(50, s3().getBucketTagging(b -> b.bucket(bucket)).tagSet().size());
        assertTrue(swift().containers().head(bucket).header(PIECE_2) != null, "fifty tags take several pieces");

        s3().putBucketTagging(b -> b.bucket(bucket).tagging(tags("only", "one")));

        SwiftReply container = swift().containers().head(bucket);
        assertEquals("only=one", container.header(PIECE_1));
        assertNull(container.header(PIECE_2));
        assertEquals(List.of(tag("only", "one")), s3().getBucketTagging(b -> b.bucket(bucket)).tagSet());
    }

    @Test
    void tagsBeyondAwsLimitsAreRefusedAndSwiftKeepsTheOldOnes() throws Exception {
        String bucket = createdBucket();
        s3().putBucketTagging(b -> b.bucket(bucket).tagging(tags("keep", "me")));
        List<String> fiftyOne = new ArrayList<>();
        for (int i = 0; i < 51; i++) {
            fiftyOne.add("k" + i);
            fiftyOne.add("v");
        }
        assertRefused("BadRequest", "Bucket tag count cannot be greater than 50", bucket,
                tags(fiftyOne.toArray(String[]::new)));
        assertRefused("InvalidTag", "The TagKey you have provided is too long, max 128", bucket,
                tags("k".repeat(129), "v"));
        assertRefused("InvalidTag", "The TagValue you have provided is too long, max 256", bucket,
                tags("k", "v".repeat(257)));
        assertRefused("InvalidTag", "The TagKey you have provided is invalid", bucket, tags("a#b", "v"));
        assertRefused("InvalidTag", "Cannot provide multiple Tags with the same key", bucket,
                tags("k", "1", "k", "2"));
        assertRefused("InvalidTag", "System tags cannot be added/updated by requester", bucket,
                tags("aws:cloudformation:stack-name", "v"));
        for (String xml : List.of("", "<Tagging/>", "<Tagging><TagSet><Tag><Key>k</Key></Tag></TagSet></Tagging>",
                "<Tagging><TagSet>")) {
            RawResponse answer = RawS3.sendXml(gateway().port(), gateway().endpoint(), SdkHttpMethod.PUT,
                    "/" + bucket, "tagging", xml, true);
            assertEquals(400, answer.status(), xml + ": " + answer);
            assertEquals("MalformedXML", answer.errorCode(), xml + ": " + answer);
        }
        assertEquals("keep=me", swift().containers().head(bucket).header(PIECE_1));
    }

    @Test
    void aMissingBucketIsNoSuchBucketAndNativeSwiftCannotWriteTheTags() throws Exception {
        String missing = uniqueBucket();
        S3Exception refused = assertThrows(S3Exception.class,
                () -> s3().putBucketTagging(b -> b.bucket(missing).tagging(tags("a", "b"))));
        assertEquals("NoSuchBucket", refused.awsErrorDetails().errorCode());

        String bucket = createdBucket();
        NativeSwiftThroughGateway nativeSwift = new NativeSwiftThroughGateway(gateway());
        nativeSwift.ok("POST", bucket, null, "X-Container-Meta-S3multi-Tags-1", "forged=yes",
                "x-container-meta-s3multi_tags-2", "more");
        SwiftReply container = swift().containers().head(bucket);
        assertNull(container.header(PIECE_1));
        assertNull(container.header(PIECE_2));
        assertNoSuchTagSet(s3(), bucket);
        s3().putBucketTagging(b -> b.bucket(bucket).tagging(tags("real", "yes")));
        nativeSwift.ok("POST", bucket, null, "X-Remove-Container-Meta-S3multi-Tags-1", "x");
        assertEquals("real=yes", swift().containers().head(bucket).header(PIECE_1));
    }

    @Test
    void boto3TagsBuckets() throws Exception {
        String bucket = createdBucket();
        ToolResult result = tools().boto3(String.join("\n", ObjectTaggingIT.BOTO3_ERROR_CODE,
                "s3 = s3_client()",
                "B = '" + bucket + "'",
                "print(code(lambda: s3.get_bucket_tagging(Bucket=B)))",
                "s3.put_bucket_tagging(Bucket=B, Tagging={'TagSet': [{'Key': 'env', 'Value': 'prod'}]})",
                "tags = s3.get_bucket_tagging(Bucket=B)['TagSet']",
                "expect(tags == [{'Key': 'env', 'Value': 'prod'}], tags)",
                "many = {'TagSet': [{'Key': 'k%d' % i, 'Value': 'v'} for i in range(51)]}",
                "print(code(lambda: s3.put_bucket_tagging(Bucket=B, Tagging=many)))",
                "print(code(lambda: s3.put_bucket_tagging(Bucket=B,",
                "                                         Tagging={'TagSet': [{'Key': 'a*', 'Value': 'v'}]})))"));
        result.requireSuccess();
        assertEquals(List.of("('NoSuchTagSet', 404)", "('BadRequest', 400)", "('InvalidTag', 400)"),
                result.stdout().strip().lines().toList(), result.describe());
        assertEquals("env=prod", swift().containers().head(bucket).header(PIECE_1));
    }

    private String createdBucket() {
        String bucket = uniqueBucket();
        s3().createBucket(b -> b.bucket(bucket));
        return bucket;
    }

    private void assertRefused(String code, String message, String bucket, Tagging tagging) throws Exception {
        S3Exception refused = assertThrows(S3Exception.class,
                () -> s3().putBucketTagging(b -> b.bucket(bucket).tagging(tagging)));
        assertEquals(400, refused.statusCode(), message);
        assertEquals(code, refused.awsErrorDetails().errorCode(), message);
        assertEquals(message, refused.awsErrorDetails().errorMessage());
        assertEquals("keep=me", swift().containers().head(bucket).header(PIECE_1), message);
    }

    private static void assertNoSuchTagSet(S3Client client, String bucket) {
        S3Exception none = assertThrows(S3Exception.class, () -> client.getBucketTagging(b -> b.bucket(bucket)));
        assertEquals(404, none.statusCode());
        assertEquals("NoSuchTagSet", none.awsErrorDetails().errorCode());
    }
}
