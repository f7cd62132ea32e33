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

import io.s3multi.swift.slo.ManifestEntry;
import java.security.MessageDigest;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.List;
import java.util.Properties;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The most parts S3 allows, 10,000, with a minimum part size of 0, against Swift's own
 * {@code max_manifest_segments} (1,000 on the dev Swift: ten sub-manifests under the root): the exact multipart
 * ETag, the manifests Swift stored naming every part in order (size and MD5), the bytes read back by ranges across
 * every sub-manifest boundary and at both ends, and nothing of the upload's state left but its parts. Slow (minutes on
 * the dev cluster: 10,000 part uploads, and Swift checks every segment on Complete). The object is not read whole:
 * that made Swift read 10,000 segments for bytes the manifests already pin down.
 */
class MultipartTenThousandPartsIT {

    /** Swift's {@code max_manifest_segments} on the dev cluster. */
    private static final int MAX_MANIFEST_SEGMENTS = 1_000;

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
            long startedAt = System.nanoTime();
            MessageDigest md5OfMd5s = MessageDigest.getInstance("MD5");
            List<String> partMd5s = new ArrayList<>();
            byte[] expected = new byte[parts * 2];
            List<Callable<CompletedPart>> uploads = new ArrayList<>();
            for (int number = 1; number <= parts; number++) {
                int n = number;
                byte[] body = {(byte) (n >> 8), (byte) n};
                System.arraycopy(body, 0, expected, (n - 1) * 2, 2);
                byte[] md5 = MessageDigest.getInstance("MD5").digest(body);
                md5OfMd5s.update(md5);
                partMd5s.add(HexFormat.of().formatHex(md5));
                uploads.add(() -> CompletedPart.builder().partNumber(n).eTag(s3.uploadPart(b -> b.bucket(bucket)
                        .key("many").uploadId(uploadId).partNumber(n), RequestBody.fromBytes(body)).eTag()).build());
            }
            ExecutorService pool = Executors.newFixedThreadPool(16);
            List<CompletedPart> completed = new ArrayList<>();
            try {
                for (Future<CompletedPart> done : pool.invokeAll(uploads, 30, TimeUnit.MINUTES)) {
                    completed.add(done.get(0, TimeUnit.SECONDS));   // done or cancelled: invokeAll waited
                }
            } finally {
                pool.shutdownNow();
            }
            long uploadedAt = System.nanoTime();
            ListPartsResponse last = s3.listParts(b -> b.bucket(bucket).key("many").uploadId(uploadId)
                    .partNumberMarker(9_990));
            assertEquals(10, last.parts().size());
            assertFalse(last.isTruncated());
            String eTag = s3.completeMultipartUpload(b -> b.bucket(bucket).key("many").uploadId(uploadId)
                    .multipartUpload(m -> m.parts(completed))).eTag();
            assertEquals("\"" + HexFormat.of().formatHex(md5OfMd5s.digest()) + "-10000\"", eTag);
            assertEquals(parts * 2L, s3.headObject(b -> b.bucket(bucket).key("many")).contentLength());
            long completedAt = System.nanoTime();
            // What Swift stored, instead of reading 10,000 segments back: the root manifest names the ten
            // sub-manifests, and they name every part in order with its size and MD5 (Swift checked each segment
            // against these when the manifests were written).
            int number = 0;
            List<ManifestEntry> root = gateway.swift().largeObjects().getManifest(bucket, "many");
            assertEquals(10, root.size(), "sub-manifests of " + MAX_MANIFEST_SEGMENTS + " parts under the root");
            for (ManifestEntry sub : root) {
                assertTrue(sub.subSlo(), sub.toString());
                assertEquals(bucket + "_segments", sub.path().container());
                assertTrue(sub.path().object().startsWith("manifests/" + uploadId + "/"), sub.toString());
                assertEquals(MAX_MANIFEST_SEGMENTS * 2L, sub.bytes(), sub.toString());
                for (ManifestEntry part : gateway.swift().largeObjects()
                        .getManifest(sub.path().container(), sub.path().object())) {
                    number++;
                    assertFalse(part.subSlo(), part.toString());
                    assertEquals(bucket + "_segments", part.path().container());
                    assertTrue(part.path().object().startsWith("parts/" + uploadId + "/%05d/".formatted(number)),
                            "part " + number + " in its place: " + part);
                    assertEquals(2, part.bytes(), part.toString());
                    assertEquals(partMd5s.get(number - 1), part.hash(), "part " + number);
                }
            }
            assertEquals(parts, number);
            // Swift serves the nesting: ranges across the boundaries of the sub-manifests, and both ends.
            List<int[]> ranges = new ArrayList<>(List.of(new int[]{0, 99}, new int[]{parts * 2 - 100, parts * 2 - 1}));
            int subManifestBytes = MAX_MANIFEST_SEGMENTS * 2;
            for (int boundary = subManifestBytes; boundary < parts * 2; boundary += subManifestBytes) {
                ranges.add(new int[]{boundary - 3, boundary + 2});
            }
            for (int[] range : ranges) {
                byte[] read = s3.getObjectAsBytes(b -> b.bucket(bucket).key("many")
                        .range("bytes=" + range[0] + "-" + range[1])).asByteArray();
                assertArrayEquals(Arrays.copyOfRange(expected, range[0], range[1] + 1), read,
                        range[0] + "-" + range[1]);
            }
            System.out.printf("TENK parts uploaded in %d s, completed in %d s, checked in %d s%n",
                    TimeUnit.NANOSECONDS.toSeconds(uploadedAt - startedAt),
                    TimeUnit.NANOSECONDS.toSeconds(completedAt - uploadedAt),
                    TimeUnit.NANOSECONDS.toSeconds(System.nanoTime() - completedAt));

            List<String> segments = MultipartIntegrationTestSupport.segmentNames(gateway, bucket);
            assertEquals(10, segments.stream().filter(name -> name.startsWith("manifests/")).count());
            assertEquals(parts, segments.stream().filter(name -> name.startsWith("parts/" + uploadId + "/")).count());
            assertEquals(List.of(), segments.stream()
                    .filter(name -> name.startsWith("uploads/") || name.startsWith("claims/")).toList(),
                    "the marker and the claim are gone");
        } finally {
            long cleanupAt = System.nanoTime();
            gateway.deleteBucketDirectly(bucket);
            System.out.printf("TENK cleaned up in %d s%n",
                    TimeUnit.NANOSECONDS.toSeconds(System.nanoTime() - cleanupAt));
        }
    }
}
