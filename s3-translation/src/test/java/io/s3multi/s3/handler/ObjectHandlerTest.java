package io.s3multi.s3.handler;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;

import io.s3multi.s3.auth.RequestBody;
import io.s3multi.s3.contract.UploadId;
import io.s3multi.s3.error.S3ErrorCode;
import io.s3multi.s3.error.S3Exception;
import io.s3multi.s3.http.RequestHead;
import io.s3multi.s3.lock.BucketLocks;
import io.s3multi.s3.multipart.SegmentFreeBuckets;
import io.s3multi.s3.operation.MissingBucket;
import io.s3multi.s3.operation.RequestBodySource;
import io.s3multi.s3.operation.S3ApiSettings;
import io.s3multi.s3.operation.S3Body;
import io.s3multi.s3.operation.S3Call;
import io.s3multi.s3.operation.S3Identity;
import io.s3multi.s3.operation.S3Response;
import io.s3multi.s3.request.S3RequestParser;
import io.s3multi.s3.testing.FakeSwift.Answer;
import io.s3multi.s3.testing.FakeSwift;
import io.s3multi.swift.SwiftAccount;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Set;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The object handlers against a fake Swift: the S3 answers, and exactly which Swift requests they cost. */
class ObjectHandlerTest {

    private static final String HELLO_MD5 = "5d41402abc4b2a76b9719d911017c592";
    private static final String LAST_MODIFIED = "Sat, 21 Nov 2026 11:46:55 GMT";

    private FakeSwift swift;
    private final ObjectHandler objects = new ObjectHandler(S3ApiSettings.defaults());
    private final MultiDeleteHandler multiDelete = new MultiDeleteHandler(S3ApiSettings.defaults());

    @BeforeEach
    void start() throws Exception {
        swift = new FakeSwift();
        BucketLocks.forgetAll();
        swift.on("HEAD", "/bkt", Answer.of(204));
        swift.on("HEAD", "/dst", Answer.of(204));
    }

    @AfterEach
    void stop() {
        swift.close();
    }

    private S3Call call(String method, String path, String query, byte[] body, String... headers) {
        Map<String, List<String>> fields = new LinkedHashMap<>();
        fields.put("Host", List.of("127.0.0.1"));
        for (int i = 0; i < headers.length; i += 2) {
            fields.put(headers[i], List.of(headers[i + 1]));
        }
        if (body != null) {
            fields.put("Content-Length", List.of(Integer.toString(body.length)));
        }
        RequestHead head = new RequestHead(method, path, query, fields);
        RequestBodySource source = alsoCompute -> RequestBody.open(
                new ByteArrayInputStream(body == null ? new byte[0] : body), head, null, null, alsoCompute);
        return new S3Call(new S3RequestParser().parse(head),
                new S3Identity("test:tester", "test:tester", "AUTH_test", "AUTH_test"), swift.account(), source,
                Clock.fixed(Instant.parse("2026-11-21T12:00:00Z"), ZoneOffset.UTC), "tx1");
    }

    private static byte[] written(S3Response response) throws Exception {
        var out = new ByteArrayOutputStream();
        try (S3Body body = response.body()) {
            body.writeTo(out);
        }
        return out.toByteArray();
    }

    @Test
    void putObjectLooksForAnOlderLargeObjectThenStreamsOnePut() {
        swift.on("PUT", "/bkt/k", Answer.of(201, "Etag", HELLO_MD5));
        S3Response response = objects.putObject(call("PUT", "/bkt/k", "", "hello".getBytes(UTF_8),
                "Content-Type", "text/plain", "x-amz-meta-color", "blue", "Content-MD5", "XUFAKrxLKna5cZ2REBfFkg=="));
        assertEquals(200, response.status());
        assertEquals("\"" + HELLO_MD5 + "\"", response.header("ETag"));
        // The bucket's Object Lock configuration: one container HEAD, then cached (BucketLocks).
        assertEquals(List.of("HEAD /bkt", "HEAD /bkt/k", "PUT /bkt/k"), swift.requests());
        FakeSwift.Call put = swift.calls().get(2);
        assertArrayEquals("hello".getBytes(UTF_8), put.body());
        assertEquals("5", put.header("Content-Length"));
        assertEquals(HELLO_MD5, put.header("ETag"));
        assertEquals("text/plain", put.header("Content-Type"));
        assertEquals("blue", put.header("X-Object-Meta-color"));
    }

    @Test
    void aPutInABucketSeenWithoutSegmentsContainerIsOneSwiftRequest() {
        List<String> requests = twoPutsWithTheGatewaysTrust();
        // The first looks at its key and, beside that, whether the bucket has a segments container (it has none).
        assertEquals(Set.of("HEAD /bkt", "HEAD /bkt/k", "HEAD /bkt_segments"), Set.copyOf(requests.subList(0, 3)));
        assertEquals(List.of("PUT /bkt/k", "PUT /bkt/k"), requests.subList(3, requests.size()));
    }

    @Test
    void aYoungUploadsCompleteAsksOnlyWhereAPutOfThisGatewayMayHaveSkippedItsLook() throws Exception {
        swift.on("PUT", "/bkt/k", Answer.of(201, "Etag", HELLO_MD5));
        // a segments container created long ago: asked, the Complete has nothing left to wait for
        swift.on("HEAD", "/bkt_segments", Answer.of(204, "X-Timestamp", "1000000000.00000"));
        UploadId young = UploadId.newId(Instant.now());
        SwiftAccount account = swift.account();   // started before the trust is set: starting switches it off
        SegmentFreeBuckets.trustForTests(SegmentFreeBuckets.TTL);
        try {
            int before = swift.requests().size();
            // no PutObject here knows the bucket: no HEAD, no wait (a fresh bucket's first upload); what another
            // gateway's PutObjects did is looked at once their trust is over
            assertEquals(java.util.Optional.of(young.initiated().plus(SegmentFreeBuckets.TTL)
                    .plus(SegmentFreeBuckets.CLOCK_MARGIN)),
                    SegmentFreeBuckets.awaitTrusted(account, "bkt", young, Clock.systemUTC()));
            assertEquals(List.of(), swift.requests().subList(before, swift.requests().size()));

            objects.putObject(call("PUT", "/bkt/k", "", "hello".getBytes(UTF_8)));
            before = swift.requests().size();
            assertEquals(java.util.Optional.empty(),
                    SegmentFreeBuckets.awaitTrusted(account, "bkt", young, Clock.systemUTC()));
            assertEquals(List.of("HEAD /bkt_segments"), swift.requests().subList(before, swift.requests().size()));
        } finally {
            SegmentFreeBuckets.trustForTests(java.time.Duration.ZERO);
        }
    }

    @Test
    void everyPutInABucketWithASegmentsContainerLooksAtItsKey() {
        swift.on("HEAD", "/bkt_segments", Answer.of(204));
        List<String> requests = twoPutsWithTheGatewaysTrust();
        assertEquals(Set.of("HEAD /bkt", "HEAD /bkt/k", "HEAD /bkt_segments"), Set.copyOf(requests.subList(0, 3)));
        assertEquals(List.of("PUT /bkt/k", "HEAD /bkt/k", "PUT /bkt/k"), requests.subList(3, requests.size()));
    }

    /**
     * Two PutObjects at {@code bkt/k} with the trust in segment-free buckets the gateway has (FakeSwift switches it
     * off for the other tests when it starts, so the first call is built before it is set); the requests Swift saw.
     */
    private List<String> twoPutsWithTheGatewaysTrust() {
        swift.on("PUT", "/bkt/k", Answer.of(201, "Etag", HELLO_MD5));
        S3Call first = call("PUT", "/bkt/k", "", "hello".getBytes(UTF_8));
        SegmentFreeBuckets.trustForTests(SegmentFreeBuckets.TTL);
        try {
            objects.putObject(first);
            objects.putObject(call("PUT", "/bkt/k", "", "hello".getBytes(UTF_8)));
        } finally {
            SegmentFreeBuckets.trustForTests(java.time.Duration.ZERO);
        }
        return swift.requests();
    }

    @Test
    void aChecksumHeaderIsStoredWithThePutItself() {
        swift.on("PUT", "/bkt/k", Answer.of(201, "Etag", HELLO_MD5));
        S3Response response = objects.putObject(call("PUT", "/bkt/k", "", "hello".getBytes(UTF_8),
                "x-amz-checksum-crc32", "NhCmhg=="));
        assertEquals("NhCmhg==", response.header("x-amz-checksum-crc32"));
        FakeSwift.Call put = swift.calls().get(2);
        assertEquals("NhCmhg==", put.header("X-Object-Meta-S3multi-Checksum-Crc32"));
        assertEquals("FULL_OBJECT", put.header("X-Object-Meta-S3multi-Checksum-Type"));
        assertEquals(3, swift.calls().size(), "no metadata POST for a header checksum");
    }

    @Test
    void aPutIntoAMissingContainerIsNoSuchBucket() {
        S3Exception error = assertThrows(S3Exception.class, () -> objects.putObject(
                call("PUT", "/other/k", "", "hello".getBytes(UTF_8))));
        assertEquals(S3ErrorCode.NO_SUCH_BUCKET, error.code());
        assertEquals(List.of("HEAD /other"), swift.requests(), "the lock configuration's HEAD tells");
    }

    @Test
    void aSecondPutToABucketWithoutObjectLockCostsNoContainerHead() {
        swift.on("PUT", "/bkt/k", Answer.of(201, "Etag", HELLO_MD5));
        objects.putObject(call("PUT", "/bkt/k", "", "hello".getBytes(UTF_8)));
        objects.putObject(call("PUT", "/bkt/k", "", "hello".getBytes(UTF_8)));
        assertEquals(List.of("HEAD /bkt", "HEAD /bkt/k", "PUT /bkt/k", "HEAD /bkt/k", "PUT /bkt/k"),
                swift.requests());
        assertNull(swift.calls().get(4).header("X-Object-Meta-S3multi-Lock-Mode"));
    }

    @Test
    void aBucketsDefaultRetentionIsWrittenWithThePut() {
        swift.on("HEAD", "/locked", Answer.of(204, "X-Container-Meta-S3multi-Object-Lock",
                "Enabled COMPLIANCE Days 2"));
        swift.on("PUT", "/locked/k", Answer.of(201, "Etag", HELLO_MD5));
        objects.putObject(call("PUT", "/locked/k", "", "hello".getBytes(UTF_8)));
        FakeSwift.Call put = swift.calls().get(2);
        assertEquals("COMPLIANCE", put.header("X-Object-Meta-S3multi-Lock-Mode"));
        assertEquals("2026-11-23T12:00:00Z", put.header("X-Object-Meta-S3multi-Lock-Retain-Until"));
    }

    @Test
    void getObjectWithoutConditionsCostsOneSwiftGetAndPassesTheRangeCanonically() throws Exception {
        swift.on("GET", "/bkt/k", Answer.of(206, "Etag", HELLO_MD5, "Last-Modified", LAST_MODIFIED,
                "Content-Range", "bytes 3-4/5", "Content-Type", "text/plain", "X-Object-Meta-Color", "blue",
                "X-Object-Meta-S3multi-Checksum-Crc32", "NhCmhg==").withBody("lo".getBytes(UTF_8)));
        S3Response response = objects.getObject(call("GET", "/bkt/k", "", null, "Range", "bytes = -2",
                "x-amz-checksum-mode", "ENABLED"));
        assertEquals(206, response.status());
        assertEquals("bytes 3-4/5", response.header("Content-Range"));
        assertEquals("blue", response.header("x-amz-meta-color"));
        assertNull(response.header("x-amz-meta-s3multi-checksum-crc32"));
        assertNull(response.header("x-amz-checksum-crc32"), "no checksum for part of an object");
        assertArrayEquals("lo".getBytes(UTF_8), written(response));
        assertEquals(List.of("GET /bkt/k"), swift.requests());
        assertEquals("bytes=-2", swift.calls().get(0).header("Range"));
    }

    @Test
    void anUnsatisfiableRangeIsInvalidRangeWithTheObjectSize() {
        swift.on("GET", "/bkt/k", Answer.of(416, "Content-Range", "bytes */5"));
        S3Exception error = assertThrows(S3Exception.class,
                () -> objects.getObject(call("GET", "/bkt/k", "", null, "Range", "bytes=9-")));
        assertEquals(S3ErrorCode.INVALID_RANGE, error.code());
        assertEquals("5", error.details().get("ActualObjectSize"));
    }

    @Test
    void conditionsAreEvaluatedFromAHeadAndA304CostsNoGet() {
        swift.on("HEAD", "/bkt/k", Answer.of(200, "Etag", HELLO_MD5, "Last-Modified", LAST_MODIFIED,
                "Content-Length", "5"));
        S3Response response = objects.getObject(call("GET", "/bkt/k", "", null, "If-None-Match",
                "\"" + HELLO_MD5 + "\""));
        assertEquals(304, response.status());
        assertEquals("\"" + HELLO_MD5 + "\"", response.header("ETag"));
        assertNull(response.body());
        assertEquals(List.of("HEAD /bkt/k"), swift.requests());
    }

    @Test
    void copyIsOneSwiftCopyWithTheMetadataWrittenOut() throws Exception {
        swift.on("HEAD", "/src/a", Answer.of(200, "Etag", HELLO_MD5, "Last-Modified", LAST_MODIFIED,
                "Content-Length", "5", "Content-Type", "text/plain", "X-Object-Meta-Color", "blue",
                "X-Object-Meta-S3multi-Etag", "abc-2", "X-Static-Large-Object", "True"));
        swift.on("PUT", "/dst/b", Answer.of(201, "Etag", HELLO_MD5, "Last-Modified", LAST_MODIFIED));
        S3Response response = objects.copyObject(call("PUT", "/dst/b", "", null,
                "x-amz-copy-source", "/src/a"));
        assertEquals(200, response.status());
        String xml = new String(written(response), UTF_8);
        assertEquals(true, xml.contains("<ETag>\"" + HELLO_MD5 + "\"</ETag>"), xml);
        assertEquals(List.of("HEAD /src/a", "HEAD /dst", "HEAD /dst/b", "PUT /dst/b"), swift.requests());
        FakeSwift.Call copy = swift.calls().get(3);
        assertEquals("/src/a", copy.header("X-Copy-From"));
        assertEquals("true", copy.header("X-Fresh-Metadata"));
        assertEquals("text/plain", copy.header("Content-Type"));
        assertEquals("blue", copy.header("X-Object-Meta-Color"));
        assertNull(copy.header("X-Object-Meta-S3multi-Etag"), "a multipart ETag does not describe the copy");
        assertEquals(0, copy.body().length);
    }

    @Test
    void aCopiedChecksumIsBoundToTheSourceBytesTheHeadSaw() {
        swift.on("HEAD", "/src/a", Answer.of(200, "Etag", HELLO_MD5, "Last-Modified", LAST_MODIFIED,
                "Content-Length", "5", "X-Object-Meta-S3multi-Checksum-Crc32", "NhCmhg==",
                "X-Object-Meta-S3multi-Checksum-Type", "FULL_OBJECT"));
        swift.on("PUT", "/dst/b", Answer.of(201, "Etag", HELLO_MD5, "Last-Modified", LAST_MODIFIED));
        objects.copyObject(call("PUT", "/dst/b", "", null, "x-amz-copy-source", "/src/a"));
        FakeSwift.Call copy = swift.calls().get(3);
        assertEquals("NhCmhg==", copy.header("X-Object-Meta-S3multi-Checksum-Crc32"));
        assertEquals(HELLO_MD5, copy.header("X-Object-Meta-S3multi-Checksum-Of"));
    }

    @Test
    void aCopyOfAVersionIsSwiftsCopyVerbOnThatVersion() throws Exception {
        swift.on("HEAD", "/src/a?version-id=null", Answer.of(200, "Etag", HELLO_MD5, "Last-Modified", LAST_MODIFIED,
                "Content-Length", "5", "Content-Type", "text/plain", "X-Object-Version-Id", "null"));
        swift.on("COPY", "/src/a?version-id=null", Answer.of(201, "Etag", HELLO_MD5, "Last-Modified", LAST_MODIFIED));
        S3Response response = objects.copyObject(call("PUT", "/dst/b", "", null,
                "x-amz-copy-source", "/src/a?versionId=null"));
        assertEquals(200, response.status());
        assertEquals("null", response.header("x-amz-copy-source-version-id"));
        assertEquals(List.of("HEAD /src/a", "HEAD /dst", "HEAD /dst/b", "COPY /src/a"), swift.requests());
        FakeSwift.Call copy = swift.calls().get(3);
        assertEquals("/dst/b", copy.header("Destination"));
        assertEquals("version-id=null", copy.query());
        assertNull(copy.header("X-Copy-From"));
    }

    @Test
    void aMissingBucketIsAnsweredByTheMissingBucketStrategyAlsoForCopySources() {
        MissingBucket otherOwner = (call, bucket) -> bucket.equals("theirs")
                ? S3Exception.accessDenied() : S3Exception.noSuchBucket(bucket);
        ObjectHandler withOwners = new ObjectHandler(S3ApiSettings.defaults(), otherOwner);
        swift.on("HEAD", "/mine", Answer.of(204));
        assertEquals(S3ErrorCode.ACCESS_DENIED, assertThrows(S3Exception.class, () -> withOwners.copyObject(
                call("PUT", "/mine/k", "", null, "x-amz-copy-source", "theirs/k"))).code());
        assertEquals(S3ErrorCode.ACCESS_DENIED, assertThrows(S3Exception.class, () -> withOwners.getObject(
                call("GET", "/theirs/k", "", null))).code());
        assertEquals(S3ErrorCode.NO_SUCH_BUCKET, assertThrows(S3Exception.class, () -> withOwners.getObject(
                call("GET", "/nobodys/k", "", null))).code());
        assertEquals(S3ErrorCode.NO_SUCH_BUCKET, assertThrows(S3Exception.class, () -> objects.copyObject(
                call("PUT", "/mine/k", "", null, "x-amz-copy-source", "theirs/k"))).code());
    }

    @Test
    void deletingAMissingKeyOfAnExistingBucketSucceedsWithoutADelete() {
        swift.on("HEAD", "/bkt", Answer.of(204));
        swift.on("HEAD", "/dst", Answer.of(204));
        assertEquals(204, objects.deleteObject(call("DELETE", "/bkt/gone", "", null)).status());
        assertEquals(List.of("HEAD /bkt/gone", "HEAD /bkt"), swift.requests());
    }

    @Test
    void aLargeObjectTheGatewayDidNotCompleteLosesItsManifestOnly() {
        // Even claiming an upload: the claim is not bound to this key, so no segment is the gateway's to delete.
        swift.on("HEAD", "/bkt/big", Answer.of(200, "X-Static-Large-Object", "True", "Content-Length", "10",
                "X-Object-Meta-S3multi-Upload-Id", "0123456789abcdefghijklmnop"));
        swift.on("DELETE", "/bkt/big", Answer.of(204));
        assertEquals(204, objects.deleteObject(call("DELETE", "/bkt/big", "", null)).status());
        assertEquals(List.of("HEAD /bkt/big", "DELETE /bkt/big"), swift.requests());
    }

    @Test
    void deleteObjectsNeedsAnIntegrityHeaderAndAnswersPerKey() throws Exception {
        byte[] body = ("<Delete><Object><Key>a</Key></Object><Object><Key>b</Key><VersionId>v1</VersionId>"
                + "</Object></Delete>").getBytes(UTF_8);
        assertEquals(S3ErrorCode.INVALID_REQUEST, assertThrows(S3Exception.class,
                () -> multiDelete.deleteObjects(call("POST", "/bkt", "delete", body))).code());
        swift.on("HEAD", "/bkt", Answer.of(204));
        swift.on("HEAD", "/dst", Answer.of(204));
        swift.on("HEAD", "/bkt/a", Answer.of(200, "Content-Length", "1"));
        swift.on("DELETE", "/bkt/a", Answer.of(204));
        // "v1" cannot be a version id: refused for that key before Swift is asked, as AWS refuses it.
        String md5 = java.util.Base64.getEncoder().encodeToString(
                io.s3multi.s3.integrity.DigestAlgorithm.MD5.digest(body));
        S3Response response = multiDelete.deleteObjects(call("POST", "/bkt", "delete", body, "Content-MD5", md5));
        String xml = new String(written(response), UTF_8);
        assertEquals(true, xml.contains("<Deleted><Key>a</Key></Deleted>"), xml);
        assertEquals(true, xml.contains("<Error><Key>b</Key><VersionId>v1</VersionId><Code>InvalidArgument</Code>"),
                xml);
        assertEquals(List.of("HEAD /bkt", "HEAD /bkt/a", "DELETE /bkt/a"), swift.requests());
    }
}
