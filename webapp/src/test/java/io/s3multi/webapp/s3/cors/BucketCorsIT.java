package io.s3multi.webapp.s3.cors;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.s3multi.s3.contract.RegistryLayout;
import io.s3multi.swift.SwiftHeaders;
import io.s3multi.swift.error.SwiftException;
import io.s3multi.swift.http.SwiftResponse;
import io.s3multi.webapp.s3.RawResponse;
import io.s3multi.webapp.s3.RawS3;
import io.s3multi.webapp.s3.S3IntegrationTest;
import io.s3multi.webapp.s3.S3TestGateway;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.util.Collections;
import java.util.List;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.s3.model.CORSRule;
import software.amazon.awssdk.services.s3.model.GetBucketCorsResponse;
import software.amazon.awssdk.services.s3.model.S3Exception;

/**
 * Put/Get/DeleteBucketCors through the AWS SDK v2 with its defaults, against the dev Swift: what is stored where
 * (the bucket's registry record, object {@code cors}), AWS's refusals of bad configurations, and who may change one.
 */
class BucketCorsIT extends S3IntegrationTest {

    private static final CORSRule UPLOADS = CORSRule.builder().id("uploads")
            .allowedOrigins("https://app.example.com", "https://*.example.org").allowedMethods("GET", "PUT", "HEAD")
            .allowedHeaders("content-type", "x-amz-*").exposeHeaders("ETag", "x-amz-request-id")
            .maxAgeSeconds(600).build();
    private static final CORSRule READS = CORSRule.builder().allowedOrigins("*").allowedMethods("GET").build();

    private String bucketWithCors(CORSRule... rules) {
        String bucket = uniqueBucket();
        s3().createBucket(b -> b.bucket(bucket));
        s3().putBucketCors(p -> p.bucket(bucket).corsConfiguration(c -> c.corsRules(rules)));
        return bucket;
    }

    /** The CORS document Swift holds in the bucket's registry record, or null. */
    private static String storedConfiguration(String bucket) throws SwiftException, IOException {
        if (!S3TestGateway.objectNames(gateway().registry(), bucket).contains(RegistryLayout.CORS)) {
            return null;
        }
        try (SwiftResponse stored = gateway().registry().objects().get(bucket, RegistryLayout.CORS,
                SwiftHeaders.empty())) {
            return new String(stored.body().readAllBytes(), StandardCharsets.UTF_8);
        }
    }

    @Test
    void aConfigurationIsStoredWithTheBucketsRecordAndReadBackAsPut() throws Exception {
        String bucket = bucketWithCors(UPLOADS, READS);

        GetBucketCorsResponse got = s3().getBucketCors(g -> g.bucket(bucket));
        assertEquals(List.of(UPLOADS, READS), got.corsRules());
        String stored = storedConfiguration(bucket);
        assertTrue(stored.contains("<AllowedOrigin>https://*.example.org</AllowedOrigin>"), stored);
        assertTrue(stored.contains("<ID>uploads</ID>"), stored);
        assertEquals(List.of(), S3TestGateway.objectNames(swift(), bucket), "nothing is written into the bucket");
    }

    @Test
    void aBucketWithoutAConfigurationIsNoSuchCorsConfigurationAndDeleteRemovesOne() throws Exception {
        String bucket = uniqueBucket();
        s3().createBucket(b -> b.bucket(bucket));
        S3Exception none = assertThrows(S3Exception.class, () -> s3().getBucketCors(g -> g.bucket(bucket)));
        assertEquals(404, none.statusCode());
        assertEquals("NoSuchCORSConfiguration", none.awsErrorDetails().errorCode());
        assertEquals("The CORS configuration does not exist", none.awsErrorDetails().errorMessage());
        assertEquals(204, s3().deleteBucketCors(d -> d.bucket(bucket)).sdkHttpResponse().statusCode(),
                "deleting no configuration is no error, as in AWS");

        s3().putBucketCors(p -> p.bucket(bucket).corsConfiguration(c -> c.corsRules(READS)));
        assertEquals(List.of(READS), s3().getBucketCors(g -> g.bucket(bucket)).corsRules());
        assertEquals(204, s3().deleteBucketCors(d -> d.bucket(bucket)).sdkHttpResponse().statusCode());
        assertEquals("NoSuchCORSConfiguration", assertThrows(S3Exception.class,
                () -> s3().getBucketCors(g -> g.bucket(bucket))).awsErrorDetails().errorCode());
        assertEquals(null, storedConfiguration(bucket));
    }

    /** boto3 (Debian's) puts, reads, is refused and deletes as the SDK does; Swift holds what it put. */
    @Test
    void boto3PutsGetsIsRefusedAndDeletes() throws Exception {
        String bucket = uniqueBucket();
        s3().createBucket(b -> b.bucket(bucket));
        tools().boto3(String.join("\n",
                "import botocore.exceptions",
                "s3 = s3_client()",
                "B = '" + bucket + "'",
                "rules = [{'ID': 'py', 'AllowedOrigins': ['https://*.example.net'], 'AllowedMethods': ['GET', 'PUT'],",
                "          'AllowedHeaders': ['*'], 'ExposeHeaders': ['ETag'], 'MaxAgeSeconds': 30}]",
                "s3.put_bucket_cors(Bucket=B, CORSConfiguration={'CORSRules': rules})",
                "got = s3.get_bucket_cors(Bucket=B)['CORSRules']",
                "expect(got == rules, got)",
                "try:",
                "    s3.put_bucket_cors(Bucket=B, CORSConfiguration={'CORSRules': [",
                "        {'AllowedOrigins': ['*'], 'AllowedMethods': ['PATCH']}]})",
                "    raise SystemExit('PATCH accepted')",
                "except botocore.exceptions.ClientError as e:",
                "    expect(e.response['Error']['Code'] == 'InvalidRequest', e.response['Error'])",
                "expect(s3.get_bucket_cors(Bucket=B)['CORSRules'] == rules, 'the refused put changed nothing')"))
                .requireSuccess();
        String stored = storedConfiguration(bucket);
        assertTrue(stored.contains("<AllowedOrigin>https://*.example.net</AllowedOrigin>"), stored);

        tools().boto3(String.join("\n",
                "import botocore.exceptions",
                "s3 = s3_client()",
                "s3.delete_bucket_cors(Bucket='" + bucket + "')",
                "try:",
                "    s3.get_bucket_cors(Bucket='" + bucket + "')",
                "    raise SystemExit('still there')",
                "except botocore.exceptions.ClientError as e:",
                "    expect(e.response['Error']['Code'] == 'NoSuchCORSConfiguration', e.response['Error'])"))
                .requireSuccess();
        assertEquals(null, storedConfiguration(bucket));
    }

    @Test
    void aNewConfigurationReplacesTheOldOne() throws Exception {
        String bucket = bucketWithCors(UPLOADS);
        s3().putBucketCors(p -> p.bucket(bucket).corsConfiguration(c -> c.corsRules(READS)));
        assertEquals(List.of(READS), s3().getBucketCors(g -> g.bucket(bucket)).corsRules());
    }

    @Test
    void badConfigurationsAreRefusedAsAwsRefusesThemAndNothingIsStored() throws Exception {
        String bucket = uniqueBucket();
        s3().createBucket(b -> b.bucket(bucket));

        S3Exception method = refusedPut(bucket, CORSRule.builder().allowedOrigins("*").allowedMethods("PATCH").build());
        assertEquals("InvalidRequest", method.awsErrorDetails().errorCode());
        assertEquals("Found unsupported HTTP method in CORS config. Unsupported method is PATCH",
                method.awsErrorDetails().errorMessage());
        S3Exception origin = refusedPut(bucket,
                CORSRule.builder().allowedOrigins("https://*.*.example.com").allowedMethods("GET").build());
        assertEquals("InvalidRequest", origin.awsErrorDetails().errorCode());
        assertEquals("AllowedOrigin \"https://*.*.example.com\" can not have more than one wildcard.",
                origin.awsErrorDetails().errorMessage());
        S3Exception header = refusedPut(bucket,
                CORSRule.builder().allowedOrigins("*").allowedMethods("GET").allowedHeaders("x-*-*").build());
        assertEquals("InvalidRequest", header.awsErrorDetails().errorCode());
        assertEquals("MalformedXML", refusedPut(bucket).awsErrorDetails().errorCode());
        assertEquals("MalformedXML", refusedPut(bucket,
                CORSRule.builder().allowedMethods("GET").build()).awsErrorDetails().errorCode());
        assertEquals(null, storedConfiguration(bucket));
    }

    @Test
    void aHundredRulesAreAcceptedAndAHundredAndOneAreNot() throws Exception {
        String bucket = uniqueBucket();
        s3().createBucket(b -> b.bucket(bucket));
        S3Exception tooMany = refusedPut(bucket, Collections.nCopies(101, READS).toArray(CORSRule[]::new));
        assertEquals("MalformedXML", tooMany.awsErrorDetails().errorCode());
        assertEquals(null, storedConfiguration(bucket));

        s3().putBucketCors(p -> p.bucket(bucket).corsConfiguration(c -> c.corsRules(Collections.nCopies(100, READS))));
        assertEquals(100, s3().getBucketCors(g -> g.bucket(bucket)).corsRules().size());
    }

    @Test
    void xmlThatIsNotWellFormedIsMalformedXml() throws Exception {
        String bucket = uniqueBucket();
        s3().createBucket(b -> b.bucket(bucket));
        byte[] body = "<CORSConfiguration><CORSRule><AllowedOrigin>*</AllowedOrigin>"
                .getBytes(StandardCharsets.UTF_8);
        var request = RawS3.put(gateway().endpoint(), "/" + bucket, body.length).toBuilder()
                .putRawQueryParameter("cors", "").build();
        var signed = RawS3.sign(request, body, Clock.systemUTC(), options -> { });
        RawResponse answer = RawS3.send(gateway().port(), signed.request(), body, body.length, false);
        assertEquals(400, answer.status(), answer.toString());
        assertEquals("MalformedXML", answer.errorCode());
        assertEquals(null, storedConfiguration(bucket));
    }

    @Test
    void anotherAccountCanNeitherReadNorChangeTheConfiguration() throws Exception {
        String bucket = bucketWithCors(READS);
        var other = s3(S3TestGateway.TESTER2, S3TestGateway.TESTER2_KEY);
        assertEquals("AccessDenied", assertThrows(S3Exception.class, () -> other.putBucketCors(p -> p.bucket(bucket)
                .corsConfiguration(c -> c.corsRules(UPLOADS)))).awsErrorDetails().errorCode());
        assertEquals("AccessDenied", assertThrows(S3Exception.class,
                () -> other.getBucketCors(g -> g.bucket(bucket))).awsErrorDetails().errorCode());
        assertEquals("AccessDenied", assertThrows(S3Exception.class,
                () -> other.deleteBucketCors(d -> d.bucket(bucket))).awsErrorDetails().errorCode());
        assertEquals(List.of(READS), s3().getBucketCors(g -> g.bucket(bucket)).corsRules());
    }

    @Test
    void deletingTheBucketDeletesItsConfigurationAndFreesTheName() throws Exception {
        String bucket = bucketWithCors(READS);
        s3().deleteBucket(d -> d.bucket(bucket));
        assertFalse(S3TestGateway.objectNames(gateway().registry(), bucket).contains(RegistryLayout.CORS));

        var other = s3(S3TestGateway.TESTER2, S3TestGateway.TESTER2_KEY);
        other.createBucket(b -> b.bucket(bucket));
        assertEquals("NoSuchCORSConfiguration", assertThrows(S3Exception.class,
                () -> other.getBucketCors(g -> g.bucket(bucket))).awsErrorDetails().errorCode(),
                "a new bucket of the same name starts without the old configuration");
    }

    private static S3Exception refusedPut(String bucket, CORSRule... rules) {
        S3Exception refused = assertThrows(S3Exception.class, () -> s3().putBucketCors(p -> p.bucket(bucket)
                .corsConfiguration(c -> c.corsRules(rules))));
        assertEquals(400, refused.statusCode());
        return refused;
    }
}
