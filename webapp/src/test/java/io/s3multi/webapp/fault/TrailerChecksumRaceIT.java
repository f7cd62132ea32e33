package io.s3multi.webapp.fault;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.s3multi.swift.SwiftHeaders;
import java.nio.ByteBuffer;
import java.time.Duration;
import java.util.Base64;
import java.util.HexFormat;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.zip.CRC32;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.s3.model.ChecksumMode;
import software.amazon.awssdk.services.s3.model.ObjectAttributes;
import software.amazon.awssdk.services.s3.model.PutObjectResponse;

/**
 * A large PutObject with its checksum in the aws-chunked trailer (the AWS SDK's default) is a Swift PUT, then a
 * metadata POST with the checksum, and Swift has no conditional POST. Here a second writer's PutObject of the same
 * key lands between the first writer's PUT and its POST (held at the {@link FaultProxy}): the POST then puts the
 * first writer's checksum on the second writer's bytes. Swift stores it; the gateway must never show it, since it
 * is bound to the ETag of the object it was computed for.
 */
class TrailerChecksumRaceIT extends FaultInjectionTest {

    private static final Duration WAIT = Duration.ofSeconds(30);
    /** Above swift-client's upload buffer (256 KiB): the checksum is stored by a POST after the PUT. */
    private static final int SIZE = 300 * 1024;

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

    private static String crc32(byte[] bytes) {
        CRC32 crc = new CRC32();
        crc.update(bytes);
        return Base64.getEncoder().encodeToString(ByteBuffer.allocate(4).putInt((int) crc.getValue()).array());
    }

    private static String md5(byte[] bytes) throws Exception {
        return HexFormat.of().formatHex(java.security.MessageDigest.getInstance("MD5").digest(bytes));
    }
}
