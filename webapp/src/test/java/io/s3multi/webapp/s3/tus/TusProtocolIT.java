package io.s3multi.webapp.s3.tus;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.s3multi.webapp.s3.S3TestGateway;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.zip.CRC32;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.core.ResponseBytes;
import software.amazon.awssdk.services.s3.model.GetObjectResponse;

/** Every tus 1.0.0 rule the tus stage serves, with raw HTTP against the dev Swift; what Swift stored checked. */
class TusProtocolIT {

    private static S3TestGateway gateway;
    private static TusHttp tus;
    private final List<String> buckets = new ArrayList<>();

    @BeforeAll
    static void start() throws Exception {
        gateway = S3TestGateway.start(TusHttp.configuration());
        tus = new TusHttp(gateway.endpoint());
    }

    @AfterAll
    static void stop() throws Exception {
        gateway.close();
    }

    @AfterEach
    void deleteBuckets() {
        buckets.forEach(gateway::deleteBucketDirectly);
    }

    private String bucket() {
        String bucket = S3TestGateway.uniqueBucket();
        buckets.add(bucket);
        gateway.s3().createBucket(b -> b.bucket(bucket));
        return bucket;
    }

    private byte[] object(String bucket, String key) {
        ResponseBytes<GetObjectResponse> got = gateway.s3().getObjectAsBytes(b -> b.bucket(bucket).key(key));
        return got.asByteArray();
    }

    private List<String> segmentsStored(String bucket) throws Exception {
        return S3TestGateway.objectNames(gateway.swift(), bucket + "_segments");
    }

    /** What a terminated upload leaves: nothing but its abort's trace, for the sweeper. */
    private void assertOnlyAbortTraces(String bucket) throws Exception {
        List<String> left = segmentsStored(bucket);
        assertTrue(!left.isEmpty() && left.stream().allMatch(name -> name.startsWith("aborts/")), left::toString);
    }

    private static String b64(String value) {
        return Base64.getEncoder().encodeToString(value.getBytes(StandardCharsets.UTF_8));
    }

    @Test
    void optionsAnswersDiscoveryWithoutCredentials() {
        HttpResponse<String> options = tus.request("OPTIONS", "/tus/any-bucket/", Map.of(), null);

        assertEquals(204, options.statusCode());
        assertEquals("1.0.0", TusHttp.header(options, "Tus-Resumable"));
        assertEquals("1.0.0", TusHttp.header(options, "Tus-Version"));
        assertEquals("creation,creation-with-upload,"
                + "creation-defer-length,termination,concatenation,checksum,expiration",
                TusHttp.header(options, "Tus-Extension"));
        assertEquals("5497558138880", TusHttp.header(options, "Tus-Max-Size"));
        assertEquals("sha1,md5,crc32", TusHttp.header(options, "Tus-Checksum-Algorithm"));
    }

    @Test
    void anotherVersionIs412WithTusVersion() {
        String bucket = bucket();
        HttpResponse<String> refused = tus.createSigned(bucket, TusHttp.headers("Tus-Resumable", "0.2.2",
                "Upload-Length", "5"), new byte[0]);

        assertEquals(412, refused.statusCode());
        assertEquals("1.0.0", TusHttp.header(refused, "Tus-Version"));
        assertEquals("1.0.0", TusHttp.header(refused, "Tus-Resumable"));
    }

    @Test
    void anOpenTusUploadIsListedAsAMultipartUploadWithItsInitiator() {
        String bucket = bucket();
        String url = tus.create(bucket, 11, TusHttp.headers("Upload-Metadata", "filename " + b64("open.txt")));
        String path = java.net.URI.create(url).getPath();
        // the URL's last segment is the multipart upload id, then the capability that proves it (docs/TUS.md)
        String uploadId = path.substring(path.lastIndexOf('/') + 1).split("\\.")[0];

        var uploads = gateway.s3().listMultipartUploads(b -> b.bucket(bucket)).uploads();

        assertEquals(1, uploads.size(), String.valueOf(uploads));
        assertEquals("open.txt", uploads.get(0).key());
        assertEquals(uploadId, uploads.get(0).uploadId());
        // who created it, as for an S3 CreateMultipartUpload: the user's ARN, and the account as owner
        assertEquals("arn:aws:iam::AUTH_test:user/tester", uploads.get(0).initiator().id());
        assertEquals("AUTH_test", uploads.get(0).owner().id());
    }

    @Test
    void uploadInTwoPatchesBecomesTheObjectAndLeavesNothingBehind() throws Exception {
        String bucket = bucket();
        String url = tus.create(bucket, 11, TusHttp.headers("Upload-Metadata",
                "filename " + b64("docs/hello.txt") + ",filetype " + b64("text/plain") + ",color " + b64("blue")));
        assertTrue((url).startsWith(gateway.endpoint() + "/tus/" + bucket + "/"), url);

        HttpResponse<String> fresh = tus.head(url);
        assertEquals(200, fresh.statusCode());
        assertEquals(0L, TusHttp.offset(fresh));
        assertEquals("11", TusHttp.header(fresh, "Upload-Length"));
        assertEquals("no-store", TusHttp.header(fresh, "Cache-Control"));
        String metadata = TusHttp.header(fresh, "Upload-Metadata");
        assertTrue(metadata.contains("filename " + b64("docs/hello.txt")), metadata);
        assertTrue((TusHttp.header(fresh, "Upload-Expires")).endsWith("GMT"), TusHttp.header(fresh, "Upload-Expires"));

        HttpResponse<String> first = tus.patch(url, 0, "hello".getBytes(StandardCharsets.UTF_8));
        assertEquals(204, first.statusCode());
        assertEquals(5L, TusHttp.offset(first));
        assertEquals("1.0.0", TusHttp.header(first, "Tus-Resumable"));

        HttpResponse<String> wrongOffset = tus.patch(url, 3, "lo world".getBytes(StandardCharsets.UTF_8));
        assertEquals(409, wrongOffset.statusCode());
        assertEquals(5L, TusHttp.offset(tus.head(url)));

        HttpResponse<String> last = tus.patch(url, 5, " world".getBytes(StandardCharsets.UTF_8));
        assertEquals(204, last.statusCode());
        assertEquals(11L, TusHttp.offset(last));

        assertEquals("hello world", new String(object(bucket, "docs/hello.txt"), StandardCharsets.UTF_8));
        var head = gateway.s3().headObject(b -> b.bucket(bucket).key("docs/hello.txt"));
        assertEquals("text/plain", head.contentType());
        assertEquals("blue", (head.metadata()).get("color"));
        // the object's two segments, nothing else: no marker, no claim, no discarded attempt
        assertEquals(2, (segmentsStored(bucket)).size(), String.valueOf(segmentsStored(bucket)));
        List<String> stored = segmentsStored(bucket);
        assertTrue(stored.stream().allMatch(name -> name.startsWith("parts/")), String.valueOf(stored));
        HttpResponse<String> done = tus.head(url);
        assertEquals(200, done.statusCode());
        assertEquals(11L, TusHttp.offset(done));
        assertEquals("11", TusHttp.header(done, "Upload-Length"));
    }

    @Test
    void patchNeedsItsContentType() {
        String url = tus.create(bucket(), 3, Map.of());
        HttpResponse<String> refused = tus.patch(url, 0, "abc".getBytes(StandardCharsets.UTF_8),
                TusHttp.headers("Content-Type", "application/octet-stream"));
        assertEquals(415, refused.statusCode());
    }

    @Test
    void creationWithUploadStoresTheFirstBytes() throws Exception {
        String bucket = bucket();
        HttpResponse<String> created = tus.createSigned(bucket, TusHttp.headers("Tus-Resumable", "1.0.0",
                "Upload-Length", "6", "Content-Type", "application/offset+octet-stream",
                "Upload-Metadata", "filename " + b64("with-upload")), "abc".getBytes(StandardCharsets.UTF_8));
        assertEquals(201, created.statusCode());
        assertEquals(3L, TusHttp.offset(created));
        String url = TusHttp.header(created, "Location");

        assertEquals(204, tus.patch(url, 3, "def".getBytes(StandardCharsets.UTF_8)).statusCode());
        assertEquals("abcdef", new String(object(bucket, "with-upload"), StandardCharsets.UTF_8));
    }

    @Test
    void deferredLengthIsFixedByALaterPatch() throws Exception {
        String bucket = bucket();
        HttpResponse<String> created = tus.createSigned(bucket, TusHttp.headers("Tus-Resumable", "1.0.0",
                "Upload-Defer-Length", "1", "Upload-Metadata", "filename " + b64("deferred")), new byte[0]);
        assertEquals(201, created.statusCode());
        String url = TusHttp.header(created, "Location");
        HttpResponse<String> head = tus.head(url);
        assertEquals("1", TusHttp.header(head, "Upload-Defer-Length"));
        assertNull(TusHttp.header(head, "Upload-Length"));

        assertEquals(204, tus.patch(url, 0, "1234".getBytes(StandardCharsets.UTF_8)).statusCode());
        HttpResponse<String> last = tus.patch(url, 4, "56".getBytes(StandardCharsets.UTF_8),
                TusHttp.headers("Upload-Length", "6"));
        assertEquals(204, last.statusCode());
        assertEquals("123456", new String(object(bucket, "deferred"), StandardCharsets.UTF_8));
    }

    @Test
    void creationNeedsALength() {
        HttpResponse<String> refused = tus.createSigned(bucket(), TusHttp.headers("Tus-Resumable", "1.0.0"),
                new byte[0]);
        assertEquals(400, refused.statusCode());
    }

    @Test
    void creationAboveTheMaximumIs413() {
        HttpResponse<String> refused = tus.createSigned(bucket(), TusHttp.headers("Tus-Resumable", "1.0.0",
                "Upload-Length", "5497558138881"), new byte[0]);
        assertEquals(413, refused.statusCode());
    }

    @Test
    void unsignedCreationIsRefused() {
        HttpResponse<String> refused = tus.request("POST", "/tus/" + bucket() + "/",
                TusHttp.headers("Upload-Length", "3"), new byte[0]);
        assertEquals(401, refused.statusCode());
    }

    @Test
    void presignedCreationWorks() {
        String bucket = bucket();
        HttpResponse<String> created = tus.createPresigned(bucket, TusHttp.headers("Tus-Resumable", "1.0.0",
                "Upload-Length", "2"));
        assertEquals(201, created.statusCode());
        String url = TusHttp.header(created, "Location");
        assertFalse((url).contains("X-Amz"), url);
        assertEquals(204, tus.patch(url, 0, "ok".getBytes(StandardCharsets.UTF_8)).statusCode());
    }

    @Test
    void aTamperedUrlIsNoUpload() {
        String url = tus.create(bucket(), 3, Map.of());
        String other = url.substring(0, url.length() - 3) + (url.endsWith("AAA") ? "BBB" : "AAA");
        assertEquals(404, tus.head(other).statusCode());
        assertEquals(404, tus.patch(other, 0, "abc".getBytes(StandardCharsets.UTF_8)).statusCode());
    }

    @Test
    void terminationDeletesEverything() throws Exception {
        String bucket = bucket();
        String url = tus.create(bucket, 10, Map.of());
        assertEquals(204, tus.patch(url, 0, "12345".getBytes(StandardCharsets.UTF_8)).statusCode());
        assertEquals(2, (segmentsStored(bucket)).size(), String.valueOf(segmentsStored(bucket)));

        HttpResponse<String> deleted = tus.request("DELETE", url, Map.of(), null);

        assertEquals(204, deleted.statusCode());
        assertEquals(404, tus.head(url).statusCode());
        assertEquals(404, tus.patch(url, 5, "67890".getBytes(StandardCharsets.UTF_8)).statusCode());
        assertOnlyAbortTraces(bucket);
    }

    @Test
    void methodOverrideStandsForPatchAndDelete() throws Exception {
        String bucket = bucket();
        String url = tus.create(bucket, 4, Map.of());
        HttpResponse<String> patched = tus.request("POST", url, TusHttp.headers("X-HTTP-Method-Override", "PATCH",
                "Upload-Offset", "0", "Content-Type", "application/offset+octet-stream"),
                "ab".getBytes(StandardCharsets.UTF_8));
        assertEquals(204, patched.statusCode());
        assertEquals(2L, TusHttp.offset(patched));
        assertEquals(204, tus.request("POST", url, TusHttp.headers("X-HTTP-Method-Override", "DELETE"), new byte[0])
                .statusCode());
        assertOnlyAbortTraces(bucket);
    }

    @Test
    void checksumMismatchIs460AndKeepsNothingOfTheChunk() throws Exception {
        String bucket = bucket();
        String url = tus.create(bucket, 8, TusHttp.headers("Upload-Metadata", "filename " + b64("summed")));
        byte[] first = "abcd".getBytes(StandardCharsets.UTF_8);
        String sha1 = Base64.getEncoder().encodeToString(MessageDigest.getInstance("SHA-1").digest(first));
        assertEquals(204, tus.patch(url, 0, first, TusHttp.headers("Upload-Checksum", "sha1 " + sha1)).statusCode());
        List<String> before = segmentsStored(bucket);

        byte[] second = "efgh".getBytes(StandardCharsets.UTF_8);
        HttpResponse<String> mismatch = tus.patch(url, 4, second, TusHttp.headers("Upload-Checksum", "sha1 " + sha1));

        assertEquals(460, mismatch.statusCode());
        assertEquals(4L, TusHttp.offset(tus.head(url)));
        assertEquals(before, segmentsStored(bucket));

        String md5 = Base64.getEncoder().encodeToString(MessageDigest.getInstance("MD5").digest(second));
        HttpResponse<String> md5Wrong = tus.patch(url, 4, "efgX".getBytes(StandardCharsets.UTF_8),
                TusHttp.headers("Upload-Checksum", "md5 " + md5));
        assertEquals(460, md5Wrong.statusCode());
        assertEquals(before, segmentsStored(bucket));

        CRC32 crc = new CRC32();
        crc.update(second);
        String crc32 = Base64.getEncoder().encodeToString(java.nio.ByteBuffer.allocate(4)
                .putInt((int) crc.getValue()).array());
        assertEquals(204, tus.patch(url, 4, second, TusHttp.headers("Upload-Checksum", "crc32 " + crc32)).statusCode());
        assertEquals("abcdefgh", new String(object(bucket, "summed"), StandardCharsets.UTF_8));
    }

    @Test
    void unknownChecksumAlgorithmIs400() {
        String url = tus.create(bucket(), 2, Map.of());
        HttpResponse<String> refused = tus.patch(url, 0, "ab".getBytes(StandardCharsets.UTF_8),
                TusHttp.headers("Upload-Checksum", "sha256 AAAA"));
        assertEquals(400, refused.statusCode());
    }

    @Test
    void aPatchPastTheLengthIs413AndStoresNothing() throws Exception {
        String bucket = bucket();
        String url = tus.create(bucket, 3, Map.of());
        assertEquals(413, tus.patch(url, 0, "abcd".getBytes(StandardCharsets.UTF_8)).statusCode());
        assertEquals(1, (segmentsStored(bucket)).size(), String.valueOf(segmentsStored(bucket)));   // the marker only
    }

    @Test
    void anEmptyUploadIsAnEmptyObject() {
        String bucket = bucket();
        tus.create(bucket, 0, TusHttp.headers("Upload-Metadata", "filename " + b64("empty")));
        assertEquals(0, object(bucket, "empty").length);
    }

    @Test
    void corsFromTheBucketsConfigurationCoversTus() {
        String bucket = bucket();
        gateway.s3().putBucketCors(b -> b.bucket(bucket).corsConfiguration(c -> c.corsRules(r -> r
                .allowedOrigins("https://page.example").allowedMethods("POST", "PUT", "HEAD", "DELETE")
                .allowedHeaders("*").exposeHeaders("ETag"))));

        HttpResponse<String> preflight = tus.request("OPTIONS", "/tus/" + bucket + "/x", TusHttp.headers(
                "Origin", "https://page.example", "Access-Control-Request-Method", "PATCH",
                "Access-Control-Request-Headers", "tus-resumable,upload-offset,content-type"), null);
        assertEquals(200, preflight.statusCode());
        assertEquals("https://page.example", TusHttp.header(preflight, "Access-Control-Allow-Origin"));
        assertTrue(TusHttp.header(preflight, "Access-Control-Allow-Methods").contains("PATCH"));
        assertEquals("tus-resumable, upload-offset, content-type",
                TusHttp.header(preflight, "Access-Control-Allow-Headers"));

        HttpResponse<String> created = tus.createSigned(bucket, TusHttp.headers("Tus-Resumable", "1.0.0",
                "Upload-Length", "1", "Origin", "https://page.example"), new byte[0]);
        assertEquals(201, created.statusCode());
        String exposed = TusHttp.header(created, "Access-Control-Expose-Headers");
        for (String name : List.of("ETag", "Location", "Upload-Offset", "Upload-Length", "Upload-Metadata",
                "Upload-Expires", "Tus-Resumable")) {
            assertTrue(exposed.contains(name), exposed);
        }
        HttpResponse<String> head = tus.request("HEAD", TusHttp.header(created, "Location"),
                TusHttp.headers("Origin", "https://page.example"), null);
        assertEquals("https://page.example", TusHttp.header(head, "Access-Control-Allow-Origin"));

        HttpResponse<String> otherOrigin = tus.request("OPTIONS", "/tus/" + bucket + "/x", TusHttp.headers(
                "Origin", "https://evil.example", "Access-Control-Request-Method", "PATCH"), null);
        assertEquals(403, otherOrigin.statusCode());
    }

    @Test
    void aSecondPatchWhileTheFirstRunsIsRefusedAndNothingIsCorrupted() throws Exception {
        String bucket = bucket();
        int piece = 1 << 20;
        byte[] bytes = new byte[2 * piece + 8];
        new java.util.Random(18).nextBytes(bytes);
        String url = tus.create(bucket, bytes.length, TusHttp.headers("Upload-Metadata", "filename " + b64("raced")));
        java.net.URI target = java.net.URI.create(url);
        try (var first = new java.net.Socket("127.0.0.1", target.getPort())) {
            first.setSoTimeout(60_000);
            var out = first.getOutputStream();
            out.write(("PATCH " + target.getRawPath() + " HTTP/1.1\r\nHost: 127.0.0.1\r\nTus-Resumable: 1.0.0\r\n"
                    + "Content-Type: application/offset+octet-stream\r\nUpload-Offset: 0\r\n"
                    + "Content-Length: " + bytes.length + "\r\n\r\n").getBytes(StandardCharsets.US_ASCII));
            out.write(bytes, 0, piece + 4);
            out.flush();
            // Once its first piece is stored, the first PATCH is certainly at work (and holds the upload).
            long deadline = System.nanoTime() + java.util.concurrent.TimeUnit.SECONDS.toNanos(60);
            while (TusHttp.offset(tus.head(url)) < piece) {
                assertTrue(System.nanoTime() < deadline, "the first piece never showed");
                Thread.onSpinWait();
            }
            HttpResponse<String> second = tus.patch(url, piece, java.util.Arrays.copyOfRange(bytes, piece,
                    bytes.length));
            assertEquals(423, second.statusCode(), second.body());

            out.write(bytes, piece + 4, bytes.length - piece - 4);
            out.flush();
            String answer = new String(first.getInputStream().readNBytes(12), StandardCharsets.US_ASCII);
            assertEquals("HTTP/1.1 204", answer);
        }
        org.junit.jupiter.api.Assertions.assertArrayEquals(bytes, object(bucket, "raced"));
        assertEquals(3, segmentsStored(bucket).size(), String.valueOf(segmentsStored(bucket)));
    }
}
