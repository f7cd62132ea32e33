package io.s3multi.webapp.s3.multipart;

import io.s3multi.webapp.s3.RawResponse;
import io.s3multi.webapp.s3.RawS3;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.checksums.DefaultChecksumAlgorithm;
import software.amazon.awssdk.checksums.spi.ChecksumAlgorithm;
import software.amazon.awssdk.core.sync.RequestBody;
import software.amazon.awssdk.http.SdkHttpRequest;
import software.amazon.awssdk.http.auth.aws.signer.AwsV4FamilyHttpSigner;
import software.amazon.awssdk.http.auth.spi.signer.SignedRequest;
import software.amazon.awssdk.services.s3.model.CompletedPart;
import software.amazon.awssdk.services.s3.model.S3Exception;
import software.amazon.awssdk.services.s3.model.UploadPartRequest;

import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.util.Arrays;
import java.util.Base64;
import java.util.List;
import java.util.function.Consumer;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * UploadPart with a body that does not match what the request says of it (a wrong Content-MD5, a wrong CRC32 or
 * CRC32C header, a changed checksum trailer, a tampered aws-chunked chunk or chunk signature) or that is
 * cut off (aws-chunked or plain, shorter than its Content-Length): each is answered with AWS's error as S3 XML,
 * {@code <bucket>_segments} holds nothing but the upload's marker afterwards (listed in the real Swift), and
 * the same part number uploaded right then completes the upload with exactly its bytes. Bodies of 300 KiB, so
 * the gateway is well into the segment's PUT when it finds out.
 */
class MultipartCorruptPartIT extends MultipartIntegrationTest {

    private static final int SIZE = 300 * 1024;
    private static final String WRONG_MD5 = Base64.getEncoder().encodeToString(new byte[16]);
    private static final Pattern CHUNK_SIGNATURE = Pattern.compile(";chunk-signature=([0-9a-f]{64})");

    @Test
    void aWrongContentMd5IsBadDigest() throws Exception {
        assertTheSdksPartIsBadDigest(part -> part.contentMD5(WRONG_MD5));
    }

    @Test
    void aWrongCrc32HeaderIsBadDigest() throws Exception {
        assertTheSdksPartIsBadDigest(part -> part.checksumCRC32("AAAAAA=="));
    }

    @Test
    void aWrongCrc32cHeaderIsBadDigest() throws Exception {
        assertTheSdksPartIsBadDigest(part -> part.checksumCRC32C("AAAAAA=="));
    }

    /** Part 1 sent by the SDK with {@code wrong} digest headers: BadDigest, then a good part completes. */
    private void assertTheSdksPartIsBadDigest(Consumer<UploadPartRequest.Builder> wrong) throws Exception {
        String bucket = bucket();
        String uploadId = upload(bucket);
        S3Exception refused = s3Error(() -> s3().uploadPart(b -> wrong.accept(b.bucket(bucket).key("k")
                .uploadId(uploadId).partNumber(1)), RequestBody.fromBytes(randomBytes(SIZE, 1))));
        assertEquals(400, refused.statusCode(), refused.toString());
        assertEquals("BadDigest", refused.awsErrorDetails().errorCode(), refused.toString());
        assertNothingButTheMarkerThenAGoodPartCompletes(bucket, uploadId);
    }

    /**
     * The SDK's signer signs the trailer too over plain HTTP (payload signing cannot be turned off there), so a
     * trailer whose CRC32 or CRC32C was changed on the way fails its trailer signature.
     */
    @Test
    void aChangedCrc32OrCrc32cTrailerIsSignatureDoesNotMatch() throws Exception {
        String bucket = bucket();
        String uploadId = upload(bucket);
        for (ChecksumAlgorithm algorithm : List.of(DefaultChecksumAlgorithm.CRC32,
                DefaultChecksumAlgorithm.CRC32C)) {
            SignedRequest signed = chunked(bucket, uploadId, randomBytes(SIZE, 4), false, algorithm);
            String wire = new String(RawS3.body(signed), StandardCharsets.ISO_8859_1);
            String trailer = "x-amz-checksum-" + algorithm.algorithmId().toLowerCase() + ":";
            int value = wire.indexOf(trailer) + trailer.length();
            assertTrue(value > trailer.length() && wire.contains("x-amz-trailer-signature:"),
                    wire.substring(Math.max(0, wire.length() - 300)));
            // Same length, another value: the trailer's checksum no longer matches the bytes nor its signature.
            String wrong = wire.substring(0, value) + "AAAAAA==" + wire.substring(value + 8);
            assertNotEquals(wire, wrong);
            assertRefused(send(signed, wrong.getBytes(StandardCharsets.ISO_8859_1)), 403, "SignatureDoesNotMatch");
            assertEquals(1, segmentNames(bucket).size(), "only the marker after " + algorithm);
        }
        assertNothingButTheMarkerThenAGoodPartCompletes(bucket, uploadId);
    }

    @Test
    void aTamperedAwsChunkedChunkIsSignatureDoesNotMatch() throws Exception {
        String bucket = bucket();
        String uploadId = upload(bucket);
        SignedRequest signed = chunked(bucket, uploadId, randomBytes(SIZE, 5), true,
                DefaultChecksumAlgorithm.CRC32);
        byte[] wire = RawS3.body(signed);
        int firstChunkData = new String(wire, StandardCharsets.ISO_8859_1).indexOf("\r\n") + 2;
        wire[firstChunkData + 1000] ^= 0x01;
        assertRefused(send(signed, wire), 403, "SignatureDoesNotMatch");
        assertNothingButTheMarkerThenAGoodPartCompletes(bucket, uploadId);
    }

    @Test
    void aTamperedAwsChunkedChunkSignatureIsSignatureDoesNotMatch() throws Exception {
        String bucket = bucket();
        String uploadId = upload(bucket);
        SignedRequest signed = chunked(bucket, uploadId, randomBytes(SIZE, 6), true,
                DefaultChecksumAlgorithm.CRC32);
        String wire = new String(RawS3.body(signed), StandardCharsets.ISO_8859_1);
        Matcher second = CHUNK_SIGNATURE.matcher(wire);
        assertTrue(second.find() && second.find(), "more than one chunk: " + wire.length());
        // The second chunk's signature, one hex digit changed: its bytes are fine, its signature is not.
        char digit = wire.charAt(second.start(1));
        String tampered = wire.substring(0, second.start(1)) + (digit == '0' ? '1' : '0')
                + wire.substring(second.start(1) + 1);
        assertRefused(send(signed, tampered.getBytes(StandardCharsets.ISO_8859_1)), 403, "SignatureDoesNotMatch");
        assertNothingButTheMarkerThenAGoodPartCompletes(bucket, uploadId);
    }

    @Test
    void aTruncatedAwsChunkedBodyIsIncompleteBody() throws Exception {
        String bucket = bucket();
        String uploadId = upload(bucket);
        SignedRequest signed = chunked(bucket, uploadId, randomBytes(SIZE, 7), true,
                DefaultChecksumAlgorithm.CRC32);
        byte[] wire = RawS3.body(signed);
        // The client stops in the middle of a chunk and closes its side.
        RawResponse answer = RawS3.send(gateway().port(), signed.request(), Arrays.copyOf(wire, wire.length / 2),
                wire.length, true);
        assertRefused(answer, 400, "IncompleteBody");
        assertNothingButTheMarkerThenAGoodPartCompletes(bucket, uploadId);
    }

    @Test
    void aBodyShorterThanItsContentLengthIsIncompleteBody() throws Exception {
        String bucket = bucket();
        String uploadId = upload(bucket);
        byte[] payload = randomBytes(SIZE, 8);
        SignedRequest signed = RawS3.sign(part(bucket, uploadId, payload.length), payload, Clock.systemUTC(),
                o -> o.putProperty(AwsV4FamilyHttpSigner.PAYLOAD_SIGNING_ENABLED, false));
        RawResponse answer = RawS3.send(gateway().port(), signed.request(), Arrays.copyOf(payload, SIZE - 1000),
                payload.length, true);
        assertRefused(answer, 400, "IncompleteBody");
        assertNothingButTheMarkerThenAGoodPartCompletes(bucket, uploadId);
    }

    private String upload(String bucket) {
        return s3().createMultipartUpload(b -> b.bucket(bucket).key("k")).uploadId();
    }

    private static SdkHttpRequest part(String bucket, String uploadId, long length) {
        return RawS3.put(gateway().endpoint(), "/" + bucket + "/k", length).toBuilder()
                .putRawQueryParameter("partNumber", "1").putRawQueryParameter("uploadId", uploadId).build();
    }

    /** Part 1 as aws-chunked with a checksum trailer, its chunks signed or not, by the SDK's own signer. */
    private static SignedRequest chunked(String bucket, String uploadId, byte[] payload, boolean signedChunks,
            ChecksumAlgorithm checksum) {
        return RawS3.sign(part(bucket, uploadId, payload.length), payload, Clock.systemUTC(), o -> o
                .putProperty(AwsV4FamilyHttpSigner.PAYLOAD_SIGNING_ENABLED, signedChunks)
                .putProperty(AwsV4FamilyHttpSigner.CHUNK_ENCODING_ENABLED, true)
                .putProperty(AwsV4FamilyHttpSigner.CHECKSUM_ALGORITHM, checksum));
    }

    private static RawResponse send(SignedRequest signed, byte[] wire) {
        return RawS3.send(gateway().port(), signed.request(), wire, wire.length, true);
    }

    /** The status, the S3 XML error document and its code. */
    private static void assertRefused(RawResponse answer, int status, String code) {
        assertEquals(status, answer.status(), answer.toString());
        assertTrue(answer.header("content-type") != null && answer.header("content-type").contains("xml"),
                answer.toString());
        assertTrue(answer.body().contains("<Error>"), answer.toString());
        assertEquals(code, answer.errorCode(), answer.toString());
    }

    /**
     * {@code <bucket>_segments} holds the upload's marker and nothing else (no part attempt, no claim); the same
     * part number uploaded now, and the upload completed, give an object of exactly those bytes.
     */
    private static void assertNothingButTheMarkerThenAGoodPartCompletes(String bucket, String uploadId)
            throws Exception {
        List<String> segments = segmentNames(bucket);
        assertEquals(1, segments.size(), "only the marker: " + segments);
        assertTrue(segments.get(0).startsWith("uploads/") && segments.get(0).endsWith(uploadId), segments.get(0));

        byte[] good = randomBytes(SIZE, 99);
        String eTag = s3().uploadPart(b -> b.bucket(bucket).key("k").uploadId(uploadId).partNumber(1),
                RequestBody.fromBytes(good)).eTag();
        assertEquals("\"" + md5Hex(good) + "\"", eTag);
        String completed = s3().completeMultipartUpload(b -> b.bucket(bucket).key("k").uploadId(uploadId)
                .multipartUpload(m -> m.parts(CompletedPart.builder().partNumber(1).eTag(eTag).build()))).eTag();
        assertEquals(multipartEtag(good), completed);
        assertArrayEquals(good, s3().getObjectAsBytes(b -> b.bucket(bucket).key("k")).asByteArray());
        assertEquals(List.of("parts/" + uploadId + "/00001"), withoutAttempts(segmentNames(bucket)));
    }
}
