package io.s3multi.webapp.s3.multipart;

import io.s3multi.swift.http.SwiftTraffic;
import io.s3multi.webapp.s3.S3TestGateway;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.core.checksums.RequestChecksumCalculation;
import software.amazon.awssdk.core.sync.RequestBody;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.S3Configuration;
import software.amazon.awssdk.services.s3.model.CompletedPart;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Supplier;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * What a multipart upload costs in Swift requests, counted on the gateway's own Swift traffic
 * ({@link SwiftTraffic}), so that a marker check or a request at Complete cannot silently come back (issue #16):
 * a part is its PUT and one look at the marker after it (the upload's checksum algorithm is known from its
 * Create); a Complete is at most {@link #MAX_COMPLETE} requests. Measured on a bucket's second upload, once the
 * gateway knows the bucket, with the benchmark's plain client settings (no aws-chunked, no checksum trailer).
 */
class MultipartUploadCostIT extends MultipartIntegrationTest {

    private static final int PARTS = 3;
    /**
     * The bucket's HEAD and the ACL mirror; the marker, the parts listing; the claim, the marker again, the key;
     * the manifest, the marker again, marking it finished; the claim released; the attempts listed again; the
     * marker deleted.
     */
    private static final int MAX_COMPLETE = 13;

    @Test
    void aPartIsOnePutAndOneLookAtItsUploadAndACompleteHasAFixedCost() throws Exception {
        String bucket = bucket();
        S3Client plain = gateway().s3(S3TestGateway.TESTER, S3TestGateway.TESTER_KEY, b -> b
                .serviceConfiguration(S3Configuration.builder().chunkedEncodingEnabled(false).build())
                .requestChecksumCalculation(RequestChecksumCalculation.WHEN_REQUIRED));
        upload(plain, bucket, "first");
        Cost cost = upload(plain, bucket, "second");
        System.out.println("the second upload of " + bucket + ": " + cost);

        for (List<SwiftTraffic.Sent> part : cost.parts()) {
            assertEquals(List.of("PUT", "HEAD"), part.stream().map(SwiftTraffic.Sent::method).toList(),
                    describe(part));
            assertTrue(part.get(1).uri().getRawPath().contains("_segments/uploads/"), describe(part));
        }
        assertTrue(cost.complete().size() <= MAX_COMPLETE, describe(cost.complete()));
        byte[] expected = concat(concat(randomBytes(MIN_PART_SIZE, 1), randomBytes(MIN_PART_SIZE, 2)),
                randomBytes(MIN_PART_SIZE, 3));
        assertArrayEquals(expected, s3().getObjectAsBytes(b -> b.bucket(bucket).key("second")).asByteArray());
        assertEquals(2 * PARTS, segmentNames(bucket).size(), segmentNames(bucket).toString());
    }

    /**
     * A part of an upload the gateway remembers, whose segments container has gone meanwhile (deleted in Swift), is
     * NoSuchUpload, as when the gateway read the marker before the part; and nothing is stored.
     */
    @Test
    void aPartOfARememberedUploadWhoseSegmentsContainerIsGoneIsNoSuchUpload() throws Exception {
        String bucket = bucket();
        String uploadId = s3().createMultipartUpload(b -> b.bucket(bucket).key("k")).uploadId();
        S3TestGateway.deleteContainer(swift(), bucket + "_segments");

        var failure = s3Error(() -> s3().uploadPart(b -> b.bucket(bucket).key("k").uploadId(uploadId).partNumber(1),
                RequestBody.fromBytes(randomBytes(100, 1))));
        assertEquals("NoSuchUpload", failure.awsErrorDetails().errorCode());
        assertEquals(404, failure.statusCode());
        assertEquals(List.of(), segmentNames(bucket));
    }

    /**
     * A Create whose bucket no cache knows yet (the first after CreateBucket) reads the bucket's registry record once:
     * the listing authorization reads also says that no lifecycle configuration is stored, so none is read for the
     * {@code x-amz-abort-*} headers (before: a GET of the configuration beside the listing, per cold bucket).
     */
    @Test
    void aColdCreateReadsTheRegistryRecordOnlyOnceWhenTheBucketHasNoLifecycleConfiguration() {
        String bucket = bucket();
        List<SwiftTraffic.Sent> seen = new CopyOnWriteArrayList<>();
        try (SwiftTraffic.Registration ignored = SwiftTraffic.observe(sent -> {
            String path = sent.uri().getRawPath();
            if (path.contains("/AUTH_s3multi") && (path.endsWith("/" + bucket) || path.contains("/" + bucket + "/"))) {
                seen.add(sent);
            }
        })) {
            assertNull(s3().createMultipartUpload(b -> b.bucket(bucket).key("k")).abortDate());
        }
        assertEquals(1, seen.size(), describe(seen));
    }

    private record Cost(List<SwiftTraffic.Sent> create, List<List<SwiftTraffic.Sent>> parts,
            List<SwiftTraffic.Sent> complete) {
        @Override
        public String toString() {
            StringBuilder out = new StringBuilder("\ncreate: " + describe(create));
            parts.forEach(part -> out.append("\npart: ").append(describe(part)));
            return out.append("\ncomplete: ").append(describe(complete)).toString();
        }
    }

    private static Cost upload(S3Client client, String bucket, String key) {
        List<SwiftTraffic.Sent> create = new ArrayList<>();
        String uploadId = counted(bucket, key, create,
                () -> client.createMultipartUpload(b -> b.bucket(bucket).key(key)).uploadId());
        List<CompletedPart> parts = new ArrayList<>();
        List<List<SwiftTraffic.Sent>> perPart = new ArrayList<>();
        for (int number = 1; number <= PARTS; number++) {
            int n = number;
            List<SwiftTraffic.Sent> seen = new ArrayList<>();
            String etag = counted(bucket, key, seen, () -> client.uploadPart(b -> b.bucket(bucket).key(key)
                    .uploadId(uploadId).partNumber(n), RequestBody.fromBytes(randomBytes(MIN_PART_SIZE, n))).eTag());
            parts.add(CompletedPart.builder().partNumber(n).eTag(etag).build());
            perPart.add(seen);
        }
        List<SwiftTraffic.Sent> complete = new ArrayList<>();
        counted(bucket, key, complete, () -> client.completeMultipartUpload(b -> b.bucket(bucket).key(key)
                .uploadId(uploadId).multipartUpload(m -> m.parts(parts))));
        return new Cost(create, perPart, complete);
    }

    private static String describe(List<SwiftTraffic.Sent> seen) {
        StringBuilder out = new StringBuilder(seen.size() + " requests");
        for (SwiftTraffic.Sent sent : seen) {
            out.append("\n    ").append(sent.method()).append(' ').append(sent.uri().getRawPath())
                    .append(sent.query().isEmpty() ? "" : "?" + sent.query()).append(' ').append(sent.status());
        }
        return out.toString();
    }

    /**
     * The call's requests on the bucket's containers (not the registry's, not the gateway's one /info), but not on
     * another key's object: the first upload's Complete looks at its key again in the background
     * ({@code SkippedLookCheck}), while the second upload is counted.
     */
    private static <T> T counted(String bucket, String key, List<SwiftTraffic.Sent> into, Supplier<T> call) {
        List<SwiftTraffic.Sent> seen = new CopyOnWriteArrayList<>();
        try (SwiftTraffic.Registration ignored = SwiftTraffic.observe(sent -> {
            String path = sent.uri().getRawPath();
            boolean otherKey = path.contains("/" + bucket + "/") && !path.endsWith("/" + bucket + "/" + key);
            if (path.contains("/AUTH_") && !path.contains("/AUTH_s3multi") && path.contains("/" + bucket)
                    && !otherKey) {
                seen.add(sent);
            }
        })) {
            T result = call.get();
            into.addAll(seen);
            return result;
        }
    }
}
