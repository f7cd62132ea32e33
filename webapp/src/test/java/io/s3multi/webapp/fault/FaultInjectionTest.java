package io.s3multi.webapp.fault;

import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.s3multi.swift.SwiftHeaders;
import io.s3multi.swift.error.SwiftException;
import io.s3multi.swift.error.SwiftHttpStatusException;
import io.s3multi.webapp.s3.PatternStream;
import io.s3multi.webapp.s3.S3TestGateway;
import io.s3multi.webapp.s3.S3Tools;
import io.s3multi.webapp.s3.ToolResult;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URL;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Properties;
import java.util.function.Predicate;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import software.amazon.awssdk.core.exception.SdkException;
import software.amazon.awssdk.core.sync.RequestBody;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.model.CompletedPart;
import software.amazon.awssdk.services.s3.model.S3Exception;

/**
 * Base of the fault tests: one gateway per test class whose every {@code swift_url} points at a
 * {@link FaultProxy} in front of the dev Swift; what Swift holds is read directly, past the proxy. Rules are
 * cleared and buckets deleted after each test. Multipart parts may be 1 MiB, a stale claim is taken over after
 * {@link #CLAIM_TIMEOUT_SECONDS} and the native path waits {@link #NATIVE_IDLE_TIMEOUT_SECONDS} for a silent
 * Swift, so that the tests stay short.
 */
abstract class FaultInjectionTest {

    static final int MIN_PART_SIZE = 1024 * 1024;
    static final int CLAIM_TIMEOUT_SECONDS = 6;
    /** The native Swift path's backend idle timeout ({@code filter.proxy_server.idle_timeout}). */
    static final int NATIVE_IDLE_TIMEOUT_SECONDS = 2;

    private static FaultProxy proxy;
    private static S3TestGateway gateway;
    private final List<String> buckets = new ArrayList<>();

    @BeforeAll
    static void startProxyAndGateway() throws Exception {
        proxy = FaultProxy.start(S3TestGateway.SWIFT_URL);
        gateway = S3TestGateway.start(configuration(proxy));
    }

    /** The test configuration through {@code proxy}, with the short part size and claim timeout. */
    static Properties configuration(FaultProxy proxy) {
        Properties properties = proxy.gatewayConfiguration();
        properties.setProperty("filter.s3multi.min_part_size", Integer.toString(MIN_PART_SIZE));
        properties.setProperty("filter.s3multi.claim_timeout", Integer.toString(CLAIM_TIMEOUT_SECONDS));
        properties.setProperty("filter.proxy_server.idle_timeout", Integer.toString(NATIVE_IDLE_TIMEOUT_SECONDS));
        return properties;
    }

    @AfterAll
    static void stopProxyAndGateway() throws Exception {
        if (gateway != null) {
            gateway.close();
            gateway = null;
        }
        if (proxy != null) {
            proxy.close();
            proxy = null;
        }
    }

    @AfterEach
    void clearFaultsAndBuckets() throws IOException {
        proxy.clearRules();
        proxy.up();
        buckets.forEach(gateway::deleteBucketDirectly);
        buckets.clear();
    }

    static FaultProxy proxy() {
        return proxy;
    }

    static S3TestGateway gateway() {
        return gateway;
    }

    static S3Client s3() {
        return gateway.s3();
    }

    /** A new bucket, created through the gateway before any fault, deleted after the test. */
    String bucket() {
        String bucket = S3TestGateway.uniqueBucket();
        buckets.add(bucket);
        s3().createBucket(b -> b.bucket(bucket));
        return bucket;
    }

    /** Matches requests for object {@code key} of {@code bucket} (keys here are plain, no encoding needed). */
    static Predicate<SwiftRequest> object(String method, String bucket, String key) {
        return request -> request.method().equals(method) && request.path().endsWith("/" + bucket + "/" + key);
    }

    /** Matches requests for any object of {@code <bucket>_segments}. */
    static Predicate<SwiftRequest> segments(String method, String bucket) {
        return request -> request.method().equals(method) && request.isSegment()
                && request.path().contains("/" + bucket + "_segments/");
    }

    static RequestBody pattern(long size, long seed) {
        return RequestBody.fromContentProvider(() -> new PatternStream(size, seed), size,
                "application/octet-stream");
    }

    static byte[] patternBytes(long size, long seed) {
        try {
            return new PatternStream(size, seed).readAllBytes();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static CompletedPart uploadPart(String bucket, String key, String uploadId, int number, long size) {
        String etag = s3().uploadPart(b -> b.bucket(bucket).key(key).uploadId(uploadId).partNumber(number),
                pattern(size, number)).eTag();
        return CompletedPart.builder().partNumber(number).eTag(etag).build();
    }

    /** The S3 error the call ends in; fails the test when it ends otherwise (success, or no S3 answer). */
    static S3Exception s3Error(Runnable call) {
        SdkException thrown = assertThrows(SdkException.class, call::run);
        if (thrown instanceof S3Exception s3) {
            return s3;
        }
        throw new AssertionError("not an S3 error answer", thrown);
    }

    /** An S3 error answer of a server fault: 5xx with an S3 error code from an XML body. */
    static S3Exception serverError(Runnable call) {
        S3Exception error = s3Error(call);
        assertTrue(error.statusCode() >= 500 && error.awsErrorDetails().errorCode() != null,
                () -> "a 5xx S3 error, not " + error.statusCode() + " " + error.awsErrorDetails());
        return error;
    }

    /**
     * Sends {@code size} bytes with curl to a presigned PUT URL and returns curl's output (response heads and
     * body). curl reads an answer that comes while it is still sending, which the SDK's HTTP client does not: it
     * shows what the gateway answered when it gave up on an upload midway.
     */
    static ToolResult curlUpload(URL presignedPut, long size) throws IOException {
        Path file = Files.createTempFile(Path.of("target"), "upload-", ".bin");
        try {
            try (var out = Files.newOutputStream(file)) {
                new PatternStream(size).transferTo(out);
            }
            return new S3Tools(gateway.endpoint(), S3TestGateway.TESTER, S3TestGateway.TESTER_KEY)
                    .curl("-T", file.toString(), presignedPut.toString());
        } finally {
            Files.deleteIfExists(file);
        }
    }

    /** The final status line's code and the error code of curl's output, e.g. {@code "503 ServiceUnavailable"}. */
    static String finalAnswer(ToolResult curl) {
        String output = curl.stdout();
        int last = output.lastIndexOf("HTTP/1.1 ");
        Matcher code = Pattern.compile("<Code>([^<]*)</Code>").matcher(output);
        return (last < 0 ? "none" : output.substring(last + 9, last + 12)) + " " + (code.find() ? code.group(1) : "");
    }

    static URL presignedPut(String bucket, String key) {
        return gateway.presigner().presignPutObject(p -> p.signatureDuration(Duration.ofMinutes(5))
                .putObjectRequest(b -> b.bucket(bucket).key(key))).url();
    }

    static URL presignedUploadPart(String bucket, String key, String uploadId, int number) {
        return gateway.presigner().presignUploadPart(p -> p.signatureDuration(Duration.ofMinutes(5))
                .uploadPartRequest(b -> b.bucket(bucket).key(key).uploadId(uploadId).partNumber(number))).url();
    }

    static URL presignedGet(String bucket, String key) {
        return gateway.presigner().presignGetObject(p -> p.signatureDuration(Duration.ofMinutes(5))
                .getObjectRequest(b -> b.bucket(bucket).key(key))).url();
    }

    /** Whether Swift holds {@code container/object}, asked directly. */
    static boolean swiftHolds(String container, String object) throws SwiftException {
        try {
            gateway.swift().objects().head(container, object, SwiftHeaders.empty());
            return true;
        } catch (SwiftHttpStatusException e) {
            if (e.status() == 404) {
                return false;
            }
            throw e;
        }
    }

    /** The names in {@code <bucket>_segments}, directly from Swift; empty when the container does not exist. */
    static List<String> segmentNames(String bucket) throws SwiftException {
        return S3TestGateway.objectNames(gateway.swift(), bucket + "_segments");
    }
}
