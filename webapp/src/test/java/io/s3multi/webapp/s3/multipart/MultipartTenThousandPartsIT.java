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

import java.io.InputStream;
import java.io.OutputStream;
import java.security.DigestInputStream;
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

/**
 * The most parts S3 allows, 10,000, with a minimum part size of 0, against Swift's own
 * {@code max_manifest_segments} (1,000 on the dev Swift: ten sub-manifests under the root): the exact multipart
 * ETag, the bytes read back by ranges and whole, and nothing of the upload's state left but its parts. Slow
 * (several minutes on the dev cluster: 10,000 part uploads, Swift checks every segment on Complete and reads every
 * segment for the whole read).
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
            MessageDigest expectedObject = MessageDigest.getInstance("MD5");
            MessageDigest md5OfMd5s = MessageDigest.getInstance("MD5");
            byte[] expected = new byte[parts * 2];
            List<Callable<CompletedPart>> uploads = new ArrayList<>();
            for (int number = 1; number <= parts; number++) {
                int n = number;
                byte[] body = {(byte) (n >> 8), (byte) n};
                System.arraycopy(body, 0, expected, (n - 1) * 2, 2);
                expectedObject.update(body);
                md5OfMd5s.update(MessageDigest.getInstance("MD5").digest(body));
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
            ListPartsResponse last = s3.listParts(b -> b.bucket(bucket).key("many").uploadId(uploadId)
                    .partNumberMarker(9_990));
            assertEquals(10, last.parts().size());
            assertFalse(last.isTruncated());
            String eTag = s3.completeMultipartUpload(b -> b.bucket(bucket).key("many").uploadId(uploadId)
                    .multipartUpload(m -> m.parts(completed))).eTag();
            assertEquals("\"" + HexFormat.of().formatHex(md5OfMd5s.digest()) + "-10000\"", eTag);
            assertEquals(parts * 2L, s3.headObject(b -> b.bucket(bucket).key("many")).contentLength());
            for (int[] range : new int[][]{{0, 99}, {9_990, 10_009}, {parts * 2 - 100, parts * 2 - 1}}) {
                byte[] read = s3.getObjectAsBytes(b -> b.bucket(bucket).key("many")
                        .range("bytes=" + range[0] + "-" + range[1])).asByteArray();
                assertArrayEquals(Arrays.copyOfRange(expected, range[0], range[1] + 1), read,
                        range[0] + "-" + range[1]);
            }
            // The whole object, streamed and digested (Swift reads its 10,000 segments for it).
            MessageDigest readObject = MessageDigest.getInstance("MD5");
            long length;
            try (InputStream whole = s3.getObject(b -> b.bucket(bucket).key("many"))) {
                length = new DigestInputStream(whole, readObject).transferTo(OutputStream.nullOutputStream());
            }
            assertEquals(parts * 2L, length);
            assertArrayEquals(expectedObject.digest(), readObject.digest(), "the bytes read back");

            List<String> segments = MultipartIntegrationTestSupport.segmentNames(gateway, bucket);
            assertEquals(10, segments.stream().filter(name -> name.startsWith("manifests/")).count());
            assertEquals(parts, segments.stream().filter(name -> name.startsWith("parts/" + uploadId + "/")).count());
            assertEquals(List.of(), segments.stream()
                    .filter(name -> name.startsWith("uploads/") || name.startsWith("claims/")).toList(),
                    "the marker and the claim are gone");
        } finally {
            gateway.deleteBucketDirectly(bucket);
        }
    }
}
