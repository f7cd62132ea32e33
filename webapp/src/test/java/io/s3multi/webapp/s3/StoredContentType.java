package io.s3multi.webapp.s3;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Clock;
import java.time.Duration;
import software.amazon.awssdk.core.sync.RequestBody;
import software.amazon.awssdk.http.SdkHttpMethod;
import software.amazon.awssdk.services.s3.S3Client;

/**
 * A Content-Type with parameters comes back byte for byte as stored, through S3 GET and HEAD and through the native
 * Swift API: servlet containers respell such values ({@code text/plain; charset=UTF-8} as
 * {@code text/plain;charset=utf-8} in Jetty, {@code text/plain;charset=UTF-8} in Tomcat) unless the gateway keeps
 * them. Raw sockets and the JDK's client read the header as sent.
 */
public final class StoredContentType {

    /** Spelled as no container would: a space before the parameter, the charset in capitals. */
    public static final String SPELLED = "text/plain; charset=UTF-8";

    private StoredContentType() {
    }

    /** Stores {@code key} in {@code bucket} with {@link #SPELLED} through S3 and reads the header back three ways. */
    public static void assertComesBackAsStored(S3Client s3, URI endpoint, String bucket, String key)
            throws Exception {
        s3.putObject(b -> b.bucket(bucket).key(key).contentType(SPELLED), RequestBody.fromString("spelled"));

        for (SdkHttpMethod method : new SdkHttpMethod[] {SdkHttpMethod.GET, SdkHttpMethod.HEAD}) {
            var request = RawS3.get(endpoint, "/" + bucket + "/" + key).toBuilder().method(method).build();
            var signed = RawS3.sign(request, null, Clock.systemUTC(), o -> { });
            RawResponse answer = RawS3.send(endpoint.getPort(), signed.request(), new byte[0], -1, false);
            assertEquals(200, answer.status(), answer.toString());
            assertEquals(SPELLED, answer.header("Content-Type"), "S3 " + method);
        }

        HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(30)).build();
        HttpResponse<Void> auth = http.send(HttpRequest.newBuilder(endpoint.resolve("/auth/v1.0"))
                .header("X-Auth-User", S3TestGateway.TESTER).header("X-Auth-Key", S3TestGateway.TESTER_KEY)
                .timeout(Duration.ofSeconds(30)).build(), HttpResponse.BodyHandlers.discarding());
        assertEquals(200, auth.statusCode());
        String storageUrl = auth.headers().firstValue("X-Storage-Url").orElseThrow();
        String token = auth.headers().firstValue("X-Auth-Token").orElseThrow();
        HttpResponse<String> swift = http.send(HttpRequest.newBuilder(URI.create(storageUrl + "/" + bucket + "/" + key))
                .header("X-Auth-Token", token).timeout(Duration.ofSeconds(30)).build(),
                HttpResponse.BodyHandlers.ofString());
        assertEquals(200, swift.statusCode(), swift.body());
        assertEquals("spelled", swift.body());
        assertEquals(SPELLED, swift.headers().firstValue("Content-Type").orElseThrow(), "native Swift GET");
    }
}
