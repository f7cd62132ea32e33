package io.s3multi.webapp.s3;

import static java.nio.charset.StandardCharsets.ISO_8859_1;
import static java.nio.charset.StandardCharsets.UTF_8;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.s3multi.swift.SwiftHeaders;
import io.s3multi.swift.SwiftReply;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.net.Socket;
import java.time.Clock;
import java.time.Duration;
import java.util.Base64;
import java.util.List;
import java.util.Locale;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.core.sync.RequestBody;
import software.amazon.awssdk.http.SdkHttpMethod;
import software.amazon.awssdk.http.SdkHttpRequest;
import software.amazon.awssdk.services.s3.model.CompletedPart;
import software.amazon.awssdk.services.s3.model.S3Exception;

/**
 * PutObject details that real clients trip on (issue 14): a body sent {@code Transfer-Encoding: chunked} without a
 * length, UTF-8 metadata as botocore sends it, the client's spelling of {@code Content-Encoding}, and conditional
 * writes ({@code If-Match}, {@code If-None-Match}) on PutObject and CompleteMultipartUpload; each checked against
 * what Swift stored.
 */
class PutObjectDetailsIT extends S3IntegrationTest {

    private static final byte[] FIRST = "first version of the object".getBytes(UTF_8);
    private static final byte[] SECOND = "second version".getBytes(UTF_8);

    // ---- Transfer-Encoding: chunked without Content-Length ----

    @Test
    void aPlainChunkedPutWithoutLengthIsStreamedAndStored() throws Exception {
        String bucket = ObjectTests.createBucket(this, swift());
        byte[] payload = new PatternStream(300_001).readAllBytes();

        RawResponse answer = sendChunked("/" + bucket + "/chunked", payload, payload, 65_536);

        assertEquals(200, answer.status(), answer.toString());
        assertEquals("\"" + md5Hex(payload) + "\"", answer.header("ETag"));
        SwiftReply stored = swift().objects().head(bucket, "chunked", SwiftHeaders.empty());
        assertEquals(payload.length, stored.contentLength());
        assertArrayEquals(payload, ObjectTests.readDirectly(swift(), bucket, "chunked"));
    }

    @Test
    void curlUploadingFromAPipeToAPresignedUrlIsStored() throws Exception {
        String bucket = ObjectTests.createBucket(this, swift());
        var put = presigner().presignPutObject(p -> p.signatureDuration(Duration.ofMinutes(5))
                .putObjectRequest(o -> o.bucket(bucket).key("piped")));

        // curl sends a body read from stdin with Transfer-Encoding: chunked and no Content-Length.
        ToolResult piped = tools().run(List.of(S3Tools.CURL, "-sS", "-i", "-T", "-", put.url().toString()),
                "read from a pipe");

        assertTrue(piped.stdout().contains("HTTP/1.1 200 OK"), piped.describe());
        assertArrayEquals("read from a pipe".getBytes(UTF_8), ObjectTests.readDirectly(swift(), bucket, "piped"));
    }

    @Test
    void aChunkedPutWhoseBodyDoesNotMatchItsSignedHashStoresNothing() throws Exception {
        String bucket = ObjectTests.createBucket(this, swift());
        byte[] signed = new PatternStream(200_000).readAllBytes();
        byte[] sent = signed.clone();
        sent[sent.length - 1] ^= 1;

        RawResponse answer = sendChunked("/" + bucket + "/bad", signed, sent, 50_000);

        assertEquals(400, answer.status(), answer.toString());
        assertEquals("XAmzContentSHA256Mismatch", answer.errorCode(), answer.toString());
        ObjectTests.assertNotInSwift(swift(), bucket, "bad");
    }

    @Test
    void aChunkedUploadPartIsRefusedAsAwsRefusesIt() throws Exception {
        String bucket = ObjectTests.createBucket(this, swift());
        String uploadId = s3().createMultipartUpload(b -> b.bucket(bucket).key("mp")).uploadId();
        byte[] payload = new PatternStream(10_000).readAllBytes();

        RawResponse answer = sendChunked("/" + bucket + "/mp?partNumber=1&uploadId=" + uploadId, payload, payload,
                4_000);

        assertEquals(501, answer.status(), answer.toString());
        assertEquals("NotImplemented", answer.errorCode(), answer.toString());
        assertTrue(answer.body().contains("<Header>Transfer-Encoding</Header>"), answer.body());
        assertTrue(s3().listParts(b -> b.bucket(bucket).key("mp").uploadId(uploadId)).parts().isEmpty());
        s3().abortMultipartUpload(b -> b.bucket(bucket).key("mp").uploadId(uploadId));
    }

    @Test
    void aChunkedNativeSwiftPutStillPassesThrough() throws Exception {
        String bucket = ObjectTests.createBucket(this, swift());
        ToolResult auth = tools().curl("-H", "X-Auth-User: test:tester", "-H", "X-Auth-Key: testing",
                uri("/auth/v1.0").toString());
        String token = auth.stdout().lines().filter(line -> line.toLowerCase(Locale.ROOT).startsWith("x-auth-token:"))
                .findFirst().orElseThrow(() -> new AssertionError(auth.describe())).substring(13).trim();

        // curl sends a body read from stdin with Transfer-Encoding: chunked.
        ToolResult put = tools().run(List.of(S3Tools.CURL, "-sS", "-i", "-T", "-", "-H", "X-Auth-Token: " + token,
                uri("/v1/AUTH_test/" + bucket + "/native").toString()), "native chunked body");

        assertTrue(put.stdout().contains("HTTP/1.1 201 Created"), put.describe());
        assertArrayEquals("native chunked body".getBytes(UTF_8), ObjectTests.readDirectly(swift(), bucket, "native"));
    }

    /**
     * A PUT signed (SigV4, signed payload hash) over {@code signedPayload}, sent with
     * {@code Transfer-Encoding: chunked} and no {@code Content-Length}, carrying {@code sentPayload} in chunks of
     * {@code chunkSize}.
     */
    private RawResponse sendChunked(String pathAndQuery, byte[] signedPayload, byte[] sentPayload, int chunkSize)
            throws IOException {
        int query = pathAndQuery.indexOf('?');
        SdkHttpRequest.Builder request = SdkHttpRequest.builder().method(SdkHttpMethod.PUT)
                .uri(gateway().endpoint())
                .encodedPath(query < 0 ? pathAndQuery : pathAndQuery.substring(0, query));
        if (query >= 0) {
            for (String pair : pathAndQuery.substring(query + 1).split("&")) {
                String[] nameValue = pair.split("=", 2);
                request.appendRawQueryParameter(nameValue[0], nameValue[1]);
            }
        }
        var signed = RawS3.sign(request.build(), signedPayload, Clock.systemUTC(), options -> { });
        String head = new String(RawS3.head(signed.request(), -1), ISO_8859_1)
                .replace("Connection: close\r\n", "Transfer-Encoding: chunked\r\nConnection: close\r\n");
        var body = new ByteArrayOutputStream();
        for (int at = 0; at < sentPayload.length; at += chunkSize) {
            int size = Math.min(chunkSize, sentPayload.length - at);
            body.write((Integer.toHexString(size) + "\r\n").getBytes(ISO_8859_1));
            body.write(sentPayload, at, size);
            body.write("\r\n".getBytes(ISO_8859_1));
        }
        body.write("0\r\n\r\n".getBytes(ISO_8859_1));
        try (var socket = new Socket("127.0.0.1", gateway().port())) {
            socket.setSoTimeout(60_000);
            OutputStream out = socket.getOutputStream();
            out.write(head.getBytes(ISO_8859_1));
            out.write(body.toByteArray());
            out.flush();
            return RawS3.read(socket.getInputStream());
        }
    }

    // ---- UTF-8 metadata ----

    @Test
    void utf8MetadataFromBotocoreIsSignedAsSentAndReturnedAsAwsReturnsIt() throws Exception {
        String bucket = ObjectTests.createBucket(this, swift());
        String encoded = "=?UTF-8?B?" + Base64.getEncoder().encodeToString("Grüße ✓".getBytes(UTF_8)) + "?=";

        // Debian's botocore refuses non-ASCII metadata before sending; without that check (newer botocore dropped
        // it) it sends the value as raw UTF-8 bytes and signs their UTF-8 text, with SigV4 and with SigV2.
        ToolResult result = tools().boto3(String.join("\n",
                "import email.header",
                "from botocore import handlers",
                "B = '" + bucket + "'",
                "for version, key in (('s3v4', 'v4'), ('s3', 'v2')):",
                "    s3 = s3_client(signature_version=version)",
                "    s3.meta.events.unregister('before-parameter-build.s3.PutObject',",
                "                              handlers.validate_ascii_metadata)",
                "    s3.put_object(Bucket=B, Key=key, Body=b'x', Metadata={'name': 'Grüße ✓', 'plain': 'ascii'})",
                "    got = s3.head_object(Bucket=B, Key=key)['Metadata']",
                "    expect(got['name'] == '" + encoded + "', got)",
                "    expect(got['plain'] == 'ascii', got)",
                "    word, charset = email.header.decode_header(got['name'])[0]",
                "    expect(word.decode(charset) == 'Grüße ✓', word, charset)",
                "s3 = s3_client()",
                "s3.meta.events.unregister('before-parameter-build.s3.CreateMultipartUpload',",
                "                          handlers.validate_ascii_metadata)",
                "up = s3.create_multipart_upload(Bucket=B, Key='mp', Metadata={'name': 'Grüße ✓'})['UploadId']",
                "e = s3.upload_part(Bucket=B, Key='mp', UploadId=up, PartNumber=1, Body=b'part')['ETag']",
                "s3.complete_multipart_upload(Bucket=B, Key='mp', UploadId=up,",
                "                             MultipartUpload={'Parts': [{'PartNumber': 1, 'ETag': e}]})",
                "got = s3.head_object(Bucket=B, Key='mp')['Metadata']",
                "expect(got['name'] == '" + encoded + "', got)",
                "print('ok')"));

        result.requireSuccess();
        assertEquals("ok", result.stdout().strip(), result.describe());
        for (String key : List.of("v4", "v2", "mp")) {
            SwiftReply stored = swift().objects().head(bucket, key, SwiftHeaders.empty());
            assertEquals(encoded, stored.header("X-Object-Meta-Name"));
        }
        for (String key : List.of("v4", "v2")) {
            assertEquals("ascii", swift().objects().head(bucket, key, SwiftHeaders.empty())
                    .header("X-Object-Meta-Plain"));
        }
    }

    // ---- Content-Encoding next to aws-chunked ----

    @Test
    void contentEncodingKeepsTheClientsSpellingOnceAwsChunkedIsRemoved() throws Exception {
        String bucket = ObjectTests.createBucket(this, swift());

        // The SDK's default upload is aws-chunked, which it adds to the client's Content-Encoding.
        s3().putObject(b -> b.bucket(bucket).key("enc").contentEncoding("deflate, gzip"), RequestBody.fromBytes(FIRST));

        assertEquals("deflate, gzip", swift().objects().head(bucket, "enc", SwiftHeaders.empty())
                .header("Content-Encoding"));
        assertEquals("deflate, gzip", s3().headObject(b -> b.bucket(bucket).key("enc")).contentEncoding());
    }

    // ---- conditional writes ----

    @Test
    void putWithIfMatchReplacesOnlyTheObjectWithThatEtag() throws Exception {
        String bucket = ObjectTests.createBucket(this, swift());
        String etag = s3().putObject(b -> b.bucket(bucket).key("k"), RequestBody.fromBytes(FIRST)).eTag();

        S3Exception stale = assertThrows(S3Exception.class, () -> s3().putObject(
                b -> b.bucket(bucket).key("k").ifMatch("\"0123456789abcdef0123456789abcdef\""),
                RequestBody.fromBytes(SECOND)));
        assertEquals(412, stale.statusCode());
        assertEquals("PreconditionFailed", stale.awsErrorDetails().errorCode());
        assertArrayEquals(FIRST, ObjectTests.readDirectly(swift(), bucket, "k"));

        s3().putObject(b -> b.bucket(bucket).key("k").ifMatch(etag), RequestBody.fromBytes(SECOND));
        assertArrayEquals(SECOND, ObjectTests.readDirectly(swift(), bucket, "k"));
    }

    @Test
    void putWithIfMatchOnAMissingKeyIsNoSuchKeyAndStoresNothing() throws Exception {
        String bucket = ObjectTests.createBucket(this, swift());

        S3Exception missing = assertThrows(S3Exception.class, () -> s3().putObject(
                b -> b.bucket(bucket).key("absent").ifMatch("\"0123456789abcdef0123456789abcdef\""),
                RequestBody.fromBytes(SECOND)));

        assertEquals(404, missing.statusCode());
        assertEquals("NoSuchKey", missing.awsErrorDetails().errorCode());
        ObjectTests.assertNotInSwift(swift(), bucket, "absent");
    }

    @Test
    void completeWithAFailedConditionKeepsTheUploadForARetry() throws Exception {
        String bucket = ObjectTests.createBucket(this, swift());
        String etag = s3().putObject(b -> b.bucket(bucket).key("table"), RequestBody.fromBytes(FIRST)).eTag();
        String uploadId = s3().createMultipartUpload(b -> b.bucket(bucket).key("table")).uploadId();
        String partEtag = s3().uploadPart(b -> b.bucket(bucket).key("table").uploadId(uploadId).partNumber(1),
                RequestBody.fromBytes(SECOND)).eTag();
        List<CompletedPart> parts = List.of(CompletedPart.builder().partNumber(1).eTag(partEtag).build());

        S3Exception exists = assertThrows(S3Exception.class, () -> s3().completeMultipartUpload(b -> b.bucket(bucket)
                .key("table").uploadId(uploadId).ifNoneMatch("*").multipartUpload(m -> m.parts(parts))));
        assertEquals(412, exists.statusCode());
        S3Exception stale = assertThrows(S3Exception.class, () -> s3().completeMultipartUpload(b -> b.bucket(bucket)
                .key("table").uploadId(uploadId).ifMatch("\"0123456789abcdef0123456789abcdef\"")
                .multipartUpload(m -> m.parts(parts))));
        assertEquals(412, stale.statusCode());
        assertEquals("PreconditionFailed", stale.awsErrorDetails().errorCode());
        assertArrayEquals(FIRST, ObjectTests.readDirectly(swift(), bucket, "table"));
        assertEquals(1, s3().listParts(b -> b.bucket(bucket).key("table").uploadId(uploadId)).parts().size());

        s3().completeMultipartUpload(b -> b.bucket(bucket).key("table").uploadId(uploadId).ifMatch(etag)
                .multipartUpload(m -> m.parts(parts)));
        assertArrayEquals(SECOND, ObjectTests.readDirectly(swift(), bucket, "table"));
    }

    @Test
    void completeWithIfMatchOnAMissingKeyIsNoSuchKey() throws Exception {
        String bucket = ObjectTests.createBucket(this, swift());
        String uploadId = s3().createMultipartUpload(b -> b.bucket(bucket).key("new")).uploadId();
        String partEtag = s3().uploadPart(b -> b.bucket(bucket).key("new").uploadId(uploadId).partNumber(1),
                RequestBody.fromBytes(SECOND)).eTag();

        S3Exception missing = assertThrows(S3Exception.class, () -> s3().completeMultipartUpload(b -> b.bucket(bucket)
                .key("new").uploadId(uploadId).ifMatch("\"0123456789abcdef0123456789abcdef\"")
                .multipartUpload(m -> m.parts(CompletedPart.builder().partNumber(1).eTag(partEtag).build()))));

        assertEquals(404, missing.statusCode());
        assertEquals("NoSuchKey", missing.awsErrorDetails().errorCode());
        ObjectTests.assertNotInSwift(swift(), bucket, "new");
        s3().abortMultipartUpload(b -> b.bucket(bucket).key("new").uploadId(uploadId));
    }

    private static String md5Hex(byte[] bytes) throws Exception {
        return java.util.HexFormat.of().formatHex(java.security.MessageDigest.getInstance("MD5").digest(bytes));
    }
}
