package io.s3multi.webapp.s3;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.s3multi.filters.proxylogging.AccessRecord;
import io.s3multi.filters.proxylogging.ProxyLoggingFilter;
import io.s3multi.s3.auth.ChunkSignatureChain;
import io.s3multi.s3.auth.CredentialScope;
import io.s3multi.s3.auth.SecretAccessKey;
import io.s3multi.s3.auth.SignedRequestParser;
import io.s3multi.s3.auth.SigningKey;
import io.s3multi.s3.http.RequestHead;
import io.s3multi.swift.container.ListingQuery;
import io.s3multi.swift.container.ObjectEntry;
import io.s3multi.swift.error.SwiftHttpStatusException;
import java.io.ByteArrayOutputStream;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.time.Clock;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.core.sync.RequestBody;
import software.amazon.awssdk.http.SdkHttpMethod;
import software.amazon.awssdk.http.SdkHttpRequest;
import software.amazon.awssdk.http.auth.aws.signer.AwsV4FamilyHttpSigner;
import software.amazon.awssdk.http.auth.aws.signer.AwsV4HttpSigner;
import software.amazon.awssdk.http.auth.spi.signer.SignedRequest;
import software.amazon.awssdk.services.s3.model.S3Exception;
import software.amazon.awssdk.services.s3.presigner.model.PresignedGetObjectRequest;

/**
 * Malformed or hostile requests that used to end in {@code 500 InternalError}, in Jetty's HTML error page or in
 * silent acceptance: each gets the S3 error AWS gives, as S3 XML, and Swift is left without a trace of it.
 */
class MalformedRequestsIT extends S3IntegrationTest {

    private static final HttpClient HTTP = HttpClient.newHttpClient();
    private static final Pattern SIGNATURE = Pattern.compile("Signature=([0-9a-f]{64})");

    // ---- item 11: aws-chunked trailers and chunk sizes, short parts ----

    @Test
    void aTrailerOtherThanTheDeclaredOneIsMalformedTrailerErrorAndStoresNothing() throws Exception {
        String bucket = uniqueBucket();
        s3().createBucket(b -> b.bucket(bucket));
        byte[] payload = bytes(3000);
        for (boolean signedPayload : List.of(true, false)) {
            SignedRequest signed = RawS3.signChunkedWithCrc32Trailer(gateway().endpoint(), "/" + bucket + "/k",
                    payload, signedPayload);
            String wire = new String(RawS3.body(signed), StandardCharsets.ISO_8859_1);
            assertTrue(wire.contains("x-amz-checksum-crc32:"), wire);
            // Same length (Content-Length is signed): the trailer names SHA-1 where CRC32 was declared.
            byte[] otherTrailer = wire.replace("x-amz-checksum-crc32:", "x-amz-checksum-sha1: ")
                    .getBytes(StandardCharsets.ISO_8859_1);

            RawResponse answer = RawS3.send(gateway().port(), signed.request(), otherTrailer, otherTrailer.length,
                    true);

            assertEquals(400, answer.status(), answer.toString());
            assertEquals("MalformedTrailerError", answer.errorCode(), answer.toString());
        }
        assertEquals(List.of(), names(bucket));
    }

    @Test
    void aSignedChunkUnder8KiBBeforeTheLastIsInvalidChunkSizeErrorAndStoresNothing() throws Exception {
        String bucket = uniqueBucket();
        s3().createBucket(b -> b.bucket(bucket));
        byte[] payload = bytes(20_000);
        List<Integer> chunks = List.of(1000, 19_000);
        long wireLength = signedChunkedLength(chunks);
        SdkHttpRequest signed = signedStreamingPut("/" + bucket + "/k", payload.length, wireLength);
        byte[] body = signedChunks(signed, payload, chunks);
        assertEquals(wireLength, body.length);

        RawResponse answer = RawS3.send(gateway().port(), signed, body, body.length, true);

        assertEquals(403, answer.status(), answer.toString());
        assertEquals("InvalidChunkSizeError", answer.errorCode(), answer.toString());
        assertTrue(answer.body().contains("<BadChunkSize>1000</BadChunkSize>"), answer.body());
        assertEquals(List.of(), names(bucket));
    }

    @Test
    void anUploadPartShorterThanItsContentLengthIsIncompleteBodyAndLeavesNoSegment() throws Exception {
        String bucket = uniqueBucket();
        s3().createBucket(b -> b.bucket(bucket));
        String uploadId = s3().createMultipartUpload(b -> b.bucket(bucket).key("k")).uploadId();
        byte[] payload = bytes(10_000);
        SdkHttpRequest part = RawS3.put(gateway().endpoint(), "/" + bucket + "/k", payload.length).toBuilder()
                .putRawQueryParameter("partNumber", "1").putRawQueryParameter("uploadId", uploadId).build();
        SignedRequest signed = RawS3.sign(part, payload, Clock.systemUTC(),
                o -> o.putProperty(AwsV4FamilyHttpSigner.PAYLOAD_SIGNING_ENABLED, false));

        RawResponse answer = RawS3.send(gateway().port(), signed.request(), Arrays.copyOf(payload, 4000),
                payload.length, true);

        assertEquals(400, answer.status(), answer.toString());
        assertEquals("IncompleteBody", answer.errorCode(), answer.toString());
        List<String> segments = names(bucket + "_segments");
        assertTrue(segments.stream().noneMatch(name -> name.startsWith("parts/")), segments.toString());
        assertEquals(1, segments.size(), "only the upload's marker: " + segments);
    }

    @Test
    void aClientThatDisconnectsMidUploadPartIsA499AndLeavesNoSegment() throws Exception {
        String bucket = uniqueBucket();
        s3().createBucket(b -> b.bucket(bucket));
        String uploadId = s3().createMultipartUpload(b -> b.bucket(bucket).key("k")).uploadId();
        byte[] payload = bytes(2_000_000);
        SdkHttpRequest part = RawS3.put(gateway().endpoint(), "/" + bucket + "/k", payload.length).toBuilder()
                .putRawQueryParameter("partNumber", "1").putRawQueryParameter("uploadId", uploadId).build();
        SignedRequest signed = RawS3.sign(part, payload, Clock.systemUTC(),
                o -> o.putProperty(AwsV4FamilyHttpSigner.PAYLOAD_SIGNING_ENABLED, false));
        var records = new java.util.concurrent.LinkedBlockingQueue<AccessRecord>();
        java.util.function.Consumer<AccessRecord> listener = records::add;
        ProxyLoggingFilter logging = gateway().server().pipeline().filter("proxy_logging", ProxyLoggingFilter.class);
        logging.addListener(listener);
        try {
            try (var socket = new java.net.Socket("127.0.0.1", gateway().port())) {
                var head = new StringBuilder("PUT " + signed.request().encodedPath() + "?"
                        + signed.request().encodedQueryParameters().orElseThrow() + " HTTP/1.1\r\n");
                signed.request().forEachHeader((name, values) -> values.stream()
                        .filter(value -> !name.equalsIgnoreCase("Host"))
                        .forEach(value -> head.append(name).append(": ").append(value).append("\r\n")));
                head.append("Host: 127.0.0.1:").append(gateway().port()).append("\r\n\r\n");
                socket.getOutputStream().write(head.toString().getBytes(StandardCharsets.ISO_8859_1));
                socket.getOutputStream().write(payload, 0, 300_000);
                socket.getOutputStream().flush();
                socket.setSoLinger(true, 0);
            }
            AccessRecord record = records.poll(60, java.util.concurrent.TimeUnit.SECONDS);
            assertTrue(record != null, "no access record");
            assertEquals(499, record.status(), record.toLogLine());
            assertEquals("client-gone", record.note(), record.toLogLine());
        } finally {
            logging.removeListener(listener);
        }
        List<String> segments = names(bucket + "_segments");
        assertTrue(segments.stream().noneMatch(name -> name.startsWith("parts/")), segments.toString());
    }

    // ---- item 12: the credential scope's region ----

    @Test
    void aSignatureForAnotherRegionIsAuthorizationHeaderMalformedAndStoresNothing() throws Exception {
        String bucket = uniqueBucket();
        s3().createBucket(b -> b.bucket(bucket));
        byte[] payload = "hello".getBytes(StandardCharsets.UTF_8);
        for (String region : List.of("eu-west-1", "mars-1")) {
            SignedRequest signed = RawS3.sign(RawS3.put(gateway().endpoint(), "/" + bucket + "/k", payload.length),
                    payload, Clock.systemUTC(), o -> o
                            .putProperty(AwsV4HttpSigner.REGION_NAME, region)
                            .putProperty(AwsV4FamilyHttpSigner.PAYLOAD_SIGNING_ENABLED, true));

            RawResponse answer = RawS3.send(gateway().port(), signed.request(), payload, payload.length, true);

            assertEquals(400, answer.status(), answer.toString());
            assertEquals("AuthorizationHeaderMalformed", answer.errorCode(), answer.toString());
            assertTrue(answer.body().replace("&apos;", "'")
                    .contains("the region '" + region + "' is wrong; expecting 'us-east-1'"), answer.body());
            assertTrue(answer.body().contains("<Region>us-east-1</Region>"), answer.body());
        }
        assertEquals(List.of(), names(bucket));
    }

    @Test
    void aPresignedUrlForAnotherRegionIsAuthorizationQueryParametersError() throws Exception {
        String bucket = uniqueBucket();
        s3().createBucket(b -> b.bucket(bucket));
        s3().putObject(b -> b.bucket(bucket).key("k"), RequestBody.fromString("secret"));
        SdkHttpRequest get = RawS3.get(gateway().endpoint(), "/" + bucket + "/k");
        SignedRequest presigned = RawS3.sign(get, null, Clock.systemUTC(), o -> o
                .putProperty(AwsV4HttpSigner.REGION_NAME, "mars-1")
                .putProperty(AwsV4FamilyHttpSigner.AUTH_LOCATION, AwsV4FamilyHttpSigner.AuthLocation.QUERY_STRING)
                .putProperty(AwsV4FamilyHttpSigner.EXPIRATION_DURATION, Duration.ofMinutes(5))
                .putProperty(AwsV4FamilyHttpSigner.PAYLOAD_SIGNING_ENABLED, false));

        HttpResponse<String> answer = HTTP.send(HttpRequest.newBuilder(presigned.request().getUri()).GET().build(),
                HttpResponse.BodyHandlers.ofString());

        assertEquals(400, answer.statusCode(), answer.body());
        assertTrue(answer.body().contains("<Code>AuthorizationQueryParametersError</Code>"), answer.body());
        assertTrue(answer.body().contains("<Region>us-east-1</Region>"), answer.body());
        assertFalse(answer.body().contains("secret"), answer.body());
    }

    @Test
    void clientsSigningForUsEast1StillWork() throws Exception {
        String bucket = uniqueBucket();
        s3().createBucket(b -> b.bucket(bucket));
        s3().putObject(b -> b.bucket(bucket).key("k"), RequestBody.fromString("fine"));
        PresignedGetObjectRequest presigned = presigner().presignGetObject(p -> p
                .signatureDuration(Duration.ofMinutes(5)).getObjectRequest(g -> g.bucket(bucket).key("k")));
        assertEquals("fine", s3().getObjectAsBytes(b -> b.bucket(bucket).key("k")).asUtf8String());
        assertEquals("fine", HTTP.send(HttpRequest.newBuilder(presigned.url().toURI()).GET().build(),
                HttpResponse.BodyHandlers.ofString()).body());
    }

    // ---- item 14: answers that were not S3 ----

    @Test
    void aKeyWithANulByteIsAnS3ErrorNotAnHtmlPage() throws Exception {
        String bucket = uniqueBucket();
        s3().createBucket(b -> b.bucket(bucket));
        SdkHttpRequest put = RawS3.put(gateway().endpoint(), "/" + bucket + "/a%00b", 1);
        SignedRequest signed = RawS3.sign(put, new byte[] {'x'}, Clock.systemUTC(),
                o -> o.putProperty(AwsV4FamilyHttpSigner.PAYLOAD_SIGNING_ENABLED, true));

        RawResponse answer = RawS3.send(gateway().port(), signed.request(), new byte[] {'x'}, 1, true);

        assertEquals(400, answer.status(), answer.toString());
        assertTrue(answer.body().startsWith("<?xml"), answer.toString());
        assertEquals("InvalidRequest", answer.errorCode(), answer.toString());
        assertEquals(List.of(), names(bucket));
    }

    @Test
    void twoAuthorizationHeadersAreRefusedNotReducedToTheFirst() throws Exception {
        String bucket = uniqueBucket();
        s3().createBucket(b -> b.bucket(bucket));
        byte[] payload = "x".getBytes(StandardCharsets.UTF_8);
        SignedRequest signed = RawS3.sign(RawS3.put(gateway().endpoint(), "/" + bucket + "/k", 1), payload,
                Clock.systemUTC(), o -> o.putProperty(AwsV4FamilyHttpSigner.PAYLOAD_SIGNING_ENABLED, true));
        String authorization = signed.request().firstMatchingHeader("Authorization").orElseThrow();
        SdkHttpRequest doubled = signed.request().toBuilder()
                .appendHeader("Authorization", authorization.replace("test:tester", "test2:tester2")).build();

        RawResponse answer = RawS3.send(gateway().port(), doubled, payload, 1, true);

        assertEquals(400, answer.status(), answer.toString());
        assertEquals("InvalidArgument", answer.errorCode(), answer.toString());
        assertEquals(List.of(), names(bucket));
    }

    @Test
    void aMetadataValueOverSwiftsLimitIsRefusedNamingThatLimit() {
        String bucket = uniqueBucket();
        s3().createBucket(b -> b.bucket(bucket));

        S3Exception refused = assertThrows(S3Exception.class, () -> s3().putObject(b -> b.bucket(bucket).key("k")
                .metadata(java.util.Map.of("long", "v".repeat(300))), RequestBody.fromString("x")));

        assertEquals("MetadataTooLarge", refused.awsErrorDetails().errorCode());
        assertEquals(400, refused.statusCode());
        assertEquals("The value of x-amz-meta-long has 300 bytes; at most 256 bytes per metadata value are stored.",
                refused.awsErrorDetails().errorMessage());
        assertEquals(List.of(), names(bucket));
        // 256 bytes fit, and are returned as sent.
        s3().putObject(b -> b.bucket(bucket).key("k").metadata(java.util.Map.of("long", "v".repeat(256))),
                RequestBody.fromString("x"));
        assertEquals("v".repeat(256), s3().headObject(b -> b.bucket(bucket).key("k")).metadata().get("long"));
    }

    // ---- helpers ----

    private static List<String> names(String container) {
        try {
            return swift().containers().listObjects(container, ListingQuery.all()).entries().stream()
                    .map(ObjectEntry::name).toList();
        } catch (SwiftHttpStatusException e) {
            if (e.status() == 404) {
                return List.of();
            }
            throw new AssertionError(e);
        } catch (Exception e) {
            throw new AssertionError(e);
        }
    }

    /**
     * A PUT with a signed aws-chunked body of chunks the test chooses. The SDK's signer frames bodies itself (128 KiB
     * chunks), so this request is signed here: the gateway's own parser gives the string to sign of the request
     * with a placeholder signature, which the key of test:tester signs.
     */
    private static SdkHttpRequest signedStreamingPut(String path, long decodedLength, long wireLength) {
        java.time.Instant now = Clock.systemUTC().instant();
        String amzDate = java.time.format.DateTimeFormatter.ofPattern("yyyyMMdd'T'HHmmss'Z'")
                .withZone(java.time.ZoneOffset.UTC).format(now);
        var scope = new CredentialScope(amzDate.substring(0, 8), S3TestGateway.REGION, "s3");
        var headers = new java.util.LinkedHashMap<String, List<String>>();
        headers.put("host", List.of("127.0.0.1:" + gateway().port()));
        headers.put("x-amz-date", List.of(amzDate));
        headers.put("x-amz-content-sha256", List.of("STREAMING-AWS4-HMAC-SHA256-PAYLOAD"));
        headers.put("content-encoding", List.of("aws-chunked"));
        headers.put("x-amz-decoded-content-length", List.of(Long.toString(decodedLength)));
        headers.put("content-length", List.of(Long.toString(wireLength)));
        String prefix = "AWS4-HMAC-SHA256 Credential=" + S3TestGateway.TESTER + "/" + scope + ", SignedHeaders="
                + "content-encoding;content-length;host;x-amz-content-sha256;x-amz-date;x-amz-decoded-content-length"
                + ", Signature=";
        headers.put("authorization", List.of(prefix + "0".repeat(64)));
        String stringToSign = SignedRequestParser.parse(new RequestHead("PUT", path, "", headers)).orElseThrow()
                .stringToSign();
        String signature = SigningKey.derive(SecretAccessKey.of(S3TestGateway.TESTER_KEY), scope).sign(stringToSign);
        var request = SdkHttpRequest.builder().method(SdkHttpMethod.PUT).uri(gateway().endpoint()).encodedPath(path);
        headers.forEach((name, values) -> {
            if (!name.equals("host")) {
                request.putHeader(name, values);
            }
        });
        return request.putHeader("authorization", prefix + signature).build();
    }

    /** The wire length of a signed aws-chunked body with these chunks, the final one and no trailer. */
    private static long signedChunkedLength(List<Integer> chunks) {
        long length = 0;
        for (int size : chunks) {
            length += Integer.toHexString(size).length() + ";chunk-signature=".length() + 64 + 2 + size + 2;
        }
        return length + "0;chunk-signature=".length() + 64 + 2 + 2;
    }

    /** A signed aws-chunked body, chained from the request's own signature with test:tester's key. */
    private static byte[] signedChunks(SdkHttpRequest request, byte[] payload, List<Integer> chunks)
            throws Exception {
        String amzDate = request.firstMatchingHeader("x-amz-date").orElseThrow();
        Matcher seed = SIGNATURE.matcher(request.firstMatchingHeader("authorization").orElseThrow());
        assertTrue(seed.find());
        SigningKey key = SigningKey.derive(SecretAccessKey.of(S3TestGateway.TESTER_KEY),
                new CredentialScope(amzDate.substring(0, 8), S3TestGateway.REGION, "s3"));
        var chain = new ChunkSignatureChain(key, amzDate, seed.group(1));
        var out = new ByteArrayOutputStream();
        int offset = 0;
        for (int size : chunks) {
            byte[] chunk = Arrays.copyOfRange(payload, offset, offset + size);
            offset += size;
            out.writeBytes((Integer.toHexString(size) + ";chunk-signature=" + chain.nextChunk(sha256(chunk))
                    + "\r\n").getBytes(StandardCharsets.US_ASCII));
            out.writeBytes(chunk);
            out.writeBytes("\r\n".getBytes(StandardCharsets.US_ASCII));
        }
        out.writeBytes(("0;chunk-signature=" + chain.nextChunk(sha256(new byte[0])) + "\r\n\r\n")
                .getBytes(StandardCharsets.US_ASCII));
        return out.toByteArray();
    }

    private static byte[] bytes(int length) {
        try (var in = new PatternStream(length)) {
            return in.readAllBytes();
        } catch (java.io.IOException e) {
            throw new AssertionError(e);
        }
    }

    private static byte[] sha256(byte[] bytes) throws Exception {
        return MessageDigest.getInstance("SHA-256").digest(bytes);
    }
}
