package io.s3multi.webapp.s3;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.s3multi.swift.SwiftHeaders;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.util.Properties;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.http.SdkHttpMethod;
import software.amazon.awssdk.http.SdkHttpRequest;
import software.amazon.awssdk.http.auth.spi.signer.SignedRequest;

/**
 * Virtual-host style addressing with {@code storage_domain = s3.test}: the bucket comes from the Host header, in
 * every stage that reads S3 requests. Requests are signed for {@code <bucket>.s3.test} and sent to 127.0.0.1, so
 * no name needs to resolve.
 */
class VirtualHostIT {

    private static final String DOMAIN = "s3.test";
    private static final String CONTENT = "found through the host name";

    private static S3TestGateway gateway;
    private String bucket;

    @BeforeAll
    static void start() throws Exception {
        Properties configuration = S3TestGateway.configuration();
        configuration.setProperty("storage_domain", DOMAIN);
        gateway = S3TestGateway.start(configuration);
    }

    @AfterAll
    static void stop() throws Exception {
        gateway.close();
    }

    @AfterEach
    void cleanUp() {
        if (bucket != null) {
            gateway.deleteBucketDirectly(bucket);
        }
    }

    private String bucketWithADocument() throws Exception {
        bucket = S3TestGateway.uniqueBucket();
        gateway.swift().containers().create(bucket, SwiftHeaders.empty());
        gateway.swift().objects().put(bucket, "dir/doc.txt", CONTENT.getBytes(StandardCharsets.UTF_8),
                SwiftHeaders.empty());
        return bucket;
    }

    private static RawResponse get(String host, String encodedPath) {
        SdkHttpRequest request = SdkHttpRequest.builder().method(SdkHttpMethod.GET)
                .uri(URI.create("http://" + host + ":" + gateway.port())).encodedPath(encodedPath).build();
        SignedRequest signed = RawS3.sign(request, null, Clock.systemUTC(), options -> { });
        return RawS3.send(gateway.port(), signed.request(), new byte[0], -1, false);
    }

    @Test
    void theBucketInTheHostNameIsTheBucketAndThePathIsTheKey() throws Exception {
        String name = bucketWithADocument();
        RawResponse object = get(name + "." + DOMAIN, "/dir/doc.txt");
        assertEquals(200, object.status(), object.toString());
        assertEquals(CONTENT, object.body());

        RawResponse listing = get(name + "." + DOMAIN, "/");
        assertEquals(200, listing.status(), listing.toString());
        assertTrue(listing.body().contains("<Name>" + name + "</Name>"), listing.body());
        assertTrue(listing.body().contains("<Key>dir/doc.txt</Key>"), listing.body());
    }

    @Test
    void theDomainItselfAndOtherHostsArePathStyle() throws Exception {
        String name = bucketWithADocument();
        RawResponse viaDomain = get(DOMAIN, "/" + name + "/dir/doc.txt");
        assertEquals(200, viaDomain.status(), viaDomain.toString());
        assertEquals(CONTENT, viaDomain.body());
        RawResponse viaAddress = get("127.0.0.1", "/" + name + "/dir/doc.txt");
        assertEquals(CONTENT, viaAddress.body());
    }

    @Test
    void aHostNameThatIsNoValidBucketIsInvalidBucketName() {
        RawResponse answer = get("ab." + DOMAIN, "/key");  // two characters: too short for a bucket
        assertEquals(400, answer.status(), answer.toString());
        assertEquals("InvalidBucketName", answer.errorCode(), answer.toString());
    }
}
