package io.s3multi.webapp.s3;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.Base64;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.core.sync.RequestBody;
import software.amazon.awssdk.services.s3.model.S3Exception;

/**
 * Bodies that do not match their digests: the client gets S3's error and Swift stores nothing (checked with a
 * HEAD directly in Swift), also when an older object of the same key exists.
 */
class IntegrityIT extends S3IntegrationTest {

    private static final byte[] BODY = "integrity matters".getBytes(UTF_8);
    private static final String WRONG_MD5 = Base64.getEncoder().encodeToString(new byte[16]);

    @Test
    void aBadContentMd5IsBadDigestAndNothingIsStored() throws Exception {
        String bucket = ObjectTests.createBucket(this, swift());
        S3Exception refused = assertThrows(S3Exception.class, () -> s3().putObject(
                b -> b.bucket(bucket).key("md5").contentMD5(WRONG_MD5), RequestBody.fromBytes(BODY)));
        assertEquals("BadDigest", refused.awsErrorDetails().errorCode());
        assertEquals(400, refused.statusCode());
        ObjectTests.assertNotInSwift(swift(), bucket, "md5");
    }

    @Test
    void aMalformedContentMd5IsInvalidDigest() throws Exception {
        String bucket = ObjectTests.createBucket(this, swift());
        S3Exception refused = assertThrows(S3Exception.class, () -> s3().putObject(
                b -> b.bucket(bucket).key("md5").contentMD5("not-base64!"), RequestBody.fromBytes(BODY)));
        assertEquals("InvalidDigest", refused.awsErrorDetails().errorCode());
        ObjectTests.assertNotInSwift(swift(), bucket, "md5");
    }

    @Test
    void aWrongCrc32IsBadDigestAndTheOlderObjectStays() throws Exception {
        String bucket = ObjectTests.createBucket(this, swift());
        s3().putObject(b -> b.bucket(bucket).key("crc"), RequestBody.fromBytes(BODY));
        S3Exception refused = assertThrows(S3Exception.class, () -> s3().putObject(
                b -> b.bucket(bucket).key("crc").checksumCRC32("AAAAAA=="), RequestBody.fromString("replacement")));
        assertEquals("BadDigest", refused.awsErrorDetails().errorCode());
        assertArrayEquals(BODY, ObjectTests.readDirectly(swift(), bucket, "crc"));

        assertThrows(S3Exception.class, () -> s3().putObject(
                b -> b.bucket(bucket).key("crc-new").checksumCRC32("AAAAAA=="), RequestBody.fromBytes(BODY)));
        ObjectTests.assertNotInSwift(swift(), bucket, "crc-new");
    }

    @Test
    void aChecksumSentAsAHeaderIsVerifiedAndStored() throws Exception {
        String bucket = ObjectTests.createBucket(this, swift());
        String crc = ObjectTests.crc32Base64(BODY);
        var put = s3().putObject(b -> b.bucket(bucket).key("header-crc").checksumCRC32(crc),
                RequestBody.fromBytes(BODY));
        assertEquals(crc, put.checksumCRC32());
        assertEquals(crc, swift().objects().head(bucket, "header-crc", io.s3multi.swift.SwiftHeaders.empty())
                .header("X-Object-Meta-S3multi-Checksum-Crc32"));
        assertArrayEquals(BODY, ObjectTests.readDirectly(swift(), bucket, "header-crc"));
    }

    @Test
    void aCorrectContentMd5IsAccepted() throws Exception {
        String bucket = ObjectTests.createBucket(this, swift());
        String md5 = Base64.getEncoder().encodeToString(java.util.HexFormat.of().parseHex(ObjectIT.md5Hex(BODY)));
        s3().putObject(b -> b.bucket(bucket).key("ok").contentMD5(md5), RequestBody.fromBytes(BODY));
        assertArrayEquals(BODY, ObjectTests.readDirectly(swift(), bucket, "ok"));
    }
}
