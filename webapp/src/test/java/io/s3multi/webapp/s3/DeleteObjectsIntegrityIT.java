package io.s3multi.webapp.s3;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.s3multi.swift.SwiftHeaders;
import io.s3multi.swift.error.SwiftHttpStatusException;
import java.lang.management.ManagementFactory;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.time.Clock;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.zip.CRC32;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.core.sync.RequestBody;
import software.amazon.awssdk.http.SdkHttpMethod;
import software.amazon.awssdk.http.SdkHttpRequest;
import software.amazon.awssdk.http.auth.aws.signer.AwsV4FamilyHttpSigner;
import software.amazon.awssdk.http.auth.spi.signer.SignedRequest;
import software.amazon.awssdk.services.s3.model.ObjectIdentifier;

/**
 * DeleteObjects' integrity check, with hand-made requests: only a value the body is checked against (Content-MD5
 * or an {@code x-amz-checksum-<algorithm>}) satisfies it, a wrong one is BadDigest, and either way nothing is
 * deleted. And the threads deletes run on are shared and bounded, not made per request.
 */
class DeleteObjectsIntegrityIT extends S3IntegrationTest {

    private static final String MISSING_CHECK = "Missing required header for this request: Content-MD5 OR x-amz-checksum-*";

    private static String deleteDocument(String... keys) {
        var xml = new StringBuilder("<Delete xmlns=\"http://s3.amazonaws.com/doc/2006-03-01/\">");
        for (String key : keys) {
            xml.append("<Object><Key>").append(key).append("</Key></Object>");
        }
        return xml.append("</Delete>").toString();
    }

    /** POST ?delete with the given extra headers, payload signed (x-amz-content-sha256 is a hash, not a check). */
    private static RawResponse deleteObjects(String bucket, String xml, Map<String, String> headers) {
        byte[] body = xml.getBytes(StandardCharsets.UTF_8);
        var request = SdkHttpRequest.builder().method(SdkHttpMethod.POST).uri(gateway().endpoint())
                .encodedPath("/" + bucket).putRawQueryParameter("delete", (String) null)
                .putHeader("Content-Length", Integer.toString(body.length))
                .putHeader("Content-Type", "application/xml");
        headers.forEach(request::putHeader);
        SignedRequest signed = RawS3.sign(request.build(), body, Clock.systemUTC(),
                o -> o.putProperty(AwsV4FamilyHttpSigner.PAYLOAD_SIGNING_ENABLED, true));
        return RawS3.send(gateway().port(), signed.request(), body, body.length, true);
    }

    private String bucketWithKeep() {
        String bucket = uniqueBucket();
        s3().createBucket(b -> b.bucket(bucket));
        s3().putObject(b -> b.bucket(bucket).key("keep"), RequestBody.fromString("still here"));
        return bucket;
    }

    private static void assertStillInSwift(String bucket) throws Exception {
        assertEquals(200, swift().objects().head(bucket, "keep", SwiftHeaders.empty()).status());
    }

    private static String base64(byte[] bytes) {
        return Base64.getEncoder().encodeToString(bytes);
    }

    private static String crc32(byte[] bytes) {
        var crc = new CRC32();
        crc.update(bytes);
        long value = crc.getValue();
        return base64(new byte[] {(byte) (value >>> 24), (byte) (value >>> 16), (byte) (value >>> 8), (byte) value});
    }

    @Test
    void checksumHeadersWithoutAValueDoNotCountAsAnIntegrityCheck() throws Exception {
        String bucket = bucketWithKeep();
        for (Map<String, String> headers : List.of(Map.of("x-amz-checksum-type", "FULL_OBJECT"),
                Map.of("x-amz-sdk-checksum-algorithm", "CRC32"), Map.<String, String>of())) {
            RawResponse refused = deleteObjects(bucket, deleteDocument("keep"), headers);
            assertEquals(400, refused.status(), headers + ": " + refused);
            assertEquals("InvalidRequest", refused.errorCode(), headers + ": " + refused);
            assertTrue(refused.body().contains("<Message>" + MISSING_CHECK + "</Message>"), refused.body());
            assertStillInSwift(bucket);
        }
    }

    @Test
    void aContentMd5OrChecksumThatDoesNotMatchTheBodyIsBadDigestAndDeletesNothing() throws Exception {
        String bucket = bucketWithKeep();
        byte[] other = "not the body".getBytes(StandardCharsets.UTF_8);
        for (Map<String, String> headers : List.of(
                Map.of("Content-MD5", base64(MessageDigest.getInstance("MD5").digest(other))),
                Map.of("x-amz-checksum-crc32", crc32(other), "x-amz-sdk-checksum-algorithm", "CRC32"),
                Map.of("x-amz-checksum-sha256", base64(MessageDigest.getInstance("SHA-256").digest(other))))) {
            RawResponse refused = deleteObjects(bucket, deleteDocument("keep"), headers);
            assertEquals(400, refused.status(), headers + ": " + refused);
            assertEquals("BadDigest", refused.errorCode(), headers + ": " + refused);
            assertStillInSwift(bucket);
        }
    }

    @Test
    void aMatchingChecksumOfAnyAlgorithmDeletes() throws Exception {
        String bucket = bucketWithKeep();
        String xml = deleteDocument("keep");
        byte[] body = xml.getBytes(StandardCharsets.UTF_8);
        RawResponse deleted = deleteObjects(bucket, xml,
                Map.of("x-amz-checksum-sha1", base64(MessageDigest.getInstance("SHA-1").digest(body))));
        assertEquals(200, deleted.status(), deleted.toString());
        var gone = org.junit.jupiter.api.Assertions.assertThrows(SwiftHttpStatusException.class,
                () -> swift().objects().head(bucket, "keep", SwiftHeaders.empty()));
        assertEquals(404, gone.status());
    }

    @Test
    void requestsAfterRequestReuseTheSameBoundedDeleteThreads() throws Exception {
        String bucket = uniqueBucket();
        s3().createBucket(b -> b.bucket(bucket));
        List<ObjectIdentifier> keys = new ArrayList<>();
        for (int i = 0; i < 16; i++) {
            keys.add(ObjectIdentifier.builder().key("k" + i).build());
        }
        s3().deleteObjects(b -> b.bucket(bucket).delete(d -> d.objects(keys)));   // warm up the shared threads
        long startedBefore = ManagementFactory.getThreadMXBean().getTotalStartedThreadCount();
        for (int request = 0; request < 20; request++) {
            assertEquals(16, s3().deleteObjects(b -> b.bucket(bucket).delete(d -> d.objects(keys))).deleted().size());
        }
        long started = ManagementFactory.getThreadMXBean().getTotalStartedThreadCount() - startedBefore;
        // A pool per request started 8 threads for each of the 20 requests; shared threads are reused.
        assertTrue(started < 40, started + " threads started for 20 DeleteObjects");
    }
}
