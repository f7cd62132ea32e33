package io.s3multi.webapp.fault;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.s3multi.swift.SwiftHeaders;
import java.nio.ByteBuffer;
import java.time.Duration;
import java.util.Base64;
import java.util.HexFormat;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.zip.CRC32;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.s3.model.ChecksumMode;
import software.amazon.awssdk.services.s3.model.CopyObjectResponse;
import software.amazon.awssdk.services.s3.model.HeadObjectResponse;
import software.amazon.awssdk.services.s3.model.ObjectAttributes;
import software.amazon.awssdk.services.s3.model.PutObjectResponse;

/**
 * A checksum Swift stores apart from the bytes it was computed for, with a writer of the same key in between (held
 * at the {@link FaultProxy}): the gateway must never show it on the other writer's bytes, since it is bound to the
 * ETag of the object it was computed for.
 * <ul>
 *   <li>A large PutObject with its checksum in the aws-chunked trailer (the AWS SDK's default) is a Swift PUT, a
 *       look at the key, then a metadata POST with the checksum if the key still holds the PUT's object. Swift has
 *       no conditional POST: a second writer's PutObject landing between the look and the POST gets the first
 *       writer's metadata and checksum; one landing before the look keeps its own.</li>
 *   <li>CopyObject reads the source's checksum with a HEAD, then Swift copies whatever the source holds when the
 *       copy runs: a PutObject of the source landing between the two gives the copy other bytes.</li>
 * </ul>
 */
class ChecksumBindingRaceIT extends FaultInjectionTest {

    private static final Duration WAIT = Duration.ofSeconds(30);
    /** Above swift-client's upload buffer (256 KiB): the checksum is stored by a POST after the PUT. */
    private static final int SIZE = 300 * 1024;
    /** Within swift-client's upload buffer: the checksum goes with the PUT. */
    private static final int SMALL = 64 * 1024;

    @Test
    void aChecksumPostedOntoALaterWritersObjectIsNeverShown() throws Exception {
        String bucket = bucket();
        String key = "raced";
        byte[] firstBytes = patternBytes(SIZE, 1);
        byte[] secondBytes = patternBytes(SIZE, 2);
        Hold firstPost = proxy().when(object("POST", bucket, key)).times(1).then(Fault.hold());
        CompletableFuture<PutObjectResponse> first = CompletableFuture.supplyAsync(
                () -> s3().putObject(b -> b.bucket(bucket).key(key), pattern(SIZE, 1)));
        assertTrue(firstPost.awaitHeld(WAIT), "the first writer's checksum POST: " + proxy().log());

        s3().putObject(b -> b.bucket(bucket).key(key), pattern(SIZE, 2));
        assertEquals(crc32(secondBytes), s3().headObject(b -> b.bucket(bucket).key(key)
                .checksumMode(ChecksumMode.ENABLED)).checksumCRC32(), "the second writer's own checksum is shown");
        firstPost.release();
        assertEquals(crc32(firstBytes), first.get(WAIT.toSeconds(), TimeUnit.SECONDS).checksumCRC32());

        SwiftHeaders stored = gateway().swift().objects().head(bucket, key, SwiftHeaders.empty()).headers();
        assertEquals(md5(secondBytes), stored.get("ETag"), "Swift holds the second writer's bytes");
        assertEquals(crc32(firstBytes), stored.get("X-Object-Meta-S3multi-Checksum-Crc32"),
                "and, Swift having no conditional POST, the first writer's checksum");
        assertEquals(md5(firstBytes), stored.get("X-Object-Meta-S3multi-Checksum-Of"),
                "bound to the first writer's object");

        assertNull(s3().headObject(b -> b.bucket(bucket).key(key).checksumMode(ChecksumMode.ENABLED))
                .checksumCRC32(), "HeadObject");
        var got = s3().getObjectAsBytes(b -> b.bucket(bucket).key(key).checksumMode(ChecksumMode.ENABLED));
        assertArrayEquals(secondBytes, got.asByteArray());
        assertNull(got.response().checksumCRC32(), "GetObject");
        assertNull(s3().getObjectAttributes(b -> b.bucket(bucket).key(key)
                .objectAttributes(ObjectAttributes.CHECKSUM, ObjectAttributes.E_TAG)).checksum(), "GetObjectAttributes");
    }

    @Test
    void aLaterWriterLandingBeforeTheChecksumIsStoredKeepsItsMetadata() throws Exception {
        String bucket = bucket();
        String key = "overtaken";
        byte[] firstBytes = patternBytes(SIZE, 1);
        byte[] secondBytes = patternBytes(SIZE, 2);
        // What the first writer sends to the key after its PUT: its look at the key (the only HEAD asking every
        // replica) or, where it does not look, its checksum POST.
        Hold afterPut = proxy().when(object("POST", bucket, key).or(object("HEAD", bucket, key)
                .and(request -> "true".equals(request.header("X-Newest"))))).times(1).then(Fault.hold());
        CompletableFuture<PutObjectResponse> first = CompletableFuture.supplyAsync(() -> s3().putObject(b -> b
                .bucket(bucket).key(key).contentType("text/plain").metadata(Map.of("writer", "first")),
                pattern(SIZE, 1)));
        assertTrue(afterPut.awaitHeld(WAIT), "the first writer's request after its PUT: " + proxy().log());

        s3().putObject(b -> b.bucket(bucket).key(key).contentType("image/png").metadata(Map.of("writer", "second")),
                pattern(SIZE, 2));
        afterPut.release();
        PutObjectResponse firstAnswer = first.get(WAIT.toSeconds(), TimeUnit.SECONDS);
        assertEquals("\"" + md5(firstBytes) + "\"", firstAnswer.eTag(), "the first PutObject succeeded, as on AWS");

        HeadObjectResponse head = s3().headObject(b -> b.bucket(bucket).key(key).checksumMode(ChecksumMode.ENABLED));
        assertEquals(Map.of("writer", "second"), head.metadata(), "the second writer's user metadata");
        assertEquals("image/png", head.contentType(), "the second writer's content type");
        assertEquals(crc32(secondBytes), head.checksumCRC32(), "the second writer's checksum, not the first's");
        assertArrayEquals(secondBytes, s3().getObjectAsBytes(b -> b.bucket(bucket).key(key)).asByteArray());
        SwiftHeaders stored = gateway().swift().objects().head(bucket, key, SwiftHeaders.empty()).headers();
        assertEquals(md5(secondBytes), stored.get("ETag"), "Swift holds the second writer's bytes");
        assertEquals(crc32(secondBytes), stored.get("X-Object-Meta-S3multi-Checksum-Crc32"),
                "and no checksum of the first writer's");
    }

    @Test
    void aChecksumCopiedFromASourceOverwrittenDuringTheCopyIsNeverShown() throws Exception {
        String bucket = bucket();
        byte[] firstBytes = patternBytes(SMALL, 1);
        byte[] secondBytes = patternBytes(SMALL, 2);
        s3().putObject(b -> b.bucket(bucket).key("source"), pattern(SMALL, 1));
        Hold copy = proxy().when(object("PUT", bucket, "copy")).times(1).then(Fault.hold());
        CompletableFuture<CopyObjectResponse> copied = CompletableFuture.supplyAsync(() -> s3().copyObject(b -> b
                .sourceBucket(bucket).sourceKey("source").destinationBucket(bucket).destinationKey("copy")));
        assertTrue(copy.awaitHeld(WAIT), "the copy's Swift PUT: " + proxy().log());

        s3().putObject(b -> b.bucket(bucket).key("source"), pattern(SMALL, 2));
        copy.release();
        CopyObjectResponse answer = copied.get(WAIT.toSeconds(), TimeUnit.SECONDS);

        var got = s3().getObjectAsBytes(b -> b.bucket(bucket).key("copy").checksumMode(ChecksumMode.ENABLED));
        assertArrayEquals(secondBytes, got.asByteArray(), "Swift copied what the source held when the copy ran");
        assertNotEquals(crc32(firstBytes), answer.copyObjectResult().checksumCRC32(), "CopyObject's answer");
        assertNotEquals(crc32(firstBytes), got.response().checksumCRC32(), "GetObject");
        assertNotEquals(crc32(firstBytes), s3().headObject(b -> b.bucket(bucket).key("copy")
                .checksumMode(ChecksumMode.ENABLED)).checksumCRC32(), "HeadObject");
    }

    private static String crc32(byte[] bytes) {
        CRC32 crc = new CRC32();
        crc.update(bytes);
        return Base64.getEncoder().encodeToString(ByteBuffer.allocate(4).putInt((int) crc.getValue()).array());
    }

    private static String md5(byte[] bytes) throws Exception {
        return HexFormat.of().formatHex(java.security.MessageDigest.getInstance("MD5").digest(bytes));
    }
}
