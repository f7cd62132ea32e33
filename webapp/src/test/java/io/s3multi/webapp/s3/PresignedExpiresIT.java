package io.s3multi.webapp.s3;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import java.nio.charset.StandardCharsets;
import java.util.Base64;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.core.sync.RequestBody;

/**
 * SigV2 presigned URLs whose {@code Expires} lies beyond what a date type holds: before anyone is authenticated, so
 * none of them may end in a {@code 500}. A far-future expiry is valid (S3 compares the number with its clock), a
 * far-past one has expired, and a wrong signature is still a wrong signature.
 */
class PresignedExpiresIT extends S3IntegrationTest {

    private static final String LONG_MAX = "9223372036854775807";
    private static final String LONG_MIN = "-9223372036854775808";

    @Test
    void aFarFutureExpiryServesTheObject() throws Exception {
        String bucket = uniqueBucket();
        s3().createBucket(b -> b.bucket(bucket));
        s3().putObject(b -> b.bucket(bucket).key("k.txt"), RequestBody.fromString("until the end of time"));

        RawResponse answer = get(bucket, "k.txt", LONG_MAX, signature(bucket, "k.txt", LONG_MAX));

        assertEquals(200, answer.status(), answer.toString());
        assertEquals("until the end of time", answer.body());
    }

    @Test
    void aFarFutureExpiryWithAWrongSignatureIsSignatureDoesNotMatch() throws Exception {
        String bucket = uniqueBucket();
        s3().createBucket(b -> b.bucket(bucket));

        RawResponse answer = get(bucket, "k.txt", LONG_MAX, "d3Jvbmc=");

        assertEquals(403, answer.status(), answer.toString());
        assertEquals("SignatureDoesNotMatch", answer.errorCode());
        assertFalse(answer.body().contains("Exception"), answer.body());
    }

    @Test
    void aFarPastExpiryHasExpired() throws Exception {
        String bucket = uniqueBucket();
        s3().createBucket(b -> b.bucket(bucket));

        RawResponse answer = get(bucket, "k.txt", LONG_MIN, signature(bucket, "k.txt", LONG_MIN));

        assertEquals(403, answer.status(), answer.toString());
        assertEquals("AccessDenied", answer.errorCode());
    }

    private static RawResponse get(String bucket, String key, String expires, String signature) {
        var request = RawS3.get(gateway().endpoint(), "/" + bucket + "/" + key).toBuilder()
                .putRawQueryParameter("AWSAccessKeyId", S3TestGateway.TESTER)
                .putRawQueryParameter("Expires", expires)
                .putRawQueryParameter("Signature", signature)
                .build();
        return RawS3.send(gateway().port(), request, new byte[0], -1, true);
    }

    /** SigV2 of a presigned GET: HMAC-SHA1 over "GET\n\n\n{Expires}\n/{bucket}/{key}" with the secret. */
    private static String signature(String bucket, String key, String expires) throws Exception {
        Mac mac = Mac.getInstance("HmacSHA1");
        mac.init(new SecretKeySpec(S3TestGateway.TESTER_KEY.getBytes(StandardCharsets.UTF_8), "HmacSHA1"));
        String stringToSign = "GET\n\n\n" + expires + "\n/" + bucket + "/" + key;
        return Base64.getEncoder().encodeToString(mac.doFinal(stringToSign.getBytes(StandardCharsets.UTF_8)));
    }
}
