package io.s3multi.webapp.s3.cors;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.s3multi.swift.SwiftHeaders;
import io.s3multi.swift.http.SwiftResponse;
import io.s3multi.webapp.s3.RawResponse;
import io.s3multi.webapp.s3.RawS3;
import io.s3multi.webapp.s3.S3IntegrationTest;
import io.s3multi.webapp.s3.S3TestGateway;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Properties;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.core.sync.RequestBody;
import software.amazon.awssdk.services.s3.model.CORSRule;

/**
 * Preflights and the CORS headers of actual answers, driven by curl against the gateway and the dev Swift: for
 * admitted and refused origins, methods and headers, on presigned requests and on S3 error answers, with the
 * bucket's own rules and with the gateway's default rules.
 */
class CorsRequestsIT extends S3IntegrationTest {

    private static final String APP = "https://app.example.com";
    private static final String VARY = "Origin, Access-Control-Request-Headers, Access-Control-Request-Method";
    private static final String NOT_ALLOWED = "CORSResponse: This CORS request is not allowed. This is usually"
            + " because the evalution of Origin, request method / Access-Control-Request-Method or"
            + " Access-Control-Request-Headers are not whitelisted by the resource's CORS spec.";

    private static final CORSRule UPLOADS = CORSRule.builder().allowedOrigins(APP).allowedMethods("GET", "PUT")
            .allowedHeaders("content-type", "x-amz-*").exposeHeaders("ETag").maxAgeSeconds(600).build();
    private static final CORSRule READS = CORSRule.builder().allowedOrigins("*").allowedMethods("GET").build();

    private String bucketWithCors() {
        String bucket = uniqueBucket();
        s3().createBucket(b -> b.bucket(bucket));
        s3().putBucketCors(p -> p.bucket(bucket).corsConfiguration(c -> c.corsRules(UPLOADS, READS)));
        return bucket;
    }

    /** curl with the given arguments; its answer parsed. No credentials of any kind unless the URL has them. */
    private static RawResponse curl(String... args) {
        var command = new ArrayList<>(List.of(args));
        String out = tools().curl(command.toArray(String[]::new)).requireSuccess().stdout();
        try {
            return RawS3.read(new ByteArrayInputStream(out.getBytes(StandardCharsets.ISO_8859_1)));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static RawResponse preflight(URI url, String origin, String method, String headers) {
        var args = new ArrayList<>(List.of("-X", "OPTIONS"));
        if (origin != null) {
            args.addAll(List.of("-H", "Origin: " + origin));
        }
        if (method != null) {
            args.addAll(List.of("-H", "Access-Control-Request-Method: " + method));
        }
        if (headers != null) {
            args.addAll(List.of("-H", "Access-Control-Request-Headers: " + headers));
        }
        args.add(url.toString());
        return curl(args.toArray(String[]::new));
    }

    private static void assertRefusedPreflight(RawResponse answer, String method, String resourceType,
            String message) {
        assertEquals(403, answer.status(), answer.toString());
        assertEquals("AccessForbidden", answer.errorCode());
        assertTrue(answer.body().contains("<Message>" + message.replace("'", "&apos;") + "</Message>")
                || answer.body().contains("<Message>" + message + "</Message>"), answer.body());
        assertTrue(answer.body().contains("<Method>" + method + "</Method>"), answer.body());
        assertTrue(answer.body().contains("<ResourceType>" + resourceType + "</ResourceType>"), answer.body());
        assertNull(answer.header("Access-Control-Allow-Origin"));
    }

    @Test
    void anAdmittedPreflightIsAnsweredFromTheRulesWithoutCredentials() {
        String bucket = bucketWithCors();
        RawResponse answer = preflight(uri("/" + bucket + "/photo.jpg"), APP, "PUT", "Content-Type, x-amz-date");
        assertEquals(200, answer.status(), answer.toString());
        assertEquals(APP, answer.header("Access-Control-Allow-Origin"));
        assertEquals("true", answer.header("Access-Control-Allow-Credentials"));
        assertEquals("GET, PUT", answer.header("Access-Control-Allow-Methods"));
        assertEquals("content-type, x-amz-date", answer.header("Access-Control-Allow-Headers"));
        assertEquals("ETag", answer.header("Access-Control-Expose-Headers"));
        assertEquals("600", answer.header("Access-Control-Max-Age"));
        assertEquals(VARY, answer.header("Vary"));
        assertEquals("", answer.body());

        RawResponse anyOrigin = preflight(uri("/" + bucket), "https://elsewhere.example.net", "GET", null);
        assertEquals(200, anyOrigin.status(), anyOrigin.toString());
        assertEquals("*", anyOrigin.header("Access-Control-Allow-Origin"));
        assertNull(anyOrigin.header("Access-Control-Allow-Credentials"));
        assertEquals("GET", anyOrigin.header("Access-Control-Allow-Methods"));
    }

    @Test
    void aPreflightNoRuleAdmitsIsAccessForbiddenWhateverItAsksFor() {
        String bucket = bucketWithCors();
        URI object = uri("/" + bucket + "/photo.jpg");
        assertRefusedPreflight(preflight(object, "https://evil.example.com", "PUT", null), "PUT", "OBJECT",
                NOT_ALLOWED);
        assertRefusedPreflight(preflight(object, APP, "DELETE", null), "DELETE", "OBJECT", NOT_ALLOWED);
        assertRefusedPreflight(preflight(object, APP, "PUT", "content-type, authorization"), "PUT", "OBJECT",
                NOT_ALLOWED);
        assertRefusedPreflight(preflight(uri("/" + bucket), "https://evil.example.com", "PUT", null), "PUT",
                "BUCKET", NOT_ALLOWED);
    }

    @Test
    void aPreflightWithoutOriginOrRequestMethodIsBadRequestAndWithoutRulesAccessForbidden() {
        String bucket = bucketWithCors();
        RawResponse noOrigin = preflight(uri("/" + bucket + "/k"), null, "GET", null);
        assertEquals(400, noOrigin.status(), noOrigin.toString());
        assertEquals("BadRequest", noOrigin.errorCode());
        assertTrue(noOrigin.body().contains("Insufficient information. Origin request header needed."));
        RawResponse noMethod = preflight(uri("/" + bucket + "/k"), APP, null, null);
        assertEquals(400, noMethod.status(), noMethod.toString());
        assertEquals("BadRequest", noMethod.errorCode());
        RawResponse badMethod = preflight(uri("/" + bucket + "/k"), APP, "PATCH", null);
        assertEquals(400, badMethod.status(), badMethod.toString());

        String plain = uniqueBucket();
        s3().createBucket(b -> b.bucket(plain));
        assertRefusedPreflight(preflight(uri("/" + plain + "/k"), APP, "GET", null), "GET", "OBJECT",
                "CORSResponse: CORS is not enabled for this bucket.");
    }

    @Test
    void anActualRequestCarriesTheHeadersOfTheRuleAdmittingItsOriginAndMethodOnly() {
        String bucket = bucketWithCors();
        s3().putObject(p -> p.bucket(bucket).key("k"), RequestBody.fromString("hello"));
        URI get = presigner().presignGetObject(p -> p.signatureDuration(Duration.ofMinutes(5))
                .getObjectRequest(g -> g.bucket(bucket).key("k"))).url().toString().transform(URI::create);

        RawResponse admitted = curl("-H", "Origin: " + APP, get.toString());
        assertEquals(200, admitted.status(), admitted.toString());
        assertEquals("hello", admitted.body());
        assertEquals(APP, admitted.header("Access-Control-Allow-Origin"));
        assertEquals("true", admitted.header("Access-Control-Allow-Credentials"));
        assertEquals("GET, PUT", admitted.header("Access-Control-Allow-Methods"));
        assertEquals("ETag", admitted.header("Access-Control-Expose-Headers"));
        assertEquals(VARY, admitted.header("Vary"));

        RawResponse anyOrigin = curl("-H", "Origin: https://elsewhere.example.net", get.toString());
        assertEquals("*", anyOrigin.header("Access-Control-Allow-Origin"));

        RawResponse noOrigin = curl(get.toString());
        assertEquals(200, noOrigin.status());
        assertNull(noOrigin.header("Access-Control-Allow-Origin"));
        assertNull(noOrigin.header("Vary"));
    }

    @Test
    void aRefusedActualRequestGetsItsAnswerWithoutCorsHeaders() {
        String bucket = bucketWithCors();
        s3().putObject(p -> p.bucket(bucket).key("k"), RequestBody.fromString("hello"));
        String delete = presigner().presignDeleteObject(p -> p.signatureDuration(Duration.ofMinutes(5))
                .deleteObjectRequest(d -> d.bucket(bucket).key("k"))).url().toString();
        RawResponse answer = curl("-X", "DELETE", "-H", "Origin: " + APP, delete);
        assertEquals(204, answer.status(), answer.toString());
        assertNull(answer.header("Access-Control-Allow-Origin"), "no rule admits DELETE");
        assertNull(answer.header("Vary"));
    }

    @Test
    void errorAnswersCarryTheHeadersTooWhoeverWritesThem() {
        String bucket = bucketWithCors();
        String missing = presigner().presignGetObject(p -> p.signatureDuration(Duration.ofMinutes(5))
                .getObjectRequest(g -> g.bucket(bucket).key("no-such-key"))).url().toString();
        RawResponse noSuchKey = curl("-H", "Origin: " + APP, missing);
        assertEquals(404, noSuchKey.status(), noSuchKey.toString());
        assertEquals("NoSuchKey", noSuchKey.errorCode());
        assertEquals(APP, noSuchKey.header("Access-Control-Allow-Origin"));
        assertEquals(VARY, noSuchKey.header("Vary"));

        RawResponse badSignature = curl("-H", "Origin: " + APP, missing.replaceAll("Signature=[0-9a-f]{4}",
                "Signature=0000"));
        assertEquals(403, badSignature.status(), badSignature.toString());
        assertEquals("SignatureDoesNotMatch", badSignature.errorCode(), "the auth stage's own answer");
        assertEquals(APP, badSignature.header("Access-Control-Allow-Origin"));

        RawResponse anonymous = curl("-H", "Origin: " + APP, uri("/" + bucket + "/k").toString());
        assertEquals(403, anonymous.status(), anonymous.toString());
        assertEquals("AccessDenied", anonymous.errorCode());
        assertEquals(APP, anonymous.header("Access-Control-Allow-Origin"));
    }

    @Test
    void aPresignedPutFromAnAdmittedOriginStoresTheBytesAndCarriesTheHeaders() throws Exception {
        String bucket = bucketWithCors();
        String put = presigner().presignPutObject(p -> p.signatureDuration(Duration.ofMinutes(5))
                .putObjectRequest(o -> o.bucket(bucket).key("upload.txt"))).url().toString();
        RawResponse preflight = preflight(URI.create(put), APP, "PUT", "content-type");
        assertEquals(200, preflight.status(), preflight.toString());

        RawResponse answer = curl("-X", "PUT", "-H", "Origin: " + APP, "-H", "Content-Type: text/plain",
                "--data-binary", "from a browser", put);
        assertEquals(200, answer.status(), answer.toString());
        assertEquals(APP, answer.header("Access-Control-Allow-Origin"));
        assertEquals("ETag", answer.header("Access-Control-Expose-Headers"));
        try (SwiftResponse stored = swift().objects().get(bucket, "upload.txt", SwiftHeaders.empty())) {
            assertEquals("from a browser", new String(stored.body().readAllBytes(), StandardCharsets.UTF_8));
        }
    }

    @Test
    void aChangeIsSeenAtOnceByThisGatewayAndByAnotherOne() throws Exception {
        String bucket = uniqueBucket();
        s3().createBucket(b -> b.bucket(bucket));
        URI object = uri("/" + bucket + "/k");
        assertEquals(403, preflight(object, APP, "GET", null).status());   // now kept for the cache TTL

        s3().putBucketCors(p -> p.bucket(bucket).corsConfiguration(c -> c.corsRules(UPLOADS)));
        assertEquals(200, preflight(object, APP, "GET", null).status(), "the gateway that stored it forgets at once");
        try (S3TestGateway another = S3TestGateway.start()) {
            RawResponse there = preflight(another.uri("/" + bucket + "/k"), APP, "GET", null);
            assertEquals(200, there.status(), there.toString());
        }
        s3().deleteBucketCors(d -> d.bucket(bucket));
        assertEquals(403, preflight(object, APP, "GET", null).status());
    }

    @Test
    void theGatewaysDefaultRulesApplyToBucketsWithoutRulesOfTheirOwn() throws Exception {
        String plain = uniqueBucket();
        s3().createBucket(b -> b.bucket(plain));
        String own = bucketWithCors();
        Properties configuration = S3TestGateway.configuration();
        configuration.setProperty("filter.cors.default_rules", "<CORSConfiguration><CORSRule>"
                + "<AllowedOrigin>https://portal.example.com</AllowedOrigin><AllowedMethod>GET</AllowedMethod>"
                + "</CORSRule></CORSConfiguration>");
        try (S3TestGateway withDefaults = S3TestGateway.start(configuration)) {
            RawResponse byDefault = preflight(withDefaults.uri("/" + plain + "/k"), "https://portal.example.com",
                    "GET", null);
            assertEquals(200, byDefault.status(), byDefault.toString());
            assertEquals("https://portal.example.com", byDefault.header("Access-Control-Allow-Origin"));
            RawResponse replaced = preflight(withDefaults.uri("/" + own + "/k"), "https://portal.example.com", "PUT",
                    null);
            assertEquals(403, replaced.status(), "a bucket's own rules replace the defaults");
        }
        assertEquals(403, preflight(uri("/" + plain + "/k"), "https://portal.example.com", "GET", null).status(),
                "off by default");
    }

}
