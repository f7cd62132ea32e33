package io.s3multi.webapp.s3;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.s3multi.swift.container.ListingQuery;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.http.SdkHttpRequest;

/**
 * A key that is not UTF-8 is {@code 400 InvalidURI} "Couldn't parse the specified URI.", as AWS answers, whether
 * its bytes arrive escaped ({@code %FF}) or raw on the wire, and nothing is stored. No SDK sends such a key, so the
 * requests are hand-made ({@link RawS3}).
 */
class NonUtf8PathIT extends S3IntegrationTest {

    /** What Jetty decodes a raw 0xFF to; the signature is made for this name, as the gateway used to read it. */
    private static final String REPLACED = "%EF%BF%BD";

    @Test
    void rawBytesThatAreNotUtf8AreInvalidUriAndStoreNothing() throws Exception {
        String bucket = uniqueBucket();
        s3().createBucket(b -> b.bucket(bucket));
        byte[] payload = "never stored".getBytes(StandardCharsets.UTF_8);

        // The head is written as ISO-8859-1, so U+00FF goes out as the single byte 0xFF.
        RawResponse put = sendWithRawPath(RawS3.put(gateway().endpoint(), "/" + bucket + "/k" + REPLACED,
                payload.length), payload, "/" + bucket + "/k\u00FF");
        assertInvalidUri(put);
        RawResponse get = sendWithRawPath(RawS3.get(gateway().endpoint(), "/" + bucket + "/" + REPLACED), null,
                "/" + bucket + "/\u00FF");
        assertInvalidUri(get);

        assertTrue(swift().containers().listObjects(bucket, ListingQuery.all()).entries().isEmpty(),
                "nothing stored in Swift");
    }

    @Test
    void escapedBytesThatAreNotUtf8AreInvalidUri() {
        String bucket = uniqueBucket();
        s3().createBucket(b -> b.bucket(bucket));
        SdkHttpRequest get = RawS3.get(gateway().endpoint(), "/" + bucket + "/%FF");
        assertInvalidUri(RawS3.send(gateway().port(), RawS3.sign(get, null, Clock.systemUTC(), o -> { }).request(),
                new byte[0], 0, false));
    }

    private static RawResponse sendWithRawPath(SdkHttpRequest request, byte[] payload, String rawPath) {
        SdkHttpRequest signed = RawS3.sign(request, payload, Clock.systemUTC(), o -> { }).request();
        byte[] body = payload == null ? new byte[0] : payload;
        return RawS3.send(gateway().port(), signed.toBuilder().encodedPath(rawPath).build(), body, body.length,
                false);
    }

    private static void assertInvalidUri(RawResponse answer) {
        assertEquals(400, answer.status(), answer.toString());
        assertEquals("InvalidURI", answer.errorCode(), answer.toString());
        assertTrue(answer.body().contains("<Message>Couldn&apos;t parse the specified URI.</Message>"),
                answer.body());
    }
}
