package io.s3multi.webapp.s3.multipart;

import io.s3multi.webapp.s3.S3TestGateway;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.core.checksums.RequestChecksumCalculation;
import software.amazon.awssdk.core.sync.RequestBody;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.model.CompletedPart;
import software.amazon.awssdk.services.s3.model.ListPartsResponse;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Properties;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The most parts S3 allows, 10,000, with a minimum part size of 0, against Swift's own
 * {@code max_manifest_segments} (1,000 on the dev Swift: ten sub-manifests under the root), read back by ranges.
 * Slow (several minutes on the dev cluster: 10,000 part uploads, and Swift checks every segment on Complete).
 */
class MultipartTenThousandPartsIT {

    private static S3TestGateway gateway;

    @BeforeAll
    static void start() throws Exception {
        Properties properties = S3TestGateway.configuration();
        properties.setProperty("pipeline", S3TestGateway.PIPELINE);
        properties.setProperty("filter.s3multi.swift_url", S3TestGateway.SWIFT_URL);
        properties.setProperty("filter.s3multi.min_part_size", "0");
        gateway = S3TestGateway.start(properties);
    }

    @AfterAll
    static void stop() throws Exception {
        gateway.close();
    }

    @Test
    void tenThousandPartsMakeOneObject() throws Exception {
        String bucket = S3TestGateway.uniqueBucket();
        try {
            // Without the SDK's default CRC32 trailer: fewer requests per part, the test is about the count.
            S3Client s3 = gateway.s3(S3TestGateway.TESTER, S3TestGateway.TESTER_KEY,
                    builder -> builder.requestChecksumCalculation(RequestChecksumCalculation.WHEN_REQUIRED));
            s3.createBucket(b -> b.bucket(bucket));
            String uploadId = s3.createMultipartUpload(b -> b.bucket(bucket).key("many")).uploadId();
            int parts = 10_000;
            byte[] expected = new byte[parts * 2];
            List<Callable<CompletedPart>> uploads = new ArrayList<>();
            for (int number = 1; number <= parts; number++) {
                int n = number;
                byte[] body = {(byte) (n >> 8), (byte) n};
                System.arraycopy(body, 0, expected, (n - 1) * 2, 2);
                uploads.add(() -> CompletedPart.builder().partNumber(n).eTag(s3.uploadPart(b -> b.bucket(bucket)
                        .key("many").uploadId(uploadId).partNumber(n), RequestBody.fromBytes(body)).eTag()).build());
            }
            ExecutorService pool = Executors.newFixedThreadPool(16);
            List<CompletedPart> completed = new ArrayList<>();
            try {
                for (Future<CompletedPart> done : pool.invokeAll(uploads)) {
                    completed.add(done.get());
                }
            } finally {
                pool.shutdownNow();
            }
            ListPartsResponse last = s3.listParts(b -> b.bucket(bucket).key("many").uploadId(uploadId)
                    .partNumberMarker(9_990));
            assertEquals(10, last.parts().size());
            assertFalse(last.isTruncated());
            String eTag = s3.completeMultipartUpload(b -> b.bucket(bucket).key("many").uploadId(uploadId)
                    .multipartUpload(m -> m.parts(completed))).eTag();
            assertTrue(eTag.endsWith("-10000\""), eTag);
            // A whole read of 10,000 two-byte segments costs Swift 10,000 segment GETs (minutes on the dev
            // cluster): the size, and the first, a middle and the last bytes are read instead.
            assertEquals(parts * 2L, s3.headObject(b -> b.bucket(bucket).key("many")).contentLength());
            for (int[] range : new int[][]{{0, 99}, {9_990, 10_009}, {parts * 2 - 100, parts * 2 - 1}}) {
                byte[] read = s3.getObjectAsBytes(b -> b.bucket(bucket).key("many")
                        .range("bytes=" + range[0] + "-" + range[1])).asByteArray();
                assertArrayEquals(Arrays.copyOfRange(expected, range[0], range[1] + 1), read,
                        range[0] + "-" + range[1]);
            }
            long subManifests = MultipartIntegrationTestSupport.segmentNames(gateway, bucket).stream()
                    .filter(name -> name.startsWith("manifests/")).count();
            assertEquals(10, subManifests);
        } finally {
            gateway.deleteBucketDirectly(bucket);
        }
    }
}
