package io.s3multi.webapp.s3.multipart;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;

import io.s3multi.swift.SwiftAccount;
import io.s3multi.swift.SwiftHeaders;
import io.s3multi.swift.container.ListingQuery;
import io.s3multi.swift.container.ObjectEntry;
import io.s3multi.swift.error.SwiftHttpStatusException;
import io.s3multi.swift.http.SwiftResponse;
import io.s3multi.webapp.s3.S3IntegrationTest;
import io.s3multi.webapp.s3.S3TestGateway;
import java.io.InputStream;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.core.sync.RequestBody;
import software.amazon.awssdk.services.s3.model.CompletedPart;

/**
 * {@code <bucket>_segments} keeps the bucket's read ACL: once test:tester3 (no {@code .admin}) loses read access
 * to a bucket, it can no longer read a multipart object's bytes natively from the segments container, whether
 * the ACL was narrowed through the gateway's Swift API or directly in Swift.
 */
class MultipartSegmentsAclIT extends S3IntegrationTest {

    private static final byte[] PART = "the bytes of a multipart object".getBytes(StandardCharsets.UTF_8);

    private static SwiftAccount tester3() {
        return gateway().swift(S3TestGateway.TESTER3, S3TestGateway.TESTER3_KEY);
    }

    /** Creates, uploads one part of, and returns an upload of {@code key}; {@code complete} finishes it. */
    private static String startUpload(String bucket, String key) {
        String uploadId = s3().createMultipartUpload(b -> b.bucket(bucket).key(key)).uploadId();
        s3().uploadPart(b -> b.bucket(bucket).key(key).uploadId(uploadId).partNumber(1), RequestBody.fromBytes(PART));
        return uploadId;
    }

    private static void complete(String bucket, String key, String uploadId) {
        String etag = s3().listParts(b -> b.bucket(bucket).key(key).uploadId(uploadId)).parts().get(0).eTag();
        s3().completeMultipartUpload(b -> b.bucket(bucket).key(key).uploadId(uploadId)
                .multipartUpload(m -> m.parts(CompletedPart.builder().partNumber(1).eTag(etag).build())));
    }

    /** The part segments of {@code uploadId} in the segments container, as the owner lists them. */
    private static List<String> segmentsOf(String bucket, String uploadId) throws Exception {
        return swift().containers().listObjects(bucket + "_segments", ListingQuery.all()).entries().stream()
                .map(ObjectEntry::name).filter(name -> name.startsWith("parts/" + uploadId + "/")).toList();
    }

    private static void assertTester3Reads(String bucket, String segment) throws Exception {
        try (SwiftResponse read = tester3().objects().get(bucket + "_segments", segment, SwiftHeaders.empty());
                InputStream body = read.body()) {
            assertArrayEquals(PART, body.readAllBytes());
        }
    }

    private static void assertTester3IsRefused(String bucket, String segment) {
        var refused = assertThrows(SwiftHttpStatusException.class,
                () -> tester3().objects().head(bucket + "_segments", segment, SwiftHeaders.empty()));
        assertEquals(403, refused.status(), "tester3 reads " + segment + " natively");
    }

    /** A container POST through the gateway's native Swift API, as test:tester. */
    private static int nativePost(String bucket, String header, String value) throws Exception {
        HttpClient http = HttpClient.newHttpClient();
        HttpResponse<Void> auth = http.send(HttpRequest.newBuilder(uri("/auth/v1.0"))
                .header("X-Auth-User", S3TestGateway.TESTER).header("X-Auth-Key", S3TestGateway.TESTER_KEY).build(),
                HttpResponse.BodyHandlers.discarding());
        String token = auth.headers().firstValue("X-Auth-Token").orElseThrow();
        return http.send(HttpRequest.newBuilder(uri("/v1/AUTH_test/" + bucket))
                .header("X-Auth-Token", token).header(header, value)
                .POST(HttpRequest.BodyPublishers.noBody()).build(), HttpResponse.BodyHandlers.discarding())
                .statusCode();
    }

    /** Completes an upload of one part to {@code key}; its segment, which tester3 can read now. */
    private static String completedSegmentTester3Reads(String bucket, String key) throws Exception {
        String uploadId = startUpload(bucket, key);
        complete(bucket, key, uploadId);
        String segment = segmentsOf(bucket, uploadId).get(0);
        assertTester3Reads(bucket, segment);
        return segment;
    }

    /** A new bucket whose read ACL, set directly in Swift, names tester3. */
    private String bucketTester3MayRead() throws Exception {
        String bucket = uniqueBucket();
        s3().createBucket(b -> b.bucket(bucket));
        swift().containers().post(bucket, SwiftHeaders.of("X-Container-Read", S3TestGateway.TESTER3));
        return bucket;
    }

    @Test
    void revokingReadThroughTheGatewaysSwiftApiRevokesItOnTheSegmentsToo() throws Exception {
        String bucket = uniqueBucket();
        s3().createBucket(b -> b.bucket(bucket));
        assertEquals(204, nativePost(bucket, "X-Container-Read", S3TestGateway.TESTER3));
        String segment = completedSegmentTester3Reads(bucket, "k");

        assertEquals(204, nativePost(bucket, "X-Remove-Container-Read", "1"));

        assertTester3IsRefused(bucket, segment);
        assertNull(swift().containers().head(bucket + "_segments").header("X-Container-Read"));
    }

    @Test
    void aRevocationMadeDirectlyInSwiftReachesTheSegmentsWithTheNextCreateMultipartUpload() throws Exception {
        String bucket = bucketTester3MayRead();
        String segment = completedSegmentTester3Reads(bucket, "k");

        swift().containers().post(bucket, SwiftHeaders.of("X-Remove-Container-Read", "1"));
        s3().createMultipartUpload(b -> b.bucket(bucket).key("next"));

        assertTester3IsRefused(bucket, segment);
    }

    @Test
    void aRevocationMadeDirectlyInSwiftReachesTheSegmentsWithTheNextComplete() throws Exception {
        String bucket = bucketTester3MayRead();
        String segment = completedSegmentTester3Reads(bucket, "first");
        String second = startUpload(bucket, "second");

        swift().containers().post(bucket, SwiftHeaders.of("X-Remove-Container-Read", "1"));
        complete(bucket, "second", second);

        assertTester3IsRefused(bucket, segment);
        assertTester3IsRefused(bucket, segmentsOf(bucket, second).get(0));
    }
}
