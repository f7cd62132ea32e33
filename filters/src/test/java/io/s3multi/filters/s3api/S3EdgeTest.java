package io.s3multi.filters.s3api;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.s3multi.filters.pipeline.Placement;
import io.s3multi.filters.testing.GatewayUnderTest;
import io.s3multi.filters.testing.Ports;
import io.s3multi.filters.testing.TestStages;
import io.s3multi.s3.error.S3Exception;
import io.s3multi.s3.integrity.S3IntegrityException;
import io.s3multi.s3.operation.S3Call;
import io.s3multi.s3.operation.S3Identity;
import io.s3multi.s3.operation.S3Response;
import io.s3multi.s3.request.S3Operation;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.Base64;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The S3 edge in a real Jetty: tempauth verifies, the s3api stage classifies, dispatches to a recording stand-in for
 * the handlers, writes answers and turns failures into S3 errors. No Swift is involved (its URL is a closed port).
 */
class S3EdgeTest {

    private static final HttpClient HTTP = HttpClient.newHttpClient();
    private static final Pattern CODE = Pattern.compile("<Code>([^<]*)</Code>");
    private static final byte[] CONTENT = "the object's bytes".getBytes(StandardCharsets.UTF_8);

    private record Dispatched(S3Operation operation, S3Call call) {
    }

    private static final List<Dispatched> DISPATCHED = new CopyOnWriteArrayList<>();
    private static volatile CountDownLatch streamClosed = new CountDownLatch(1);

    private static GatewayUnderTest gateway;

    /** The handlers' stand-in: what it answers depends on the key. */
    private static S3Response handle(S3Operation operation, S3Call call) {
        DISPATCHED.add(new Dispatched(operation, call));
        switch (call.key() == null ? "" : call.key()) {
            case "object":
                return S3Response.status(200).withHeader("ETag", "\"abc\"").withHeader("Content-Type", "text/plain")
                        .withHeader("Content-Length", Integer.toString(CONTENT.length))
                        .withStream(new ByteArrayInputStream(CONTENT), CONTENT.length, () -> streamClosed.countDown());
            case "boom":
                throw new IllegalStateException("secret internals at io.s3multi.Boom.line(42)");
            case "digest":
                throw S3IntegrityException.badDigest("The Content-MD5 you specified did not match what we received.");
            case "unchanged":
                throw S3Exception.notModified();
            case "echo":
                try {
                    byte[] body = call.body().open(Set.of()).stream().readAllBytes();
                    return S3Response.status(200).withStream(new ByteArrayInputStream(body), body.length, null);
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                }
            default:
                return S3Response.noContent();
        }
    }

    @BeforeAll
    static void start() throws Exception {
        gateway = startWith(new S3ApiFilter(S3EdgeTest::handle, List.of(), Clock.systemUTC()));
    }

    /** catch_errors, proxy_logging, tempauth (test:tester), this s3api stage, proxy_server towards a closed port. */
    static GatewayUnderTest startWith(S3ApiFilter s3api) throws Exception {
        String closed = "http://127.0.0.1:" + Ports.closed();
        return GatewayUnderTest.start(GatewayUnderTest.config("catch_errors proxy_logging tempauth fake_s3api"
                        + " proxy_server",
                "filter.tempauth.user_test_tester", "testing .admin",
                "filter.tempauth.swift_url", closed,
                "filter.proxy_server.swift_url", closed),
                TestStages.stage("fake_s3api", Placement.anywhere(), s3api));
    }

    @AfterAll
    static void stop() throws Exception {
        gateway.close();
    }

    @BeforeEach
    void forget() {
        DISPATCHED.clear();
        streamClosed = new CountDownLatch(1);
    }

    /** A SigV2 header-signed request (simple to compute by hand, and the gateway accepts it like SigV4). */
    private static HttpRequest.Builder signed(String method, String path, String accessKey, String secret) {
        String date = DateTimeFormatter.RFC_1123_DATE_TIME.format(ZonedDateTime.now(ZoneOffset.UTC));
        String stringToSign = method + "\n\n\n" + date + "\n" + path;
        try {
            Mac mac = Mac.getInstance("HmacSHA1");
            mac.init(new SecretKeySpec(secret.getBytes(StandardCharsets.UTF_8), "HmacSHA1"));
            String signature = Base64.getEncoder().encodeToString(
                    mac.doFinal(stringToSign.getBytes(StandardCharsets.UTF_8)));
            return HttpRequest.newBuilder(gateway.uri(path)).header("Date", date)
                    .header("Authorization", "AWS " + accessKey + ":" + signature);
        } catch (java.security.GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    private static HttpResponse<byte[]> send(HttpRequest.Builder request) throws Exception {
        return HTTP.send(request.build(), HttpResponse.BodyHandlers.ofByteArray());
    }

    private static String codeOf(HttpResponse<byte[]> answer) {
        Matcher matcher = CODE.matcher(new String(answer.body(), StandardCharsets.UTF_8));
        return matcher.find() ? matcher.group(1) : null;
    }

    private static void assertS3Error(HttpResponse<byte[]> answer, int status, String code) {
        String body = new String(answer.body(), StandardCharsets.UTF_8);
        assertEquals(status, answer.statusCode(), body);
        assertEquals(code, codeOf(answer), body);
        assertEquals("application/xml", answer.headers().firstValue("Content-Type").orElse(null));
        String requestId = answer.headers().firstValue("x-amz-request-id").orElseThrow();
        assertEquals(answer.headers().firstValue("X-Trans-Id").orElseThrow(), requestId);
        assertTrue(body.contains("<RequestId>" + requestId + "</RequestId>"), body);
    }

    /** The stage closes the handler's body once written, which may be just after the client has it all. */
    private static void assertStreamClosed() throws InterruptedException {
        assertTrue(streamClosed.await(5, TimeUnit.SECONDS), "the handler's stream is closed after writing");
    }

    @Test
    void anAnonymousRequestIsAccessDeniedAndNeverDispatched() throws Exception {
        assertS3Error(send(HttpRequest.newBuilder(gateway.uri("/photos/object"))), 403, "AccessDenied");
        assertEquals(List.of(), DISPATCHED);
    }

    @Test
    void anAccessKeyNoStageKnowsIsInvalidAccessKeyId() throws Exception {
        HttpResponse<byte[]> answer = send(signed("GET", "/photos/object", "nobody:nobody", "testing"));
        assertS3Error(answer, 403, "InvalidAccessKeyId");
        assertTrue(new String(answer.body(), StandardCharsets.UTF_8)
                .contains("<AWSAccessKeyId>nobody:nobody</AWSAccessKeyId>"));
        assertEquals(List.of(), DISPATCHED);
    }

    @Test
    void aWrongSecretIsSignatureDoesNotMatch() throws Exception {
        assertS3Error(send(signed("GET", "/photos/object", "test:tester", "guess")), 403, "SignatureDoesNotMatch");
        assertEquals(List.of(), DISPATCHED);
    }

    @Test
    void malformedCredentialsGetTheParsersError() throws Exception {
        HttpResponse<byte[]> answer = send(HttpRequest.newBuilder(gateway.uri("/photos/object"))
                .header("Authorization", "AWS4-HMAC-SHA256 Credential=broken"));
        assertEquals(400, answer.statusCode(), new String(answer.body(), StandardCharsets.UTF_8));
        assertNotNull(codeOf(answer));
        assertEquals(List.of(), DISPATCHED);
    }

    @Test
    void aSignedRequestReachesItsOperationWithTheIdentityAndItsAnswerIsStreamedBack() throws Exception {
        HttpResponse<byte[]> answer = send(signed("GET", "/photos/object", "test:tester", "testing"));
        assertEquals(200, answer.statusCode());
        assertArrayEquals(CONTENT, answer.body());
        assertEquals("\"abc\"", answer.headers().firstValue("ETag").orElseThrow());
        assertEquals(Long.toString(CONTENT.length), answer.headers().firstValue("Content-Length").orElseThrow());
        assertEquals(answer.headers().firstValue("X-Trans-Id").orElseThrow(),
                answer.headers().firstValue("x-amz-request-id").orElseThrow());
        assertStreamClosed();

        Dispatched dispatched = DISPATCHED.get(0);
        assertEquals(S3Operation.GET_OBJECT, dispatched.operation());
        assertEquals(new S3Identity("test:tester", "test:tester", "AUTH_test", "AUTH_test", true),
                dispatched.call().identity());
        assertEquals("photos", dispatched.call().bucket());
        assertEquals(answer.headers().firstValue("x-amz-request-id").orElseThrow(), dispatched.call().requestId());
    }

    @Test
    void headSendsTheLengthButNoBody() throws Exception {
        HttpResponse<byte[]> answer = send(signed("HEAD", "/photos/object", "test:tester", "testing")
                .method("HEAD", HttpRequest.BodyPublishers.noBody()));
        assertEquals(200, answer.statusCode());
        assertEquals(0, answer.body().length);
        assertEquals(Long.toString(CONTENT.length), answer.headers().firstValue("Content-Length").orElseThrow());
        assertEquals(S3Operation.HEAD_OBJECT, DISPATCHED.get(0).operation());
        assertStreamClosed();
    }

    @Test
    void theRequestBodyReachesTheOperationVerified() throws Exception {
        byte[] body = "uploaded bytes".getBytes(StandardCharsets.UTF_8);
        HttpResponse<byte[]> answer = send(signed("PUT", "/photos/echo", "test:tester", "testing")
                .PUT(HttpRequest.BodyPublishers.ofByteArray(body)));
        assertEquals(200, answer.statusCode());
        assertArrayEquals(body, answer.body());
        assertEquals(S3Operation.PUT_OBJECT, DISPATCHED.get(0).operation());
    }

    @Test
    void anUnexpectedFailureIsAnInternalErrorThatShowsNoInternals() throws Exception {
        HttpResponse<byte[]> answer = send(signed("GET", "/photos/boom", "test:tester", "testing"));
        assertS3Error(answer, 500, "InternalError");
        assertFalse(new String(answer.body(), StandardCharsets.UTF_8).contains("secret"));
    }

    @Test
    void anIntegrityFailureKeepsItsCode() throws Exception {
        assertS3Error(send(signed("GET", "/photos/digest", "test:tester", "testing")), 400, "BadDigest");
    }

    @Test
    void notModifiedCarriesNoBody() throws Exception {
        HttpResponse<byte[]> answer = send(signed("GET", "/photos/unchanged", "test:tester", "testing"));
        assertEquals(304, answer.statusCode());
        assertEquals(0, answer.body().length);
        assertNotNull(answer.headers().firstValue("x-amz-request-id").orElse(null));
    }

    @Test
    void aBucketNameS3ForbidsIsInvalidBucketNameEvenForASegmentsContainer() throws Exception {
        assertS3Error(send(signed("GET", "/photos_segments/object", "test:tester", "testing")), 400,
                "InvalidBucketName");
        assertS3Error(send(HttpRequest.newBuilder(gateway.uri("/photos_segments"))), 400, "InvalidBucketName");
        assertEquals(List.of(), DISPATCHED);
    }

    @Test
    void nativeSwiftRequestsPassToProxyServer() throws Exception {
        HttpResponse<byte[]> answer = send(HttpRequest.newBuilder(gateway.uri("/v1/AUTH_test/photos")));
        assertEquals(502, answer.statusCode());
        assertEquals("text/plain;charset=utf-8", answer.headers().firstValue("Content-Type").orElseThrow());
        assertEquals(List.of(), DISPATCHED);
    }
}
