package io.s3multi.webapp.s3.multipart;

import io.s3multi.filters.proxylogging.AccessRecord;
import io.s3multi.s3.integrity.DigestAlgorithm;
import io.s3multi.webapp.fault.FaultProxy;
import io.s3multi.webapp.s3.AccessRecords;
import io.s3multi.webapp.s3.S3TestGateway;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.core.sync.RequestBody;
import software.amazon.awssdk.services.s3.model.ChecksumAlgorithm;
import software.amazon.awssdk.services.s3.model.ChecksumType;
import software.amazon.awssdk.services.s3.model.CompleteMultipartUploadResponse;
import software.amazon.awssdk.services.s3.model.CompletedPart;
import software.amazon.awssdk.services.s3.model.CopyPartResult;
import software.amazon.awssdk.services.s3.model.Part;
import software.amazon.awssdk.services.s3.model.UploadPartCopyResponse;
import software.amazon.awssdk.services.s3.model.UploadPartResponse;

import java.io.ByteArrayOutputStream;
import java.nio.ByteBuffer;
import java.security.MessageDigest;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Base64;
import java.util.List;
import java.util.zip.CRC32;
import java.util.zip.CRC32C;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * UploadPartCopy (server-side, with ranges, out of plain and multipart objects; with the part's checksum when the
 * upload has a checksum algorithm) and multipart checksums.
 */
class MultipartCopyAndChecksumIT extends MultipartIntegrationTest {

    @Test
    void partsCopiedOutOfPlainAndMultipartObjectsWithoutBytesThroughTheGateway() throws Exception {
        String bucket = bucket();
        byte[] plain = randomBytes(3 * MIN_PART_SIZE, 11);
        s3().putObject(b -> b.bucket(bucket).key("plain"), RequestBody.fromBytes(plain));
        // A multipart source of two parts.
        byte[] m1 = randomBytes(MIN_PART_SIZE, 12);
        byte[] m2 = randomBytes(MIN_PART_SIZE / 2, 13);
        String source = s3().createMultipartUpload(b -> b.bucket(bucket).key("multi")).uploadId();
        String e1 = s3().uploadPart(b -> b.bucket(bucket).key("multi").uploadId(source).partNumber(1),
                RequestBody.fromBytes(m1)).eTag();
        String e2 = s3().uploadPart(b -> b.bucket(bucket).key("multi").uploadId(source).partNumber(2),
                RequestBody.fromBytes(m2)).eTag();
        s3().completeMultipartUpload(b -> b.bucket(bucket).key("multi").uploadId(source).multipartUpload(m -> m.parts(
                CompletedPart.builder().partNumber(1).eTag(e1).build(),
                CompletedPart.builder().partNumber(2).eTag(e2).build())));

        String target = s3().createMultipartUpload(b -> b.bucket(bucket).key("copy")).uploadId();
        UploadPartCopyResponse first;
        UploadPartCopyResponse second;
        // Copied by a gateway whose Swift traffic a proxy counts: a copy through the gateway would move 2 MiB.
        try (FaultProxy proxy = FaultProxy.start(S3TestGateway.SWIFT_URL);
                S3TestGateway counted = startBehind(proxy);
                AccessRecords records = AccessRecords.listen(counted)) {
            long before = proxy.bytesExchanged();
            first = counted.s3().uploadPartCopy(b -> b.sourceBucket(bucket).sourceKey("plain")
                    .destinationBucket(bucket).destinationKey("copy").uploadId(target).partNumber(1)
                    .copySourceRange("bytes=" + MIN_PART_SIZE + "-" + (3 * MIN_PART_SIZE - 1)));
            // Across the part boundary of the multipart source.
            second = counted.s3().uploadPartCopy(b -> b.sourceBucket(bucket).sourceKey("multi")
                    .destinationBucket(bucket).destinationKey("copy").uploadId(target).partNumber(2)
                    .copySourceRange("bytes=" + (MIN_PART_SIZE - 100) + "-" + (MIN_PART_SIZE + 99)));
            long exchanged = proxy.bytesExchanged() - before;
            assertTrue(exchanged < 64 * 1024, "bytes between gateway and Swift for copies of 2 MiB and 200 bytes: "
                    + exchanged + " " + proxy.log());
            for (int i = 0; i < 2; i++) {
                AccessRecord copy = records.await("UploadPartCopy");
                assertEquals(0, copy.bytesIn(), copy.toLogLine());
                assertTrue(copy.bytesOut() < 1024, copy.toLogLine());
            }
        }
        byte[] expected1 = Arrays.copyOfRange(plain, MIN_PART_SIZE, 3 * MIN_PART_SIZE);
        byte[] expected2 = new byte[200];
        System.arraycopy(m1, MIN_PART_SIZE - 100, expected2, 0, 100);
        System.arraycopy(m2, 0, expected2, 100, 100);
        assertEquals("\"" + md5Hex(expected1) + "\"", first.copyPartResult().eTag());
        assertEquals("\"" + md5Hex(expected2) + "\"", second.copyPartResult().eTag());
        s3().completeMultipartUpload(b -> b.bucket(bucket).key("copy").uploadId(target).multipartUpload(m -> m.parts(
                CompletedPart.builder().partNumber(1).eTag(first.copyPartResult().eTag()).build(),
                CompletedPart.builder().partNumber(2).eTag(second.copyPartResult().eTag()).build())));
        ByteArrayOutputStream all = new ByteArrayOutputStream();
        all.write(expected1);
        all.write(expected2);
        assertArrayEquals(all.toByteArray(), s3().getObjectAsBytes(b -> b.bucket(bucket).key("copy")).asByteArray());
    }

    @Test
    void aCopyRangeBeyondTheSourceIsInvalidRange() {
        String bucket = bucket();
        s3().putObject(b -> b.bucket(bucket).key("small"), RequestBody.fromBytes(new byte[100]));
        String target = s3().createMultipartUpload(b -> b.bucket(bucket).key("copy")).uploadId();
        var error = s3Error(() -> s3().uploadPartCopy(b -> b.sourceBucket(bucket).sourceKey("small")
                .destinationBucket(bucket).destinationKey("copy").uploadId(target).partNumber(1)
                .copySourceRange("bytes=50-100")));
        assertEquals("InvalidRange", error.awsErrorDetails().errorCode());
        var malformed = s3Error(() -> s3().uploadPartCopy(b -> b.sourceBucket(bucket).sourceKey("small")
                .destinationBucket(bucket).destinationKey("copy").uploadId(target).partNumber(1)
                .copySourceRange("bytes=10-")));
        assertEquals("InvalidArgument", malformed.awsErrorDetails().errorCode());
    }

    @Test
    void compositeAndFullObjectCrc32AreStoredAndReturned() throws Exception {
        String bucket = bucket();
        byte[][] parts = {randomBytes(MIN_PART_SIZE, 21), randomBytes(777, 22)};
        for (ChecksumType type : List.of(ChecksumType.COMPOSITE, ChecksumType.FULL_OBJECT)) {
            String key = "sum-" + type;
            String uploadId = s3().createMultipartUpload(b -> b.bucket(bucket).key(key)
                    .checksumAlgorithm(ChecksumAlgorithm.CRC32).checksumType(type)).uploadId();
            List<CompletedPart> completed = new ArrayList<>();
            ByteArrayOutputStream composite = new ByteArrayOutputStream();
            for (int i = 0; i < parts.length; i++) {
                int number = i + 1;
                UploadPartResponse part = s3().uploadPart(b -> b.bucket(bucket).key(key).uploadId(uploadId)
                        .partNumber(number).checksumAlgorithm(ChecksumAlgorithm.CRC32),
                        RequestBody.fromBytes(parts[i]));
                assertEquals(crc32(parts[i]), part.checksumCRC32());
                composite.write(Base64.getDecoder().decode(part.checksumCRC32()));
                completed.add(CompletedPart.builder().partNumber(number).eTag(part.eTag())
                        .checksumCRC32(part.checksumCRC32()).build());
            }
            CompleteMultipartUploadResponse done = s3().completeMultipartUpload(b -> b.bucket(bucket).key(key)
                    .uploadId(uploadId).multipartUpload(m -> m.parts(completed)));
            ByteArrayOutputStream whole = new ByteArrayOutputStream();
            for (byte[] part : parts) {
                whole.write(part);
            }
            String expected = type == ChecksumType.COMPOSITE
                    ? crc32(composite.toByteArray()) + "-2"
                    : crc32(whole.toByteArray());
            assertEquals(expected, done.checksumCRC32(), type.toString());
            assertEquals(type, done.checksumType());
            assertEquals(expected, swift().objects().head(bucket, key, io.s3multi.swift.SwiftHeaders.empty())
                    .header("X-Object-Meta-S3multi-Checksum-Crc32"));
        }
    }

    @Test
    void aPartWithTheWrongChecksumInCompleteIsInvalidPart() {
        String bucket = bucket();
        String uploadId = s3().createMultipartUpload(b -> b.bucket(bucket).key("k")
                .checksumAlgorithm(ChecksumAlgorithm.CRC32)).uploadId();
        UploadPartResponse part = s3().uploadPart(b -> b.bucket(bucket).key("k").uploadId(uploadId).partNumber(1)
                .checksumAlgorithm(ChecksumAlgorithm.CRC32), RequestBody.fromBytes(randomBytes(10, 1)));
        var error = s3Error(() -> s3().completeMultipartUpload(b -> b.bucket(bucket).key("k").uploadId(uploadId)
                .multipartUpload(m -> m.parts(CompletedPart.builder().partNumber(1).eTag(part.eTag())
                        .checksumCRC32("AAAAAA==").build()))));
        assertEquals("InvalidPart", error.awsErrorDetails().errorCode());
    }

    @Test
    void partsCopiedIntoAnUploadWithAChecksumAlgorithmCarryTheirChecksums() throws Exception {
        String bucket = bucket();
        byte[] source = randomBytes(2 * MIN_PART_SIZE, 31);
        s3().putObject(b -> b.bucket(bucket).key("source"), RequestBody.fromBytes(source));
        byte[] first = Arrays.copyOfRange(source, 0, MIN_PART_SIZE);
        byte[] second = Arrays.copyOfRange(source, MIN_PART_SIZE, MIN_PART_SIZE + 1000);
        List<List<Object>> cases = List.of(List.of(ChecksumAlgorithm.CRC32, ChecksumType.COMPOSITE),
                List.of(ChecksumAlgorithm.CRC32_C, ChecksumType.FULL_OBJECT),
                List.of(ChecksumAlgorithm.CRC64_NVME, ChecksumType.FULL_OBJECT),
                List.of(ChecksumAlgorithm.SHA256, ChecksumType.COMPOSITE));
        for (List<Object> sum : cases) {
            ChecksumAlgorithm algorithm = (ChecksumAlgorithm) sum.get(0);
            ChecksumType type = (ChecksumType) sum.get(1);
            String key = "copy-" + algorithm + "-" + type;
            String uploadId = s3().createMultipartUpload(b -> b.bucket(bucket).key(key)
                    .checksumAlgorithm(algorithm).checksumType(type)).uploadId();
            CopyPartResult copy1 = s3().uploadPartCopy(b -> b.sourceBucket(bucket).sourceKey("source")
                    .destinationBucket(bucket).destinationKey(key).uploadId(uploadId).partNumber(1)
                    .copySourceRange("bytes=0-" + (MIN_PART_SIZE - 1))).copyPartResult();
            CopyPartResult copy2 = s3().uploadPartCopy(b -> b.sourceBucket(bucket).sourceKey("source")
                    .destinationBucket(bucket).destinationKey(key).uploadId(uploadId).partNumber(2)
                    .copySourceRange("bytes=" + MIN_PART_SIZE + "-" + (MIN_PART_SIZE + 999))).copyPartResult();
            assertEquals(checksum(algorithm, first), checksumOf(copy1, algorithm), key);
            assertEquals(checksum(algorithm, second), checksumOf(copy2, algorithm), key);
            List<Part> listed = s3().listParts(b -> b.bucket(bucket).key(key).uploadId(uploadId)).parts();
            assertEquals(checksum(algorithm, first), checksumOf(listed.get(0), algorithm), "stored on the segment");
            CompleteMultipartUploadResponse done = s3().completeMultipartUpload(b -> b.bucket(bucket).key(key)
                    .uploadId(uploadId).multipartUpload(m -> m.parts(
                            completedPart(1, copy1.eTag(), algorithm, checksumOf(copy1, algorithm)),
                            completedPart(2, copy2.eTag(), algorithm, checksumOf(copy2, algorithm)))));
            ByteArrayOutputStream whole = new ByteArrayOutputStream();
            whole.write(first);
            whole.write(second);
            ByteArrayOutputStream partSums = new ByteArrayOutputStream();
            partSums.write(Base64.getDecoder().decode(checksum(algorithm, first)));
            partSums.write(Base64.getDecoder().decode(checksum(algorithm, second)));
            String expected = type == ChecksumType.COMPOSITE ? checksum(algorithm, partSums.toByteArray()) + "-2"
                    : checksum(algorithm, whole.toByteArray());
            assertEquals(expected, checksumOf(done, algorithm), key);
            assertArrayEquals(whole.toByteArray(), s3().getObjectAsBytes(b -> b.bucket(bucket).key(key))
                    .asByteArray());
        }
    }

    /** The checksum computed here from the bytes (CRC64NVME by the gateway's own code: the JDK has none). */
    private static String checksum(ChecksumAlgorithm algorithm, byte[] bytes) throws Exception {
        return switch (algorithm) {
            case CRC32 -> crc32(bytes);
            case CRC32_C -> {
                CRC32C crc = new CRC32C();
                crc.update(bytes);
                yield Base64.getEncoder().encodeToString(ByteBuffer.allocate(4).putInt((int) crc.getValue()).array());
            }
            case CRC64_NVME -> DigestAlgorithm.CRC64NVME.toBase64(DigestAlgorithm.CRC64NVME.digest(bytes));
            case SHA256 -> Base64.getEncoder().encodeToString(MessageDigest.getInstance("SHA-256").digest(bytes));
            default -> throw new IllegalArgumentException(algorithm.toString());
        };
    }

    private static CompletedPart completedPart(int number, String eTag, ChecksumAlgorithm algorithm, String sum) {
        CompletedPart.Builder part = CompletedPart.builder().partNumber(number).eTag(eTag);
        return switch (algorithm) {
            case CRC32 -> part.checksumCRC32(sum).build();
            case CRC32_C -> part.checksumCRC32C(sum).build();
            case CRC64_NVME -> part.checksumCRC64NVME(sum).build();
            case SHA256 -> part.checksumSHA256(sum).build();
            default -> throw new IllegalArgumentException(algorithm.toString());
        };
    }

    private static String checksumOf(CopyPartResult result, ChecksumAlgorithm algorithm) {
        return pick(algorithm, result.checksumCRC32(), result.checksumCRC32C(), result.checksumCRC64NVME(),
                result.checksumSHA256());
    }

    private static String checksumOf(Part part, ChecksumAlgorithm algorithm) {
        return pick(algorithm, part.checksumCRC32(), part.checksumCRC32C(), part.checksumCRC64NVME(),
                part.checksumSHA256());
    }

    private static String checksumOf(CompleteMultipartUploadResponse done, ChecksumAlgorithm algorithm) {
        return pick(algorithm, done.checksumCRC32(), done.checksumCRC32C(), done.checksumCRC64NVME(),
                done.checksumSHA256());
    }

    private static String pick(ChecksumAlgorithm algorithm, String crc32, String crc32c, String crc64nvme,
            String sha256) {
        return switch (algorithm) {
            case CRC32 -> crc32;
            case CRC32_C -> crc32c;
            case CRC64_NVME -> crc64nvme;
            case SHA256 -> sha256;
            default -> throw new IllegalArgumentException(algorithm.toString());
        };
    }
}
