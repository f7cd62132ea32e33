package io.s3multi.webapp.s3;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import io.s3multi.swift.SwiftHeaders;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.s3.model.DeleteObjectsResponse;
import software.amazon.awssdk.services.s3.model.DeletedObject;
import software.amazon.awssdk.services.s3.model.ObjectIdentifier;
import software.amazon.awssdk.services.s3.model.S3Error;
import software.amazon.awssdk.services.s3.model.S3Exception;

/**
 * AWS's conditional deletes (since September 2025) through the AWS SDK v2 with its defaults: DeleteObject's
 * {@code ifMatch} and DeleteObjects' {@code eTag} per key delete only the object with that ETag ({@code *}: any
 * object), else {@code 412 PreconditionFailed}, and {@code 404 NoSuchKey} when the key holds nothing. The gateway
 * used to ignore the condition and delete whatever was there. (Debian's awscli 2.9 predates these parameters.)
 */
class ConditionalDeleteIT extends S3IntegrationTest {

    private static final String HELLO_ETAG = "\"5d41402abc4b2a76b9719d911017c592\"";   // md5 of "hello"
    private static final String OTHER_ETAG = "\"0123456789abcdef0123456789abcdef\"";

    private String bucketWith(String... keys) throws Exception {
        String bucket = ObjectTests.createBucket(this, swift());
        for (String key : keys) {
            swift().objects().put(bucket, key, "hello".getBytes(UTF_8), SwiftHeaders.empty());
        }
        return bucket;
    }

    @Test
    void deleteObjectWithIfMatchDeletesOnlyTheObjectWithThatEtag() throws Exception {
        String bucket = bucketWith("k", "any");
        S3Exception stale = assertThrows(S3Exception.class,
                () -> s3().deleteObject(b -> b.bucket(bucket).key("k").ifMatch(OTHER_ETAG)));
        assertEquals(412, stale.statusCode());
        assertEquals("PreconditionFailed", stale.awsErrorDetails().errorCode());
        assertArrayEquals("hello".getBytes(UTF_8), ObjectTests.readDirectly(swift(), bucket, "k"));

        s3().deleteObject(b -> b.bucket(bucket).key("k").ifMatch(HELLO_ETAG));
        ObjectTests.assertNotInSwift(swift(), bucket, "k");
        s3().deleteObject(b -> b.bucket(bucket).key("any").ifMatch("*"));
        ObjectTests.assertNotInSwift(swift(), bucket, "any");

        S3Exception missing = assertThrows(S3Exception.class,
                () -> s3().deleteObject(b -> b.bucket(bucket).key("k").ifMatch("*")));
        assertEquals(404, missing.statusCode());
        assertEquals("NoSuchKey", missing.awsErrorDetails().errorCode());

        // AWS evaluates the condition on the current object only; with a version id it is refused, not ignored.
        swift().objects().put(bucket, "k", "hello".getBytes(UTF_8), SwiftHeaders.empty());
        S3Exception byVersion = assertThrows(S3Exception.class,
                () -> s3().deleteObject(b -> b.bucket(bucket).key("k").versionId("null").ifMatch(HELLO_ETAG)));
        assertEquals("NotImplemented", byVersion.awsErrorDetails().errorCode());
        assertArrayEquals("hello".getBytes(UTF_8), ObjectTests.readDirectly(swift(), bucket, "k"));
    }

    @Test
    void deleteObjectsWithAnEtagPerKeyDeletesOnlyTheKeysWhoseEtagHolds() throws Exception {
        String bucket = bucketWith("stale", "fresh", "plain");
        DeleteObjectsResponse response = s3().deleteObjects(b -> b.bucket(bucket).delete(d -> d.objects(
                ObjectIdentifier.builder().key("stale").eTag(OTHER_ETAG).build(),
                ObjectIdentifier.builder().key("fresh").eTag(HELLO_ETAG).build(),
                ObjectIdentifier.builder().key("plain").build(),
                ObjectIdentifier.builder().key("gone").eTag("*").build())));
        assertEquals(List.of("fresh", "plain"), response.deleted().stream().map(DeletedObject::key).toList());
        assertEquals(Map.of("stale", "PreconditionFailed", "gone", "NoSuchKey"),
                response.errors().stream().collect(Collectors.toMap(S3Error::key, S3Error::code)));
        assertArrayEquals("hello".getBytes(UTF_8), ObjectTests.readDirectly(swift(), bucket, "stale"));
        ObjectTests.assertNotInSwift(swift(), bucket, "fresh");
        ObjectTests.assertNotInSwift(swift(), bucket, "plain");
    }
}
