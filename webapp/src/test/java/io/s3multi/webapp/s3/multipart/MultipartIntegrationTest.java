package io.s3multi.webapp.s3.multipart;

import io.s3multi.s3.contract.SegmentsLayout;
import io.s3multi.swift.SwiftAccount;
import io.s3multi.swift.error.SwiftException;
import io.s3multi.webapp.fault.FaultProxy;
import io.s3multi.webapp.s3.S3TestGateway;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import software.amazon.awssdk.core.exception.SdkException;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.model.S3Exception;

import java.nio.ByteBuffer;
import java.security.MessageDigest;
import java.util.Arrays;
import java.util.Base64;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Properties;
import java.util.Random;
import java.util.zip.CRC32;

import static org.junit.jupiter.api.Assertions.assertThrows;

/**
 * Base of the multipart ITs: a gateway whose pipeline has the s3multi stage, with a small minimum part size
 * (1 MiB) and at most 4 segments per SLO manifest, so that a 10-part upload nests manifests against the real
 * dev Swift. Buckets are deleted after each test, with their {@code _segments} container, directly in Swift.
 */
abstract class MultipartIntegrationTest {

    static final int MIN_PART_SIZE = 1024 * 1024;
    static final int MAX_MANIFEST_SEGMENTS = 4;

    private static S3TestGateway gateway;
    private final List<String> buckets = new ArrayList<>();

    @BeforeAll
    static void startGateway() throws Exception {
        gateway = S3TestGateway.start(multipartSettings(S3TestGateway.configuration()));
    }

    /** {@code configuration} with this base's small minimum part size and manifest fan-out. */
    static Properties multipartSettings(Properties configuration) {
        configuration.setProperty("filter.s3multi.min_part_size", Integer.toString(MIN_PART_SIZE));
        configuration.setProperty("filter.s3multi.max_manifest_segments", Integer.toString(MAX_MANIFEST_SEGMENTS));
        return configuration;
    }

    /** Another gateway with the same settings, whose every Swift request goes through {@code proxy}. */
    static S3TestGateway startBehind(FaultProxy proxy) throws Exception {
        return S3TestGateway.start(multipartSettings(proxy.gatewayConfiguration()));
    }

    @AfterAll
    static void stopGateway() throws Exception {
        if (gateway != null) {
            gateway.close();
            gateway = null;
        }
    }

    @AfterEach
    void deleteBuckets() {
        buckets.forEach(gateway::deleteBucketDirectly);
        buckets.clear();
    }

    static S3TestGateway gateway() {
        return gateway;
    }

    static S3Client s3() {
        return gateway.s3();
    }

    static SwiftAccount swift() {
        return gateway.swift();
    }

    /** A new bucket, created through the gateway, deleted after the test. */
    String bucket() {
        String bucket = S3TestGateway.uniqueBucket();
        buckets.add(bucket);
        s3().createBucket(b -> b.bucket(bucket));
        return bucket;
    }

    /** The names in {@code <bucket>_segments}, straight from Swift; empty when the container does not exist. */
    static List<String> segmentNames(String bucket) throws SwiftException {
        return MultipartIntegrationTestSupport.segmentNames(gateway, bucket);
    }

    /** What {@code uploadId} keeps in {@code <bucket>_segments}; the traces its aborts leave for the sweeper aside. */
    static List<String> segmentsOfUpload(String bucket, String uploadId) throws SwiftException {
        return segmentNames(bucket).stream().filter(name -> name.contains(uploadId))
                .filter(name -> !name.startsWith(SegmentsLayout.ABORTS)).toList();
    }

    private static final java.util.regex.Pattern ATTEMPT = java.util.regex.Pattern.compile(
            "(.*parts/[0-9a-v]{26}/[0-9]{5})/[0-9a-v]{14}");

    /**
     * The names with each part attempt's suffix dropped ({@code parts/<id>/00001/<attempt>} becomes
     * {@code parts/<id>/00001}); fails on a part name without a well-formed attempt (this gateway writes only those).
     */
    static List<String> withoutAttempts(List<String> names) {
        List<String> parts = new ArrayList<>();
        for (String name : names) {
            java.util.regex.Matcher attempt = ATTEMPT.matcher(name);
            if (name.contains("parts/") && !attempt.matches()) {
                throw new AssertionError("not a part attempt: " + name);
            }
            parts.add(attempt.matches() ? attempt.group(1) : name);
        }
        return parts;
    }

    static byte[] randomBytes(int length, long seed) {
        byte[] bytes = new byte[length];
        new Random(seed).nextBytes(bytes);
        return bytes;
    }

    static String md5Hex(byte[] bytes) throws Exception {
        return HexFormat.of().formatHex(MessageDigest.getInstance("MD5").digest(bytes));
    }

    /** The S3 multipart ETag computed here, independently of the gateway. */
    static String multipartEtag(byte[]... parts) throws Exception {
        MessageDigest outer = MessageDigest.getInstance("MD5");
        for (byte[] part : parts) {
            outer.update(MessageDigest.getInstance("MD5").digest(part));
        }
        return "\"" + HexFormat.of().formatHex(outer.digest()) + "-" + parts.length + "\"";
    }

    /** The CRC32 of {@code bytes} as S3 writes it: base64 of its four big-endian bytes. */
    static String crc32(byte[] bytes) {
        CRC32 crc = new CRC32();
        crc.update(bytes);
        return Base64.getEncoder().encodeToString(ByteBuffer.allocate(4).putInt((int) crc.getValue()).array());
    }

    static byte[] concat(byte[] a, byte[] b) {
        byte[] both = Arrays.copyOf(a, a.length + b.length);
        System.arraycopy(b, 0, both, a.length, b.length);
        return both;
    }

    static S3Exception s3Error(Runnable call) {
        SdkException thrown = assertThrows(SdkException.class, call::run);
        if (thrown instanceof S3Exception s3) {
            return s3;
        }
        throw new AssertionError("not an S3 error answer", thrown);
    }
}
