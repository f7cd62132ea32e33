package io.s3multi.webapp.s3;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.s3multi.filters.proxylogging.AccessRecord;
import io.s3multi.swift.SwiftHeaders;
import io.s3multi.swift.SwiftReply;
import io.s3multi.webapp.fault.FaultProxy;
import java.io.InputStream;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.core.sync.RequestBody;
import software.amazon.awssdk.services.s3.model.ChecksumMode;
import software.amazon.awssdk.services.s3.model.CopyObjectResponse;
import software.amazon.awssdk.services.s3.model.HeadObjectResponse;
import software.amazon.awssdk.services.s3.model.MetadataDirective;
import software.amazon.awssdk.services.s3.model.S3Exception;

/** CopyObject with the AWS SDK: server-side, metadata directives, copy-source conditions, errors. */
class CopyObjectIT extends S3IntegrationTest {

    private static final byte[] BODY = "copy me, server side".getBytes(UTF_8);

    private String bucketWithSource() throws Exception {
        String bucket = ObjectTests.createBucket(this, swift());
        s3().putObject(b -> b.bucket(bucket).key("src").contentType("text/x-source").contentLanguage("en")
                .metadata(Map.of("origin", "source")), RequestBody.fromBytes(BODY));
        return bucket;
    }

    @Test
    void copyKeepsBytesContentHeadersMetadataAndChecksum() throws Exception {
        String bucket = bucketWithSource();
        String target = ObjectTests.createBucket(this, swift());
        CopyObjectResponse copy = s3().copyObject(b -> b.sourceBucket(bucket).sourceKey("src")
                .destinationBucket(target).destinationKey("dst/copy"));
        assertEquals("\"" + ObjectIT.md5Hex(BODY) + "\"", copy.copyObjectResult().eTag());
        assertTrue(copy.copyObjectResult().lastModified().isAfter(Instant.now().minusSeconds(60)));
        assertEquals(ObjectTests.crc32Base64(BODY), copy.copyObjectResult().checksumCRC32());

        assertArrayEquals(BODY, ObjectTests.readDirectly(swift(), target, "dst/copy"));
        SwiftReply stored = swift().objects().head(target, "dst/copy", SwiftHeaders.empty());
        assertEquals("text/x-source", stored.header("Content-Type"));
        assertEquals("en", stored.header("Content-Language"));
        assertEquals("source", stored.header("X-Object-Meta-Origin"));
        HeadObjectResponse head = s3().headObject(b -> b.bucket(target).key("dst/copy")
                .checksumMode(ChecksumMode.ENABLED));
        assertEquals(Map.of("origin", "source"), head.metadata());
        assertEquals(ObjectTests.crc32Base64(BODY), head.checksumCRC32());
    }

    @Test
    void replaceTakesTheRequestsMetadataAndContentHeaders() throws Exception {
        String bucket = bucketWithSource();
        s3().copyObject(b -> b.sourceBucket(bucket).sourceKey("src").destinationBucket(bucket)
                .destinationKey("replaced").metadataDirective(MetadataDirective.REPLACE).contentType("text/x-new")
                .metadata(Map.of("fresh", "yes")));
        SwiftReply stored = swift().objects().head(bucket, "replaced", SwiftHeaders.empty());
        assertEquals("text/x-new", stored.header("Content-Type"));
        assertNull(stored.header("Content-Language"));
        assertNull(stored.header("X-Object-Meta-Origin"));
        assertEquals("yes", stored.header("X-Object-Meta-Fresh"));
        assertArrayEquals(BODY, ObjectTests.readDirectly(swift(), bucket, "replaced"));
    }

    @Test
    void copyOntoItselfNeedsReplace() throws Exception {
        String bucket = bucketWithSource();
        S3Exception refused = assertThrows(S3Exception.class, () -> s3().copyObject(b -> b.sourceBucket(bucket)
                .sourceKey("src").destinationBucket(bucket).destinationKey("src")));
        assertEquals("InvalidRequest", refused.awsErrorDetails().errorCode());
        s3().copyObject(b -> b.sourceBucket(bucket).sourceKey("src").destinationBucket(bucket).destinationKey("src")
                .metadataDirective(MetadataDirective.REPLACE).metadata(Map.of("updated", "1")));
        assertEquals(Map.of("updated", "1"), s3().headObject(b -> b.bucket(bucket).key("src")).metadata());
        assertArrayEquals(BODY, ObjectTests.readDirectly(swift(), bucket, "src"));
    }

    @Test
    void copySourceConditionsFailAsPreconditionFailed() throws Exception {
        String bucket = bucketWithSource();
        String etag = "\"" + ObjectIT.md5Hex(BODY) + "\"";
        Instant modified = s3().headObject(b -> b.bucket(bucket).key("src")).lastModified();
        Instant before = modified.minus(1, ChronoUnit.HOURS);
        Instant after = modified.plus(1, ChronoUnit.HOURS);

        s3().copyObject(b -> b.sourceBucket(bucket).sourceKey("src").destinationBucket(bucket).destinationKey("a")
                .copySourceIfMatch(etag).copySourceIfUnmodifiedSince(before));
        assertTrue(ObjectTests.existsInSwift(swift(), bucket, "a"));
        for (var failing : List.<java.util.function.Consumer<
                software.amazon.awssdk.services.s3.model.CopyObjectRequest.Builder>>of(
                b -> b.copySourceIfMatch("\"other\""),
                b -> b.copySourceIfNoneMatch(etag),
                b -> b.copySourceIfModifiedSince(after),
                b -> b.copySourceIfUnmodifiedSince(before),
                b -> b.copySourceIfNoneMatch(etag).copySourceIfModifiedSince(before))) {
            S3Exception refused = assertThrows(S3Exception.class, () -> s3().copyObject(b -> {
                b.sourceBucket(bucket).sourceKey("src").destinationBucket(bucket).destinationKey("b");
                failing.accept(b);
            }));
            assertEquals(412, refused.statusCode());
            assertEquals("PreconditionFailed", refused.awsErrorDetails().errorCode());
        }
        ObjectTests.assertNotInSwift(swift(), bucket, "b");
    }

    /**
     * The destination's conditions (AWS's conditional writes on CopyObject, the SDK's {@code ifNoneMatch} and
     * {@code ifMatch}) as PutObject's: the gateway used to ignore them and overwrite the destination.
     */
    @Test
    void destinationConditionsKeepTheObjectTheyProtect() throws Exception {
        String bucket = bucketWithSource();
        swift().objects().put(bucket, "dst", "kept".getBytes(UTF_8), SwiftHeaders.empty());
        for (var failing : List.<java.util.function.Consumer<
                software.amazon.awssdk.services.s3.model.CopyObjectRequest.Builder>>of(
                b -> b.ifNoneMatch("*"), b -> b.ifMatch("\"0123456789abcdef0123456789abcdef\""))) {
            S3Exception refused = assertThrows(S3Exception.class, () -> s3().copyObject(b -> {
                b.sourceBucket(bucket).sourceKey("src").destinationBucket(bucket).destinationKey("dst");
                failing.accept(b);
            }));
            assertEquals("PreconditionFailed", refused.awsErrorDetails().errorCode());
        }
        assertArrayEquals("kept".getBytes(UTF_8), ObjectTests.readDirectly(swift(), bucket, "dst"));
        S3Exception missing = assertThrows(S3Exception.class, () -> s3().copyObject(b -> b.sourceBucket(bucket)
                .sourceKey("src").destinationBucket(bucket).destinationKey("none").ifMatch("*")));
        assertEquals("NoSuchKey", missing.awsErrorDetails().errorCode());
        ObjectTests.assertNotInSwift(swift(), bucket, "none");

        s3().copyObject(b -> b.sourceBucket(bucket).sourceKey("src").destinationBucket(bucket).destinationKey("dst")
                .ifMatch("\"" + ObjectIT.md5Hex("kept".getBytes(UTF_8)) + "\""));
        s3().copyObject(b -> b.sourceBucket(bucket).sourceKey("src").destinationBucket(bucket).destinationKey("new")
                .ifNoneMatch("*"));
        assertArrayEquals(BODY, ObjectTests.readDirectly(swift(), bucket, "dst"));
        assertArrayEquals(BODY, ObjectTests.readDirectly(swift(), bucket, "new"));
    }

    @Test
    void missingSourcesAndBucketsAreTold() throws Exception {
        String bucket = ObjectTests.createBucket(this, swift());
        assertEquals("NoSuchKey", assertThrows(S3Exception.class, () -> s3().copyObject(b -> b.sourceBucket(bucket)
                .sourceKey("absent").destinationBucket(bucket).destinationKey("x"))).awsErrorDetails().errorCode());
        String missing = uniqueBucket();
        assertEquals("NoSuchBucket", assertThrows(S3Exception.class, () -> s3().copyObject(b -> b.sourceBucket(missing)
                .sourceKey("k").destinationBucket(bucket).destinationKey("x"))).awsErrorDetails().errorCode());
        String source = bucketWithSource();
        assertEquals("NoSuchBucket", assertThrows(S3Exception.class, () -> s3().copyObject(b -> b.sourceBucket(source)
                .sourceKey("src").destinationBucket(missing).destinationKey("x"))).awsErrorDetails().errorCode());
    }

    /**
     * A 32 MiB copy costs Swift a few kilobytes of exchange with the gateway, counted by a {@link FaultProxy}
     * between them: a gateway that downloaded and uploaded the source again would move 64 MiB. The client side
     * (the access record) carries only the CopyObjectResult.
     */
    @Test
    void noObjectBytesPassThroughTheGateway() throws Exception {
        String bucket = ObjectTests.createBucket(this, swift());
        long size = 32L * 1024 * 1024;
        // Written directly into Swift: the gateway never sees these bytes on the way in either.
        try (InputStream data = new PatternStream(size)) {
            swift().objects().put(bucket, "large", data, size, SwiftHeaders.of("Content-Type", "application/x-big"));
        }
        try (FaultProxy proxy = FaultProxy.start(S3TestGateway.SWIFT_URL);
                S3TestGateway counted = S3TestGateway.start(proxy.gatewayConfiguration());
                AccessRecords records = AccessRecords.listen(counted)) {
            long before = proxy.bytesExchanged();
            counted.s3().copyObject(b -> b.sourceBucket(bucket).sourceKey("large").destinationBucket(bucket)
                    .destinationKey("large-copy"));
            long exchanged = proxy.bytesExchanged() - before;
            assertTrue(exchanged < 64 * 1024, "bytes between gateway and Swift for a " + size + "-byte copy: "
                    + exchanged + " " + proxy.log());
            AccessRecord copy = records.await("CopyObject");
            assertEquals(0, copy.bytesIn());
            assertTrue(copy.bytesOut() < 1024, "answer is only the CopyObjectResult: " + copy);
        }
        SwiftReply original = swift().objects().head(bucket, "large", SwiftHeaders.empty());
        SwiftReply copied = swift().objects().head(bucket, "large-copy", SwiftHeaders.empty());
        assertEquals(size, copied.contentLength());
        assertEquals(original.etag(), copied.etag());
        assertEquals("application/x-big", copied.header("Content-Type"));
    }
}
