package io.s3multi.webapp.s3.access;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.s3multi.swift.SwiftHeaders;
import io.s3multi.webapp.s3.PostForms;
import io.s3multi.webapp.s3.S3IntegrationTest;
import io.s3multi.webapp.s3.S3TestGateway;
import java.io.InputStream;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.s3.model.BucketCannedACL;

/**
 * An unsigned browser form (PostObject without a policy or a signature) is an anonymous PutObject: a bucket whose
 * ACL grants AllUsers WRITE, or whose policy allows {@code "*"} to {@code s3:PutObject}, stores the file; a private
 * bucket answers {@code AccessDenied} and stores nothing, neither in the bucket nor in {@code <bucket>_segments}.
 */
class AnonymousPostObjectIT extends S3IntegrationTest {

    private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10)).build();

    @Test
    void aPublicWriteBucketTakesAnUnsignedFormAndAPrivateOneRefusesIt() throws Exception {
        String publicWrite = uniqueBucket();
        s3().createBucket(b -> b.bucket(publicWrite));
        s3().putBucketAcl(b -> b.bucket(publicWrite).acl(BucketCannedACL.PUBLIC_READ_WRITE));
        String policyOpen = uniqueBucket();
        s3().createBucket(b -> b.bucket(policyOpen));
        s3().putBucketPolicy(b -> b.bucket(policyOpen).policy("{\"Version\": \"2012-10-17\", \"Statement\": [{"
                + "\"Effect\": \"Allow\", \"Principal\": \"*\", \"Action\": \"s3:PutObject\","
                + " \"Resource\": \"arn:aws:s3:::" + policyOpen + "/drop/*\"}]}"));
        String closed = uniqueBucket();
        s3().createBucket(b -> b.bucket(closed));
        byte[] file = PostForms.pattern(64 * 1024);

        for (String bucket : List.of(publicWrite, policyOpen)) {
            HttpResponse<String> stored = post(bucket, "drop/${filename}", file);
            assertEquals(204, stored.statusCode(), bucket + ": " + stored.body());
            assertArrayEquals(file, read(bucket, "drop/note.bin"), bucket);
            assertEquals(List.of("drop/note.bin"), S3TestGateway.objectNames(swift(), bucket));
        }

        HttpResponse<String> outsideThePolicy = post(policyOpen, "elsewhere/${filename}", file);
        assertEquals(403, outsideThePolicy.statusCode());
        HttpResponse<String> refused = post(closed, "drop/${filename}", file);
        assertEquals(403, refused.statusCode());
        assertTrue(refused.body().contains("<Code>AccessDenied</Code>"), refused.body());
        assertEquals(List.of("drop/note.bin"), S3TestGateway.objectNames(swift(), policyOpen));
        assertEquals(List.of(), S3TestGateway.objectNames(swift(), closed));
        assertEquals(List.of(), S3TestGateway.objectNames(swift(), closed + "_segments"));
    }

    /** The form a browser sends from a page without any credentials: key, type, the file; no policy, no signature. */
    private static HttpResponse<String> post(String bucket, String key, byte[] file) throws Exception {
        Map<String, String> fields = new LinkedHashMap<>();
        fields.put("key", key);
        fields.put("Content-Type", "application/octet-stream");
        byte[] body = PostForms.browserBody(PostForms.BOUNDARY, fields, "note.bin", file);
        return HTTP.send(HttpRequest.newBuilder(uri("/" + bucket)).timeout(Duration.ofSeconds(30))
                        .header("Content-Type", "multipart/form-data; boundary=" + PostForms.BOUNDARY)
                        .POST(HttpRequest.BodyPublishers.ofByteArray(body)).build(),
                HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
    }

    private static byte[] read(String bucket, String key) throws Exception {
        try (var got = swift().objects().get(bucket, key, SwiftHeaders.empty()); InputStream in = got.body()) {
            return in.readAllBytes();
        }
    }
}
